import { lazyCodeTable } from '../../text/codeTable.js';
import { isWhiteSpaceCode } from '../../text/whiteSpace.js';
/**
 * Tokens for the named-thing recogniser: words (with French elided clitics split off,
 * "l’OCS" → "l’" + "OCS"), numbers, quotes and single punctuation marks, each with its
 * offsets in the paragraph text. Hand-written because Intl.Segmenter keeps "l’OCS" as one
 * word and drops the quote kinds we need; the rules are few and language-neutral.
 */

export type TokenKind = 'word' | 'num' | 'open' | 'close' | 'quote' | 'punct' | 'space';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /**
   * The folded text, filled on first use by the recogniser (namedWalk.ts `fw`): each token is looked
   * up many times and a field is cheaper than a map keyed by the text. Always present (undefined
   * until used) so that all tokens share one object shape.
   */
  folded: string | undefined;
}

const CLITIC = /^(?:[LlDdNnSsJjCcMmTt]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]/u;
const WORD = /^[\p{L}\p{M}\p{N}]+(?:[-‑.][\p{L}\p{M}\p{N}]+)*(?:['’]s(?![\p{L}])|['’](?=\s))?/u;
/** The kind of a one-code-unit token that is not a word: opening « “ „ ‹ ( [, closing » ” › ) ], the ASCII quote, or punctuation. */
function markKind(code: number): TokenKind {
  switch (code) {
    case 0x22: return 'quote';
    case 0xab: case 0x201c: case 0x201e: case 0x2039: case 0x28: case 0x5b: return 'open';
    case 0xbb: case 0x201d: case 0x203a: case 0x29: case 0x5d: return 'close';
    default: return 'punct';
  }
}

/*
 * Speed (tokenize runs on every paragraph, and a regex call per token cost more than all the rest):
 * - white space, words and numbers are recognised from per-code-unit tables (filled once per
 *   distinct code by the same Unicode classes as CLITIC and WORD), with a hand-written loop that
 *   follows WORD exactly (see scanWord);
 * - CLITIC is tried only where it can match (an apostrophe after one letter, or Qu/Jusqu/Lorsqu/Puisqu);
 * - the patterns still run where the tables cannot decide (surrogate pairs), sticky on the whole
 *   text. Both give the match the old 200-character slice gave whenever every character the pattern
 *   can read lies inside it: CLITIC reads at most 9 characters; WORD never crosses white space, so it
 *   is the same when the first white space comes within 200 characters (else the slice is used).
 */
const CLITIC_AT = new RegExp(CLITIC.source.slice(1), 'uy');
const WORD_AT = new RegExp(WORD.source.slice(1), 'uy');
const SPACE_SEARCH = /\s/gu;
const SLICE = 200;

/**
 * The scanners below read code units with String.prototype's own charCodeAt (`charCodeAt.call(text,
 * i)`), not `text.charCodeAt(i)`: that property look-up is cached by the string's representation
 * (one- or two-byte, flat, sliced, concatenated…), and the tokenizer meets more than four of them
 * (the lexicons' phrases when they are prepared, then the paragraphs), after which the look-up is
 * megamorphic at every code unit read. Measured after a whole analysis: the tokenizer ran ~1.8×
 * faster on the example's paragraphs and ~1.9× on UNGD's this way.
 */
const { charCodeAt } = String.prototype;

const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;
const isApostrophe = (code: number) => code === 0x27 || code === 0x2019;
const isJoin = (code: number) => code === 0x2d || code === 0x2011 || code === 0x2e; // - ‑ .

/** Bits of codeClass. */
export const CODE_WORD = 1; // [\p{L}\p{M}\p{N}]
export const CODE_LETTER = 2; // \p{L}
export const CODE_UPPER = 4; // \p{Lu}
export const CODE_LOWER = 8; // \p{Ll}
export const CODE_SURROGATE = 16;
/** Code units a word token may hold besides word characters: joins (- ‑ .) and apostrophes (' ’). */
export const CODE_IN_WORD = 32;
export const CODE_NUMBER = 64; // \p{N}
/**
 * The classes of one code unit as bits (the same Unicode classes as the tokenizer's), from a lazily
 * filled table. Every character test of the scanners here reads these bits: a test of its own made
 * with lazyCodeTest calls through a wrapper that every such test in the program shares, and once
 * the other stages have run, that call is no longer inlined (the tokenizer ran ~1.7x slower then).
 */
export const codeClass = lazyCodeTable((ch) => {
  const code = ch.charCodeAt(0);
  return (/[\p{L}\p{M}\p{N}]/u.test(ch) ? CODE_WORD : 0) | (/\p{L}/u.test(ch) ? CODE_LETTER : 0) | (/\p{Lu}/u.test(ch) ? CODE_UPPER : 0)
    | (/\p{Ll}/u.test(ch) ? CODE_LOWER : 0) | (isSurrogate(code) ? CODE_SURROGATE : 0)
    | (isJoin(code) || isApostrophe(code) ? CODE_IN_WORD : 0) | (/\p{N}/u.test(ch) ? CODE_NUMBER : 0);
});
const isWordCode = (code: number) => (codeClass(code) & CODE_WORD) !== 0;
const isLetterCode = (code: number) => (codeClass(code) & CODE_LETTER) !== 0;
const isNumberCode = (code: number) => (codeClass(code) & CODE_NUMBER) !== 0;
const isUpperCode = (code: number) => (codeClass(code) & CODE_UPPER) !== 0;

