import type { Action, ActionCategory, Paragraph } from '../types.js';
import { paragraphLanguage, type AnnotateContext } from './context.js';
import { clauseEnd, countTargets } from './clause/countTargets.js';
import { loadCommitmentLexicon, type CommitmentLexicon } from './clause/lexicons.js';
import { readingOf } from './clause/readDocument.js';
import { splitSentences } from './clause/tokens.js';
import { stableSort } from '../stableSort.js';

/**
 * Stage: commitment flag and count (GUIDELINES §4). Reads `actions` (and the clause
 * reading); writes `commitment`, `commitments` and `commitmentRule`. A paragraph commits
 * when one of its actions is in a pledge category of the language's commitment lexicon
 * (commit, decide). A lead-in sentence that ends with a colon counts nothing: its items do.
 * Two pledge verbs joined by "et"/"and" with one object count once ("défendront et
 * renforceront …").
 */
export function annotateCommitments(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  // The lexicon of the language met last (a document has one or two languages for hundreds of paragraphs).
  let lastLang: string | null = null;
  let lex: CommitmentLexicon | null = null;
  for (const p of paragraphs) {
    p.commitment = false;
    p.commitments = 0;
    // No action, nothing to count (the flags stay as set above).
    if (p.kind === 'heading' || p.kind === 'fragment' || p.actions.length === 0) continue;
    const lang = paragraphLanguage(p, ctx);
    if (lang !== lastLang) {
      lex = loadCommitmentLexicon(lang);
      lastLang = lang;
    }
    const categories = pledgeCategories(lex);
    const reading = readingOf(p, ctx);
    const sentences = reading?.sentences.length ? reading.sentences : splitSentences(p.text);
    const colon = reading?.colonSentences ?? [];
    const actions = stableSort(p.actions.slice(), byStart);
    let count = 0;
    const rules: string[] = [];
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i]!;
      if (!categories.has(a.category)) continue;
      if (colon.some((s) => a.start >= s.start && a.start < s.end)) continue;
      const next = actions[i + 1];
      if (next && categories.has(next.category) && /^\s*(?:et|and|и|并)\s*$/iu.test(p.text.slice(a.end, next.start))) continue;
      count += lex ? countTargets(p.text, a, clauseEnd(a, actions, sentences, p.text.length), lex) : 1;
      rules.push(a.rule ?? a.category);
    }
    if (count > 0) {
      p.commitment = true;
      p.commitments = count;
      p.commitmentRule = `commitment/pledge-action:${rules[0]}`;
    }
  }
}

/** The pledge categories of a commitment lexicon as a set, made once per lexicon object. */
const categorySets = new WeakMap<CommitmentLexicon, ReadonlySet<ActionCategory>>();
const DEFAULT_CATEGORIES: ReadonlySet<ActionCategory> = new Set<ActionCategory>(['commit', 'decide']);
function pledgeCategories(lex: CommitmentLexicon | null): ReadonlySet<ActionCategory> {
  if (!lex) return DEFAULT_CATEGORIES;
  let set = categorySets.get(lex);
  if (!set) { set = new Set(lex.categories ?? DEFAULT_CATEGORIES); categorySets.set(lex, set); }
  return set;
}

function byStart(a: Action, b: Action): number {
  return a.start - b.start;
}
