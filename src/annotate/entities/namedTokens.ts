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
}

const CLITIC = /^(?:[LlDdNnSsJjCcMmTt]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]/u;
const WORD = /^[\p{L}\p{M}\p{N}]+(?:[-‑.][\p{L}\p{M}\p{N}]+)*(?:['’]s(?![\p{L}])|['’](?=\s))?/u;
const OPEN = new Set(['«', '“', '„', '‹', '(', '[']);
const CLOSE = new Set(['»', '”', '›', ')', ']']);

/*
 * Speed (tokenize runs on every paragraph): the patterns below are the same as CLITIC and WORD but
 * sticky, so they run on the whole text at offset i instead of on a 200-character slice made for
 * every token. That gives the same match whenever every character the pattern can read lies inside
 * the slice: CLITIC reads at most 9 characters; WORD never crosses white space and reads at most the
 * first white space after i, so it is the same when that white space comes within 200 characters
 * (else the slice is still used, exactly as before).
 */
const CLITIC_AT = new RegExp(CLITIC.source.slice(1), 'uy');
const WORD_AT = new RegExp(WORD.source.slice(1), 'uy');
const SPACE_SEARCH = /\s/gu;
const SLICE = 200;

/** Per code unit: 1 when /\s/u matches it, 0 when not, 255 not yet known (one regex test per distinct code). */
const spaceClass = new Uint8Array(65536).fill(255);
function isSpaceCode(code: number): boolean {
  let k = spaceClass[code];
  if (k === 255) { k = /\s/u.test(String.fromCharCode(code)) ? 1 : 0; spaceClass[code] = k; }
  return k === 1;
}

/** Splits text into tokens with UTF-16 offsets (end exclusive). Never throws. */
export function tokenize(text: string, lang: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  let nextSpace = -1; // first white space at or after i (n when none), refreshed when i passes it
  while (i < n) {
    const ch = text[i];
    if (isSpaceCode(text.charCodeAt(i))) {
      let j = i + 1;
      while (j < n && isSpaceCode(text.charCodeAt(j))) j++;
      out.push({ text: text.slice(i, j), start: i, end: j, kind: 'space' });
      i = j;
      continue;
    }
    if (lang === 'fr') {
      CLITIC_AT.lastIndex = i;
      const c = CLITIC_AT.exec(text);
      if (c && /[\p{L}\p{N}]/u.test(text[i + c[0].length] ?? '')) {
        out.push({ text: c[0], start: i, end: i + c[0].length, kind: 'word' });
        i += c[0].length;
        continue;
      }
    }
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
    if (w) {
      let t = w[0];
      // A trailing ".x" join is kept only for abbreviations like "U.N"; a sentence "OCS.Base" splits.
      if (lang === 'fr' && /['’]$/.test(t)) t = t.slice(0, -1);
      const kind: TokenKind = /^\p{N}+$/u.test(t) ? 'num' : 'word';
      out.push({ text: t, start: i, end: i + t.length, kind });
      i += t.length;
      continue;
    }
    const kind: TokenKind = ch === '"' ? 'quote' : OPEN.has(ch) ? 'open' : CLOSE.has(ch) ? 'close' : 'punct';
    out.push({ text: ch, start: i, end: i + 1, kind });
    i += 1;
  }
  return out;
}

/** True when the word starts with an upper-case letter (or a digit followed by letters: "4e", "44th"). */
export function isCapitalised(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && /^\p{Lu}/u.test(t.text);
}
