import type { Action, Entity, Paragraph, Proposal } from '../types.js';
import { paragraphLanguage, type AnnotateContext } from './context.js';
import { loadProposalLexicon, type ProposalLexicon } from './clause/lexicons.js';
import { readingOf } from './clause/readDocument.js';
import { foldPhrase, splitSentences, tokenizeParagraph, type Token } from './clause/tokens.js';
import { foldLooseCached } from '../text/fold.js';
import { WordFilter } from './clause/wordFilter.js';
import { stableSort } from '../stableSort.js';

/**
 * Stage: proposals of named states (GUIDELINES §6). Reads the paragraph's state mentions
 * (entities stage) and actions; writes `proposals`: one per "proposition de <État> de
 * <verbe> …" / "the proposal of <State> to <verb> …" / "<State>'s initiative to …", with
 * `proposer` (the state's ISO code), `text` (from the proposed verb to the end of the
 * proposal: the next action or the end of the sentence), `stance` (the category of the
 * members' action that governs the proposal noun) and start/end/rule. A proposal noun with
 * no complement of its own that the members then act on ("ont soutenu la proposition de X
 * et ont décidé de créer …") takes its text from that decision.
 */
export function annotateProposals(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  // The lexicon of the language met last (a document has one or two languages for hundreds of paragraphs).
  let lastLang: string | null = null;
  let lex: ProposalLexicon | null = null;
  for (const p of paragraphs) {
    p.proposals = [];
    if (p.kind === 'heading' || p.kind === 'fragment' || p.actions.length === 0) continue;
    const lang = paragraphLanguage(p, ctx);
    if (lang !== lastLang) {
      lex = loadProposalLexicon(lang);
      lastLang = lang;
    }
    if (!lex) continue;
    const states = (p.entities ?? []).filter((e) => e.type === 'state' && e.ref);
    if (states.length === 0) continue;
    p.proposals = findProposals(p, states, lex, ctx);
  }
}

function seqAt(tokens: Token[], i: number, words: string[]): boolean {
  return i + words.length <= tokens.length && words.every((w, k) => tokens[i + k]!.w === w);
}

/** A proposal lexicon's word lists, folded once (cached per lexicon object). */
interface CompiledProposals {
  nouns: string[][];
  /** True when some noun folds to no word at all (it then matches at every token). */
  emptyNoun: boolean;
  /**
   * The nouns' first words without those containing another one ("proposals" holds "proposal"):
   * a fold that includes none of these includes no first word at all (the early stop's probes).
   */
  gateWords: string[];
  /** Gate before trying the nouns at a token: most tokens start none (exact when it says no). */
  firstWords: WordFilter;
  ofWords: string[][];
  links: string[][];
  possessive: string[];
}
const compiledProposals = new WeakMap<ProposalLexicon, CompiledProposals>();
function compileProposals(lex: ProposalLexicon): CompiledProposals {
  let c = compiledProposals.get(lex);
  if (!c) {
    const nouns = lex.nouns.map(foldPhrase);
    c = {
      nouns,
      emptyNoun: nouns.some((n) => n.length === 0),
      gateWords: minimalSubstrings(nouns.filter((n) => n.length > 0).map((n) => n[0]!)),
      firstWords: new WordFilter(nouns.filter((n) => n.length > 0).map((n) => n[0]!)),
      ofWords: lex.ofWords.map(foldPhrase).sort((a, b) => b.length - a.length),
      links: lex.linkWords.map(foldPhrase).sort((a, b) => b.length - a.length),
      possessive: (lex.possessiveMarkers ?? []).map((s) => s.replace('’', "'")),
    };
    compiledProposals.set(lex, c);
  }
  return c;
}

/** The distinct words none of which contains another of them (order kept). */
export function minimalSubstrings(words: string[]): string[] {
  const distinct = [...new Set(words)];
  return distinct.filter((w) => !distinct.some((o) => o !== w && w.includes(o)));
}

