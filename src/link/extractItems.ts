import type { ActionCategory, Paragraph } from '../types.js';
import type { ItemType, Stance } from '../store/types.js';
import { loadLinkData } from './linkData.js';
import { nameKey } from './nameKey.js';
import { stanceAt, stanceOfAction } from './stance.js';
import { findWords, termOf } from './terms.js';

/**
 * Item mentions of one paragraph: what the annotators marked (instrument, initiative,
 * organization, event entities; proposals), plus named phrases grown around head nouns
 * (src/link/data/heads.json) that the annotators did not mark — so linking does not depend on
 * how complete the entity recogniser is. Each mention carries its key (src/link/nameKey.ts),
 * the stance of the governing action, and the rule that produced it.
 */
export interface ItemMention {
  type: ItemType;
  text: string;
  start: number;
  end: number;
  /** Reference-data id from the annotator, when any. */
  ref: string | null;
  key: string;
  stance: Stance;
  actionWords: string | null;
  proposer: string | null;
  rule: string;
}

const ENTITY_ITEM_TYPES: Record<string, ItemType> = {
  instrument: 'instrument', initiative: 'initiative', organization: 'body', event: 'event',
};
const MAX_PHRASE_WORDS = 12;
/** Item names longer than this are cut: keys of whole clauses would never match anything. */
const MAX_NAME_CHARS = 200;

function overlaps(a: { start: number; end: number }, spans: Array<{ start: number; end: number }>): boolean {
  return spans.some((s) => a.start < s.end && s.start < a.end);
}

function isNamey(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /^[\p{Lu}\d]{2,}$/u.test(word);
}

/** Mentions of items in `p` (document language `lang`); never throws. */
export function extractItemMentions(p: Paragraph, lang: string): ItemMention[] {
  const language = p.language ?? lang;
  const out: ItemMention[] = [];
  const taken: Array<{ start: number; end: number }> = [];
  const actions = Array.isArray(p.actions) ? p.actions : [];
  const push = (m: Omit<ItemMention, 'key' | 'stance' | 'actionWords'> & { stance?: Stance }): void => {
    const text = m.text.slice(0, MAX_NAME_CHARS);
    const key = nameKey(text, language);
    if (!key && !m.ref) return;
    const at = stanceAt(actions, m.start);
    out.push({ ...m, text, key, stance: m.stance ?? at.stance, actionWords: at.action?.text ?? null });
    taken.push({ start: m.start, end: m.end });
  };
  for (const e of Array.isArray(p.entities) ? p.entities : []) {
    const type = ENTITY_ITEM_TYPES[e.type];
    if (!type || typeof e.text !== 'string' || !e.text.trim()) continue;
    push({ type, text: e.text, start: e.start ?? 0, end: e.end ?? 0, ref: e.ref ?? null, proposer: null, rule: e.rule ?? `entities:${e.type}` });
  }
  for (const pr of Array.isArray(p.proposals) ? p.proposals : []) {
    if (typeof pr.text !== 'string' || !pr.text.trim()) continue;
    const start = pr.start ?? Math.max(0, p.text.indexOf(pr.text));
    const stance = pr.stance ? stanceOfAction({ category: pr.stance as ActionCategory }) : undefined;
    const m = { type: 'proposal' as const, text: pr.text, start, end: pr.end ?? start + pr.text.length, ref: null, proposer: pr.proposer ?? null, rule: pr.rule ?? 'proposals' };
    push(stance ? { ...m, stance } : m);
    taken.pop(); // proposals overlap the named things they contain; those stay items too
  }
  for (const m of findHeadPhrases(p.text, language)) {
    // A marked entity that covers the head noun already names this thing; entities inside
    // the phrase ("SCO" in "SCO Development Bank") do not.
    if (overlaps({ start: m.headStart, end: m.headEnd }, taken)) continue;
    push({ type: m.type, text: m.text, start: m.start, end: m.end, rule: m.rule, ref: null, proposer: null });
  }
  return out;
}

/** Phrases grown around head nouns ("SCO Development Bank", "Banque de développement de l'OCS"). */
export interface HeadPhrase {
  type: ItemType;
  text: string;
  start: number;
  end: number;
  /** Offsets of the head noun itself. */
  headStart: number;
  headEnd: number;
  rule: string;
}

export function findHeadPhrases(text: string, lang: string): HeadPhrase[] {
  const data = loadLinkData();
  const heads = data.heads.get(lang);
  if (!heads || lang === 'zh') return [];
  const boundary = data.boundary.get(lang) ?? new Set<string>();
  const words = findWords(text, lang);
  const out: HeadPhrase[] = [];
  let coveredTo = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.start < coveredTo) continue;
    const head = heads.get(termOf(w.word, lang));
    if (!head) continue;
    let first = i;
    // English and Russian put modifiers before the head: take capitalised words and acronyms.
    if (lang !== 'fr') {
      while (first > 0 && i - first < 4) {
        const prev = words[first - 1]!;
        const gap = text.slice(prev.end, words[first]!.start);
        if (!/^[\s-]*$/.test(gap) || !isNamey(prev.word) || prev.start < coveredTo) break;
        first--;
      }
    }
    let last = i;
    for (let j = i + 1; j < words.length && j - first < MAX_PHRASE_WORDS; j++) {
      const gap = text.slice(words[j - 1]!.end, words[j]!.start);
      if (/[.,;:!?()\[\]«»"“”]/.test(gap)) break;
      const lw = words[j]!.word.toLowerCase();
      if (boundary.has(lw)) break;
      if (lang === 'en' && j === i + 1 && !['of', 'for', 'on'].includes(lw)) break;
      last = j;
    }
    // Do not end on a function word ("Fund of the").
    const stop = data.stop.get(lang) ?? new Set<string>();
    while (last > i && stop.has(termOf(words[last]!.word, lang))) last--;
    const phraseWords = words.slice(first, last + 1);
    const namey = phraseWords.some((x, k) => isNamey(x.word) && !(k === 0 && first === 0 && phraseWords.length > 1 && !/^[\p{Lu}\d]{2,}$/u.test(x.word)));
    // A bare head ("Fund", "Convention") names nothing on its own.
    if (!namey || phraseWords.length < 2) continue;
    const start = words[first]!.start;
    const end = words[last]!.end;
    out.push({ type: head.type, text: text.slice(start, end), start, end, headStart: w.start, headEnd: w.end, rule: `link/head:${head.id}` });
    coveredTo = end;
  }
  return out;
}
