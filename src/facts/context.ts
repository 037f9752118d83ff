import { foldForMatch, foldForMatchCached } from '../text/fold.js';
import { isWhiteSpaceCode } from '../text/whiteSpace.js';
import type { Action, Entity, EntityType, InstitutionalFact, Paragraph } from '../types.js';
import { CUE_CLASSES, findCues, type CueClass, type CueMatch, type FactsLexicon } from './lexicon.js';

/** A half-open range of offsets in the paragraph text. */
export interface Range {
  start: number;
  end: number;
}

/** What every fact rule reads for one paragraph. */
export interface ParagraphFacts {
  paragraph: Paragraph;
  /** The paragraph text folded by foldForMatch (same length, so offsets carry over). */
  folded: string;
  /** The sentence ranges: read them with sentencesOf, which splits them on first use. */
  sentences: Range[] | null;
  lex: FactsLexicon;
  /** The organisation the document belongs to (lower-case id), when known. */
  org: string | null;
  /** The document's date (ISO), when known. */
  docDate: string | null;
  /** Entities sorted by start. */
  entities: Entity[];
  actions: Action[];
  /** Cue matches over the whole paragraph, per class number (CLASS_NUMBER), computed once (see cuesIn). */
  cueCache: (readonly CueMatch[] | undefined)[];
}

/** Builds the per-paragraph context the rules share. */
export function makeParagraphFacts(paragraph: Paragraph, lex: FactsLexicon, org: string | null, docDate: string | null): ParagraphFacts {
  return {
    paragraph,
    // Cached: the entity recognisers folded the same paragraph text the same way just before.
    folded: foldForMatchCached(paragraph.text),
    sentences: null,
    lex,
    org,
    docDate,
    entities: byStart(paragraph.entities),
    actions: byStart(paragraph.actions),
    // An array by class number, not a Map: one is made per paragraph, and a Map costs more to make.
    cueCache: new Array<readonly CueMatch[] | undefined>(CUE_CLASSES.length),
  };
}

/**
 * The paragraph's sentence ranges (splitSentences), split on first use: most paragraphs give no
 * rule a cue to read them for.
 */
export function sentencesOf(pf: ParagraphFacts): Range[] {
  return (pf.sentences ??= splitSentences(pf.paragraph.text));
}

/**
 * The spans sorted by start. The annotators mostly write them in that order already: then the
 * paragraph's own array is shared (the rules only read it) instead of copied and sorted, which
 * gives the same order (the sort is stable).
 */
function byStart<T extends Range>(spans: T[] | undefined): T[] {
  if (!spans) return [];
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.start) return [...spans].sort((a, b) => a.start - b.start);
  }
  return spans;
}

/**
 * Sentence ranges. Hand-written instead of Intl.Segmenter because machine-translated
 * declarations put stray full stops inside names and dates ("2025. –2027", "chefs
 * d'État. des États membres"): a sentence ends only at . ! ? ; followed by a space and an
 * upper-case letter (or a quotation mark), or at the end of the text.
 */
