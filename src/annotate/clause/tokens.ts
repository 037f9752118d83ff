import { foldLoose, foldLooseCached } from '../../text/fold.js';

/**
 * Words and sentences with offsets. Matching runs on the loose fold (lower case, accents and
 * typographic punctuation folded, same length), so offsets found here index the original
 * paragraph text. Hand-written rather than Intl.Segmenter because French elisions must be
 * split off as their own token ("s'" + "engagent") for the lexicon to match.
 */
export interface Token {
  /** Folded word (lower case, no accents). */
  w: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}]+'|[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;
const HAN = /\p{Script=Han}/u;

/** Splits a paragraph into folded word tokens with offsets into the original text. */
export function tokenize(text: string): Token[] {
  return tokenizeFolded(foldLoose(text));
}

/** tokenize for text already folded by foldLoose. */
function tokenizeFolded(folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(WORD)) {
    out.push({ w: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** Index of the first token that starts at or after `offset` (tokens.length when none): binary search. */
export function tokenIndexAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The tokens of a paragraph text, shared by the stages that read it (clause reading,
 * proposals): tokenising folds and scans the whole text, so doing it once per text instead
 * of once per stage matters. Keyed by the string; bounded so a long corpus run cannot grow
 * it without limit. Callers must not mutate the returned array or its tokens.
 */
const tokenCache = new Map<string, Token[]>();
const TOKEN_CACHE_MAX = 2048;
export function tokenizeShared(text: string): Token[] {
  let hit = tokenCache.get(text);
  if (!hit) {
    if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
    // One loose fold per paragraph text, shared with topics and the entity recognisers through
    // the bounded cache of src/text/fold.ts.
    hit = tokenizeFolded(foldLooseCached(text));
    tokenCache.set(text, hit);
  }
  return hit;
}

/**
 * Folds a lexicon phrase the same way and splits it into words. Memoised for short strings
 * (lexicon phrases, gaps between names), which the stages fold again and again; the result
 * is shared, so callers must not mutate it.
 */
const phraseCache = new Map<string, string[]>();
const PHRASE_CACHE_MAX = 8192;
export function foldPhrase(s: string): string[] {
  if (s.length > 64) return tokenize(s).map((t) => t.w);
  let hit = phraseCache.get(s);
  if (!hit) {
    if (phraseCache.size >= PHRASE_CACHE_MAX) phraseCache.clear();
    hit = tokenize(s).map((t) => t.w);
    phraseCache.set(s, hit);
  }
  return hit;
}

export interface Sentence {
  start: number;
  end: number;
}

/**
 * Sentence spans: a break after . ! ? ; (or 。！？；) followed by space and an upper-case
 * letter or a digit, so machine-translation residue like "(BRI). )" or "OCS. buts" does not
 * split a sentence. Chinese ends a sentence at 。 whatever follows.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const re = /[.!?;](?=\s+[\p{Lu}\p{N}«"“])|[。！？；]/gu;
  for (const m of text.matchAll(re)) {
    const end = m.index! + 1;
    // An item number ("1.", "IV.") or a one-letter initial is not a sentence of its own.
    if (/^\s*(?:[\p{N}]{1,3}|[IVXLC]{1,5}|\p{Lu})[.)]$/u.test(text.slice(start, end))) continue;
    if (end - start > 1) out.push({ start, end });
    start = end;
    while (start < text.length && /\s/u.test(text[start]!)) start++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** True when the text contains Chinese characters (matching then works on characters, not words). */
export function isHanText(text: string): boolean {
  return HAN.test(text);
}