function findProposals(p: Paragraph, states: Entity[], lex: ProposalLexicon, ctx: AnnotateContext): Proposal[] {
  const text = p.text;
  const { nouns, emptyNoun, gateWords, firstWords, ofWords, links, possessive } = compileProposals(lex);
  // Exact gates: a proposal starts at a token equal to a noun's first word. The clause reading
  // read this paragraph's tokens and says whether one is; else, as every token is a slice of the
  // paragraph's loose fold, without any first word in that fold there is none.
  const reading = readingOf(p, ctx);
  if (!emptyNoun && reading?.proposalNoun === false) return [];
  if (!emptyNoun && reading?.proposalNoun !== true) {
    const folded = foldLooseCached(text);
    if (!gateWords.some((w) => folded.includes(w))) return [];
  }
  const tokens = tokenizeParagraph(text);
  // The clause reading split this text already (an empty list may be a skipped paragraph's).
  const read = reading?.sentences;
  const sentences = read?.length ? read : splitSentences(text);
  const actions = stableSort(p.actions.slice(), byStart);
  const out: Proposal[] = [];
  const tokenAt = (offset: number) => tokens.findIndex((t) => t.start >= offset);

  for (let i = 0; i < tokens.length; i++) {
    // Without an empty noun, a noun matches only where the token is its first word.
    if (!emptyNoun && !firstWords.mayHave(tokens[i]!.w)) continue;
    const noun = nouns.find((n) => seqAt(tokens, i, n));
    if (!noun) continue;
    let j = i + noun.length;
    let state: Entity | undefined;
    // "<noun> of/de la <State>"
    const of = ofWords.find((o) => seqAt(tokens, j, o));
    if (of) {
      const after = tokens[j + of.length];
      state = after && states.find((s) => s.start <= after.start + 2 && s.start >= tokens[j + of.length - 1]!.end);
    }
    // "<noun> <State in the genitive>" (Russian: "предложение Республики Казахстан")
    if (!state) {
      const nounEnd = tokens[j - 1]!.end;
      state = states.find((s) => s.start > nounEnd && /^\s+$/u.test(text.slice(nounEnd, s.start)));
    }
    // "<State>'s <noun>"
    if (!state && possessive.length) {
      state = states.find((s) => {
        const between = text.slice(s.end, tokens[i]!.start).replace('’', "'").trim();
        return possessive.some((m) => between === m);
      });
    }
    if (!state) continue;
    const afterState = state.end > tokens[i]!.start ? state.end : tokens[i + noun.length - 1]!.end;
    let k = tokenAt(afterState);
    const link = k >= 0 ? links.find((l) => seqAt(tokens, k, l)) : undefined;
    const sentence = sentences.find((s) => tokens[i]!.start >= s.start && tokens[i]!.start < s.end);
    const sentenceEnd = sentence ? sentence.end : text.length;
    let start = -1;
    let rule = 'proposals/noun-state-verb';
    if (link && k >= 0 && /^\s*$/u.test(text.slice(afterState, tokens[k]!.start).replace(/[,)]/gu, ''))) {
      k += link.length;
      if (k < tokens.length) start = tokens[k]!.start;
    } else {
      // No complement: a following decision of the members carries the text.
      const next = actions.find((a) => a.start >= afterState && a.start < sentenceEnd && (a.category === 'decide' || a.category === 'commit'));
      const nk = next ? tokenAt(next.end) : -1;
      const nlink = nk >= 0 ? links.find((l) => seqAt(tokens, nk, l)) : undefined;
      if (next && nlink && nk + nlink.length < tokens.length && /^\s*(?:et|and|,)\s*$/iu.test(text.slice(afterState, next.start).replace(/\s+/gu, ' '))) {
        start = tokens[nk + nlink.length]!.start;
        rule = 'proposals/noun-state-then-decision';
      }
    }
    if (start < 0) continue;
    const nextAction = actions.find((a) => a.start > start && a.start < sentenceEnd);
    let end = nextAction ? nextAction.start : sentenceEnd;
    let body = text.slice(start, end);
    body = body.replace(/(?:\s*(?:,|\bet|\band)\s*)$/iu, '').replace(/[\s.;,]+$/u, '');
    end = start + body.length;
    if (body.length === 0) continue;
    out.push({ proposer: state.ref!, text: body, stance: stanceFor(actions, tokens[i]!.start, sentence?.start ?? 0), start, end, rule });
    i = tokenAt(end) - 1;
    if (i < 0) break;
  }
  return out;
}

/** The category of the members' action that governs the noun: the last action before it in its sentence. */
function stanceFor(actions: Action[], nounStart: number, sentenceStart: number): Proposal['stance'] {
  const before = actions.filter((a) => a.end <= nounStart && a.start >= sentenceStart);
  const any = actions.filter((a) => a.end <= nounStart);
  return (before[before.length - 1] ?? any[any.length - 1] ?? actions[0])!.category;
}

function byStart(a: Action, b: Action): number {
  return a.start - b.start;
}
