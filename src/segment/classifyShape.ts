import type { ParagraphKind } from '../types.js';
import type { RawParagraph } from './splitParagraphs.js';
import { isWhiteSpaceCode } from '../text/whiteSpace.js';

/**
 * First guess of a paragraph's kind from its shape alone (no lexicon): headings
 * (titles, datelines, section headings, document symbols) and fragments (stray
 * trailing labels). Everything else starts as "operative"; the kinds stage refines
 * operative/preamble once subjects and actions are known.
 */
export interface ShapeKind {
  kind: ParagraphKind;
  rule: string;
}

/**
 * Lines ending like a sentence or a clause (a comma continues into the next line) are not headings.
 * Tested on the last character of the trimmed line: the pattern /[…]\s*$/ would be tried at every
 * position of a long paragraph.
 */
const SENTENCE_END_CHARS = new Set('.,;:!?。，；：！？…»"”)]');
const STARTS_LOWER = /^\p{Ll}/u;
const DOC_SYMBOL = /^(?:[A-Z]{1,6}\/[A-Z0-9./-]+|Distr\.?:?\s*\w+|Original:\s*\w+)$/u;
export const DATELINE = /^(?:[\p{Lu}][\p{L}\p{M}' .-]{1,40},\s*)*(?:\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},\s*\d{4}|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}\s+\p{L}+\s+\d{4}\s*(?:г\.|года)?)\.?$/u;

/**
 * Whether a trimmed line can match DATELINE, read from its last two characters: every branch of the
 * pattern ends with a digit, "日", "г." or "года", then maybe a period; a period may also follow
 * the white space after a year ("4 июля 2024 ."). Most paragraphs end with a letter and a period,
 * so the pattern (whose leading "Place, " group backtracks from each capital) is not tried on
 * them: it was half of the stage's time. classifyShape.test.ts checks that no line the pattern
 * matches is refused.
 */
export function mayBeDateline(t: string): boolean {
  let c = t.charCodeAt(t.length - 1);
  if (c === 0x2e) { // ".": the optional period, or the one of "г."
    c = t.charCodeAt(t.length - 2);
    if (c === 0x433 || c === 0x2e || isWhiteSpaceCode(c)) return true; // "г.", "г..", "2024 ."
  }
  return (c >= 0x30 && c <= 0x39) || c === 0x65e5 || c === 0x430; // a digit, "日", the "а" of "года"
}
const SECTION_NUMBER = /^(?:[IVXLC]{1,6}\.|[A-Z]\.|[一二三四五六七八九十]{1,3}、|Part\s+\w+|Section\s+\w+|Chapitre\s+\w+|Раздел\s+\w+)\s*/u;

function wordCount(s: string): number {
  return s.split(/\s+/u).filter(Boolean).length;
}

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export function classifyShape(p: RawParagraph, index: number, all: RawParagraph[]): ShapeKind {
  const t = p.text.trim();
  const isLast = index === all.length - 1;
  if (DOC_SYMBOL.test(t)) return { kind: 'heading', rule: 'segment/heading-document-symbol' };
  if (mayBeDateline(t) && DATELINE.test(t)) return { kind: 'heading', rule: 'segment/heading-dateline' };
  const endsSentence = SENTENCE_END_CHARS.has(t[t.length - 1]) || STARTS_LOWER.test(t);
  // Every rule below that reads the word count first needs a line that does not end a sentence:
  // most paragraphs do, and splitting them into words was the stage's main cost.
  if (endsSentence) return { kind: 'operative', rule: 'segment/default-operative' };
  // The cheap tests on the length come first: the word count and the letters' case read the whole
  // line, and most lines that get here are long (a paragraph without final punctuation).
  // A short label after the last real paragraph is page residue, not a heading (nothing follows it).
  if (isLast && index > 0 && t.length < 40 && wordCount(t) <= 2 && !isAllCaps(t)) {
    return { kind: 'fragment', rule: 'segment/fragment-trailing-label' };
  }
  if (t.length <= 200 && (isAllCaps(t) || SECTION_NUMBER.test(t))) {
    return { kind: 'heading', rule: 'segment/heading-caps-or-numbered' };
  }
  if (t.length <= 250 && (index === 0 || wordCount(t) <= 20)) {
    return { kind: 'heading', rule: 'segment/heading-unpunctuated-line' };
  }
  return { kind: 'operative', rule: 'segment/default-operative' };
}