/**
 * End of the WORD match at i in text (n: its length), or -1 when there is none, or -2 when a
 * surrogate is met (the caller then runs the pattern itself). WORD = letters+ ([-‑.] letters+)* then optionally "’s" not before a
 * letter, or an apostrophe before white space; the tail is optional, so the greedy body never backtracks.
 */
function scanWord(text: string, i: number, n: number): number {
  let j = i;
  const c0 = charCodeAt.call(text, j);
  if (isSurrogate(c0)) return -2;
  if (!isWordCode(c0)) return -1;
  for (;;) {
    while (j < n) {
      const c = charCodeAt.call(text, j);
      if (isSurrogate(c)) return -2;
      if (!isWordCode(c)) break;
      j++;
    }
    if (j + 1 < n && isJoin(charCodeAt.call(text, j))) {
      const c = charCodeAt.call(text, j + 1);
      if (isSurrogate(c)) return -2;
      if (isWordCode(c)) { j += 2; continue; }
    }
    break;
  }
  if (j < n && isApostrophe(charCodeAt.call(text, j))) {
    if (j + 1 < n && charCodeAt.call(text, j + 1) === 0x73 /* s */) {
      if (j + 2 >= n) return j + 2;
      const c = charCodeAt.call(text, j + 2);
      if (isSurrogate(c)) return -2;
      if (!isLetterCode(c)) return j + 2;
    }
    if (j + 1 < n && isWhiteSpaceCode(charCodeAt.call(text, j + 1))) return j + 1;
  }
  return j;
}

/** True when every code unit of text[from, to) is a number (/^\p{N}+$/u for text without surrogates). */
function allNumbers(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = charCodeAt.call(text, k);
    if (isSurrogate(c)) return /^\p{N}+$/u.test(text.slice(from, to));
    if (!isNumberCode(c)) return false;
  }
  return to > from;
}

/**
 * Splits text into tokens with UTF-16 offsets (end exclusive). Never throws. With `spaces` false the
 * white-space tokens are left out (the same list as filtering them afterwards, without making them).
 */
export function tokenize(text: string, lang: string, spaces = true): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  let nextSpace = -1; // first white space at or after i (n when none), refreshed when i passes it
  while (i < n) {
    const code = charCodeAt.call(text, i);
    if (isWhiteSpaceCode(code)) {
      let j = i + 1;
      while (j < n && isWhiteSpaceCode(charCodeAt.call(text, j))) j++;
      if (spaces) out.push({ text: text.slice(i, j), start: i, end: j, kind: 'space', folded: undefined });
      i = j;
      continue;
    }
    // CLITIC needs an apostrophe right after one letter, or after Qu (i + 2), Jusqu (i + 5), Lorsqu or
    // Puisqu (i + 6): tested on those code units, not by running the pattern on every word starting with q, j, l or p
    if (lang === 'fr' && (isApostrophe(charCodeAt.call(text, i + 1))
      || ((code === 0x51 || code === 0x71) && isApostrophe(charCodeAt.call(text, i + 2)))
      || ((code === 0x4a || code === 0x6a) && isApostrophe(charCodeAt.call(text, i + 5)))
      || ((code === 0x4c || code === 0x6c || code === 0x50 || code === 0x70) && isApostrophe(charCodeAt.call(text, i + 6))))) {
      CLITIC_AT.lastIndex = i;
      const c = CLITIC_AT.exec(text);
      if (c && /[\p{L}\p{N}]/u.test(text[i + c[0].length] ?? '')) {
        out.push({ text: c[0], start: i, end: i + c[0].length, kind: 'word', folded: undefined });
        i += c[0].length;
        continue;
      }
    }
    // The word's end, or -1 when no word starts here (the token is a mark). Its text is sliced once,
    // at the end: lengths are read as offsets, not from the strings made (see charCodeAt above).
    let end = scanWord(text, i, n);
    if (end === -2) {
      if (nextSpace < i) {
        SPACE_SEARCH.lastIndex = i;
        nextSpace = SPACE_SEARCH.exec(text)?.index ?? n;
      }
      let w: RegExpExecArray | null;
      if (nextSpace < i + SLICE || n <= i + SLICE) {
        WORD_AT.lastIndex = i;
        w = WORD_AT.exec(text);
      } else {
        w = WORD.exec(text.slice(i, i + SLICE));
      }
      end = w ? i + w[0].length : -1;
    } else if (end > i && end + 2 >= i + SLICE && n > i + SLICE) {
      // scanWord reads up to two characters past the end it returns; where that reaches the end of
      // the old 200-character slice, the slice is used, so very long words keep the old behaviour
      const w = WORD.exec(text.slice(i, i + SLICE));
      end = w ? i + w[0].length : -1;
    }
    if (end > i) {
      // A trailing ".x" join is kept only for abbreviations like "U.N"; a sentence "OCS.Base" splits.
      if (lang === 'fr' && isApostrophe(charCodeAt.call(text, end - 1))) end--;
      const kind: TokenKind = allNumbers(text, i, end) ? 'num' : 'word';
      out.push({ text: text.slice(i, end), start: i, end, kind, folded: undefined });
      i = end;
      continue;
    }
    out.push({ text: text[i], start: i, end: i + 1, kind: markKind(code), folded: undefined });
    i += 1;
  }
  return out;
}

/** True when the word starts with an upper-case letter (or a digit followed by letters: "4e", "44th"). */
export function isCapitalised(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  // called for most tokens, several times: a table look-up on the first code unit (the pattern for surrogate pairs)
  const c = charCodeAt.call(t.text, 0);
  return isSurrogate(c) ? /^\p{Lu}/u.test(t.text) : isUpperCode(c);
}
