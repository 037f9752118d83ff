import type { ProposalLexicon } from './lexicons.js';
import { foldPhrase } from './tokens.js';
import { WordIdSet } from './vocabulary.js';

/**
 * The first words of a proposal lexicon's nouns, numbered in the vocabulary, so that the clause
 * reader, which has every paragraph's word tokens at hand, can tell the proposals stage which
 * paragraphs have a token a proposal could start at (and spare it a search of the paragraph's
 * fold for each noun). Null when some noun folds to no word at all (it would match at any token)
 * or there is no lexicon: the stage then decides alone. Compile it before reading tokens (their
 * ids are those of words numbered already). Cached per lexicon object.
 */
const startsByLexicon = new WeakMap<ProposalLexicon, WordIdSet | null>();

export function proposalNounStarts(lex: ProposalLexicon | null): WordIdSet | null {
  if (!lex) return null;
  let starts = startsByLexicon.get(lex);
  if (starts === undefined) {
    const nouns = lex.nouns.map(foldPhrase);
    starts = nouns.some((n) => n.length === 0) ? null : new WordIdSet(nouns.map((n) => n[0]!));
    startsByLexicon.set(lex, starts);
  }
  return starts;
}
