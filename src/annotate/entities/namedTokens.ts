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

/** Splits text into tokens with UTF-16 offsets (end exclusive). Never throws. */
export function tokenize(text: string, lang: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (/\s/u.test(ch)) {
      let j = i + 1;
      while (j < n && /\s/u.test(text[j])) j++;
      out.push({ text: text.slice(i, j), start: i, end: j, kind: 'space' });
      i = j;
      continue;
    }
    const rest = text.slice(i, i + 200);
    if (lang === 'fr') {
      const c = CLITIC.exec(rest);
      if (c && /[\p{L}\p{N}]/u.test(rest[c[0].length] ?? '')) {
        out.push({ text: c[0], start: i, end: i + c[0].length, kind: 'word' });
        i += c[0].length;
        continue;
      }
    }
    const w = WORD.exec(rest);
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