export function splitSentences(text: string): Range[] {
  // A scan instead of matchAll(/[.!?;]+["»”’)]*\s+(?=[\p{Lu}«"“])/gu) (same boundaries: each
  // part is greedy and cannot give back to the next, so the regex never backtracks into a match):
  // it runs on every paragraph, and the regex's match objects and iterator cost more than this.
  const out: Range[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (!isSentencePunct(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < n && isSentencePunct(text.charCodeAt(j))) j++;
    while (j < n && CLOSERS.includes(text[j]!)) j++;
    let k = j;
    while (k < n && isWhiteSpaceCode(text.charCodeAt(k))) k++;
    if (k === j || k >= n || !OPENER.test(String.fromCodePoint(text.codePointAt(k)!))) { i = j - 1; continue; }
    if (j > start) out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

const CLOSERS = '"»”’)';
const OPENER = /^[\p{Lu}«"“]$/u;
/** . ! ? ; */
function isSentencePunct(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 59;
}

/** The sentence holding an offset (the last one when the offset is past the end). */
export function sentenceAt(pf: ParagraphFacts, offset: number): Range {
  const sentences = sentencesOf(pf);
  return sentences.find((s) => offset >= s.start && offset < s.end) ?? sentences[sentences.length - 1] ?? { start: 0, end: pf.paragraph.text.length };
}

/** Each cue class's position in CUE_CLASSES: its slot in ParagraphFacts.cueCache. */
const CLASS_NUMBER = Object.fromEntries(CUE_CLASSES.map((c, i) => [c, i])) as Record<CueClass, number>;

/**
 * Every cue of one class in the whole paragraph, sorted by start. Matched once and kept: the
 * rules ask for the same classes sentence after sentence.
 */
function paragraphCues(pf: ParagraphFacts, cls: CueClass): readonly CueMatch[] {
  const k = CLASS_NUMBER[cls];
  let all = pf.cueCache[k];
  if (!all) {
    all = findCues(pf.lex, cls, pf.folded, 0, pf.folded.length, pf.paragraph.text);
    pf.cueCache[k] = all;
  }
  return all;
}

/** The answer of cuesIn for a range without cues: one shared array, read-only by its type (not frozen: see NO_MATCHES in lexicon.ts). */
const NO_CUES: readonly CueMatch[] = [];

/** The index of the first item starting at or after `start`, in items sorted by start (bisection). */
function firstStartingAtOrAfter(items: ReadonlyArray<{ start: number }>, start: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cues of one class inside a range of the paragraph. */
export function cuesIn(pf: ParagraphFacts, cls: CueClass, range: Range): readonly CueMatch[] {
  const all = paragraphCues(pf, cls);
  if (all.length === 0) return NO_CUES;
  // `all` is sorted by start: skip to the range by bisection instead of filtering every cue.
  const lo = firstStartingAtOrAfter(all, range.start);
  const out: CueMatch[] = [];
  for (let i = lo; i < all.length && all[i]!.start < range.end; i++) if (all[i]!.end <= range.end) out.push(all[i]!);
  return out;
}

/** Entities of some types inside a range (start and end). */
export function entitiesIn(pf: ParagraphFacts, range: Range, types: EntityType[]): Entity[] {
  // pf.entities is sorted by start: skip to the range by bisection instead of filtering them all
  // (the rules ask sentence after sentence); one starting at range.end may still be empty.
  const all = pf.entities;
  const lo = firstStartingAtOrAfter(all, range.start);
  const out: Entity[] = [];
  for (let i = lo; i < all.length && all[i]!.start <= range.end; i++) {
    const e = all[i]!;
    if (e.end <= range.end && types.includes(e.type)) out.push(e);
  }
  return out;
}

/** The answer of sentencesWith when no sentence qualifies: one shared array, read-only by its type (not frozen: see NO_MATCHES in lexicon.ts). */
const NO_RANGES: readonly Range[] = [];

/**
 * The sentences, in order, that hold a whole cue of one of the classes (where cuesIn finds it),
 * or an entity of the given type. A rule that starts from such a cue or entity reads nothing in
 * the other sentences: it visits these only, and the paragraph is not split into sentences when
 * it holds none.
 */
export function sentencesWith(pf: ParagraphFacts, classes: readonly CueClass[], entityType?: EntityType): readonly Range[] {
  let held: boolean[] | null = null;
  for (const cls of classes) {
    for (const c of paragraphCues(pf, cls)) {
      const sentences = sentencesOf(pf);
      held ??= new Array<boolean>(sentences.length).fill(false);
      const i = sentenceIndexAt(sentences, c.start);
      if (i >= 0 && c.end <= sentences[i]!.end) held[i] = true;
    }
  }
  if (entityType) {
    for (const e of pf.entities) {
      if (e.type !== entityType) continue;
      const sentences = sentencesOf(pf);
      held ??= new Array<boolean>(sentences.length).fill(false);
      // Where entitiesIn finds it (an empty span at a sentence's end counts in that sentence).
      for (let i = 0; i < sentences.length; i++) if (e.start >= sentences[i]!.start && e.start <= sentences[i]!.end && e.end <= sentences[i]!.end) held[i] = true;
    }
  }
  if (!held) return NO_RANGES;
  const marks = held;
  return sentencesOf(pf).filter((_, i) => marks[i]);
}

/** The index of the sentence whose range holds an offset (start ≤ offset < end), or -1 (a gap between sentences). */
function sentenceIndexAt(sentences: Range[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < sentences.length && sentences[lo]!.start <= offset ? lo : -1;
}

/** True when the text between two offsets holds only linker words (articles, prepositions). */
export function isLinkerGap(pf: ParagraphFacts, from: number, to: number): boolean {
  if (to < from) return false;
  return pf.lex.linkerGap.test(pf.folded.slice(from, to));
}

/**
 * True when the text between two names coordinates them ("…, du …", "… et de la …",
 * "… and …"). Spans of places and dates inside the gap ("à Pékin et du") are skipped.
 */
export function isCoordinatedGap(pf: ParagraphFacts, from: number, to: number): boolean {
  if (to < from) return false;
  const gap = blankPlacesAndDates(pf, from, to);
  return pf.lex.coordinatedGap.test(gap);
}

/**
 * The folded text between two offsets with place and date mentions blanked out, and the
 * preposition or parentheses they leave behind ("à Pékin", "(Astana, 2024)") removed.
 */
export function blankPlacesAndDates(pf: ParagraphFacts, from: number, to: number): string {
  let gap = pf.folded.slice(from, to);
  for (const e of pf.entities) {
    if ((e.type === 'place' || e.type === 'date') && e.start >= from && e.end <= to) {
      gap = gap.slice(0, e.start - from) + ' '.repeat(e.end - e.start) + gap.slice(e.end - from);
    }
  }
  return gap.replace(/\(\s*[, ]*\s*\)/g, ' ').replace(/(?:^|\s)(?:à|a|in|at|en)\s+(?=\s|$)/gu, ' ');
}

/** The text of a fact's span, and the span itself, covering every given range. */
export function spanOf(pf: ParagraphFacts, ...ranges: (Range | null | undefined)[]): { start: number; end: number; text: string } {
  const rs = ranges.filter((r): r is Range => !!r);
  const start = Math.min(...rs.map((r) => r.start));
  const end = Math.max(...rs.map((r) => r.end));
  return { start, end, text: pf.paragraph.text.slice(start, end) };
}

/** A fact with the fields every fact carries. */
export function makeFact(pf: ParagraphFacts, kind: string, rule: string, ranges: (Range | null | undefined)[], payload: Record<string, unknown>): InstitutionalFact {
  const span = spanOf(pf, ...ranges);
  return { kind, eId: pf.paragraph.eId, start: span.start, end: span.end, text: span.text, rule, ...payload };
}

/** A period parsed from an ISO 8601 date value: "2024/2029", "../2030", "2025", "2024-07-04". */
export interface Period {
  start: string | null;
  end: string | null;
}

/** Reads an ISO date or interval value into a period; null when the value is not a date. */
export function periodFromValue(value: string | null | undefined): Period | null {
  if (!value) return null;
  const v = value.trim();
  const iso = /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.)$/;
  if (v.includes('/')) {
    const [a, b] = v.split('/');
    if (!iso.test(a) || !iso.test(b)) return null;
    return { start: a === '..' ? null : a, end: b === '..' ? null : b };
  }
  if (/^\d{4}$/.test(v)) return { start: v, end: v };
  return null;
}

/** The year of an ISO value ("2025", "2025-03", "2025/2026" → 2025), or null. */
export function yearOf(value: string | null | undefined): string | null {
  const m = value ? /^(\d{4})/.exec(value) : null;
  return m ? m[1] : null;
}

/** Reads a period from text with the lexicon's period patterns (used when no date entity was found). */
export function periodFromText(pf: ParagraphFacts, range: Range): { period: Period; range: Range; rule: string } | null {
  const hits = cuesIn(pf, 'period', range);
  if (!hits.length) return null;
  // Lexicon order is priority order: a range beats the bare year inside it ("pour 2025-2027").
  const order = pf.lex.cues.period.map((c) => c.id);
  const h = [...hits].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id) || a.start - b.start)[0];
  const g1 = h.groups[0] ?? null;
  const g2 = h.groups[1] ?? null;
  let period: Period;
  switch (h.value) {
    case 'range': period = { start: g1, end: g2 }; break;
    case 'until': period = { start: null, end: g1 }; break;
    case 'from': period = { start: g1, end: null }; break;
    default: period = { start: g1, end: g1 };
  }
  return { period, range: { start: h.start, end: h.end }, rule: h.id };
}

/** The nearest action that starts before an offset in the same sentence, or null. */
export function governingAction(pf: ParagraphFacts, offset: number): Action | null {
  const s = sentenceAt(pf, offset);
  let best: Action | null = null;
  for (const a of pf.actions) if (a.start >= s.start && a.end <= offset) best = a;
  return best;
}

/**
 * A capitalised name written in title case right at an offset ("BRICS Working Group on
 * Critical Minerals", "Plan of Action"): capitalised words, with linker words between two
 * of them. Used when the entity recogniser has not marked a new body or instrument. Needs
 * two capitalised words at least; stops at any punctuation. Hand-written because no library
 * here segments title-case names, and the linker words come from the lexicon.
 */
export function titleCaseNameAt(pf: ParagraphFacts, from: number, limit: number): Range | null {
  const text = pf.paragraph.text;
  const re = /\s*([\p{L}\p{N}][\p{L}\p{N}'’-]*)/uy;
  const isCap = (w: string) => /^[\p{Lu}\p{N}]/u.test(w);
  let at = from;
  let start = -1;
  let end = -1;
  let caps = 0;
  const lower: string[] = [];
  while (at < limit) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || m.index + m[0].length > limit) break;
    const word = m[1];
    const wordStart = m.index + m[0].length - word.length;
    if (isCap(word)) {
      // Lower-case words between two capitalised ones must form an allowed run ("for the", "on").
      if (lower.length && !pf.lex.nameLinkerRun.test(foldForMatch(lower.join(' ')))) break;
      // A marked place, state or date ends the name ("… Competencies in Shanghai").
      if (start >= 0 && pf.entities.some((e) => (e.type === 'place' || e.type === 'state' || e.type === 'date') && e.start <= wordStart && wordStart < e.end)) break;
      if (start < 0) start = wordStart;
      end = wordStart + word.length;
      caps++;
      lower.length = 0;
    } else if (start >= 0 && lower.length < 2) {
      lower.push(word);
    } else break;
    at = m.index + m[0].length;
  }
  if (start < 0 || caps < 2) return null;
  return { start, end };
}
