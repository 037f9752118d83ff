import { isWhiteSpaceCode } from '../../text/whiteSpace.js';
import { foldLoose, foldLooseCached } from '../../text/fold.js';
import { lazyCodeTest } from '../../text/codeTable.js';
import { HASH_PRIME, HASH_SEED, hashStep, wordIdAt } from './vocabulary.js';

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
  return tokenObjects(phraseTokens.read(foldLoose(text)));
}

function tokenObjects(t: WordTokens): Token[] {
  const out: Token[] = new Array(t.n);
  for (let k = 0; k < t.n; k++) out[k] = { w: t.word(k), start: t.start[k]!, end: t.end[k]! };
  return out;
}

/*
 * Speed: tokenising runs over every paragraph and a regex match per word (matchAll, with its
 * match arrays) cost more than the rest of the tokeniser. Code units are classed from a table
 * filled once per distinct code by the same Unicode classes as WORD, and a hand-written loop
 * follows WORD exactly: at the first letter, mark or number, the longest run of them, then
 * either "'" when that run has no number (first alternative: its greedy run can only be followed
 * by the apostrophe at the run's end), or any "-" + run tails (second alternative). A surrogate
 * (astral characters, which the tables do not cover) hands the rest of the text to WORD itself,
 * from the start of the word being read: WORD finds no match start before it, so the matches
 * from there are those of a scan from the start.
 */
const LM = 1; // \p{L} or \p{M}
const N = 2; // \p{N}
/** A surrogate: the scanner hands over to WORD (its class, so that one table read tells it). */
const SURROGATE = 3;
const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;
/** Per code unit: its class (LM, N, SURROGATE or 0), UNCLASSED until classify first meets it. */
const UNCLASSED = 255;
const unitClass = new Uint8Array(0x10000).fill(UNCLASSED);
function classify(code: number): number {
  const ch = String.fromCharCode(code);
  const k = isSurrogate(code) ? SURROGATE : /[\p{L}\p{M}]/u.test(ch) ? LM : /\p{N}/u.test(ch) ? N : 0;
  unitClass[code] = k;
  return k;
}
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;

/**
 * A text's word tokens as parallel arrays (offsets and the word's vocabulary id), refilled by
 * read() for each text: the clause readers make no object or string per token. Each token's
 * folded word is hashed while the scanner reads it, so its vocabulary id (vocabulary.ts) costs
 * one probe; word() slices the string for the few places that need it.
 */
export class WordTokens {
  /** The folded text the tokens index (offsets are those of the original text too). */
  folded = '';
  n = 0;
  start: Int32Array = new Int32Array(256);
  end: Int32Array = new Int32Array(256);
  /** Vocabulary id of the token's folded word; 0 when no lexicon names it. */
  id: Int32Array = new Int32Array(256);

  /**
   * Reads the tokens of a text already folded by foldLoose (replacing those read before). The
   * class table read and the hash step are written out in the loops rather than called (classOf,
   * hashStep): this method is inlined into the large readParagraphClauses, where V8 may run out of
   * inlining budget before those per-unit calls, and a call per code unit costs more than the scan.
   */
  read(folded: string): this {
    this.folded = folded;
    this.n = 0;
    const n = folded.length;
    // At most one token per two code units (a token and the character that ends it): room for all.
    if (this.start.length < (n >> 1) + 1) this.reserve((n >> 1) + 1);
    const starts = this.start;
    const ends = this.end;
    const ids = this.id;
    let count = 0;
    let i = 0;
    while (i < n) {
      const c0 = folded.charCodeAt(i);
      let k0 = unitClass[c0]!;
      if (k0 === UNCLASSED) k0 = classify(c0);
      if (k0 === 0) { i++; continue; }
      if (k0 === SURROGATE) return this.readWithPattern(i, count);
      let j = i;
      let h = HASH_SEED;
      let hasNumber = false;
      // The first run, then each "-" + run tail: one loop reads every run of letters, marks and numbers.
      let tail = false;
      // The units after the token to skip: the one that ended it is no letter, mark or number (the
      // outer loop need not class it again), unless the token took it (an apostrophe).
      let past = 1;
      // The unit at j when the run loop stops before the end.
      let after = 0;
      for (;;) {
        while (j < n) {
          const c = folded.charCodeAt(j);
          after = c;
          // Most units of a loose fold are a–z: letters without the table read.
          if (c >= 0x61 && c <= 0x7a) { h = Math.imul(h ^ c, HASH_PRIME); j++; continue; }
          let k = unitClass[c]!;
          if (k === UNCLASSED) k = classify(c);
          if (k === 0) break;
          if (k === SURROGATE) return this.readWithPattern(i, count);
          if (k === N) hasNumber = true;
          h = Math.imul(h ^ c, HASH_PRIME);
          j++;
        }
        if (j >= n) break;
        // First alternative: a run without a number, then "'" (no tails after it).
        if (!tail && !hasNumber && after === APOSTROPHE) {
          h = Math.imul(h ^ APOSTROPHE, HASH_PRIME);
          j++;
          past = 0;
          break;
        }
        // Second alternative: "-" and a letter, mark or number open a tail.
        if (after !== HYPHEN || j + 1 >= n) break;
        const c = folded.charCodeAt(j + 1);
        let k = unitClass[c]!;
        if (k === UNCLASSED) k = classify(c);
        if (k === 0) break;
        if (k === SURROGATE) return this.readWithPattern(i, count);
        h = Math.imul(Math.imul(h ^ HYPHEN, HASH_PRIME) ^ c, HASH_PRIME);
        j += 2;
        tail = true;
      }
      starts[count] = i;
      ends[count] = j;
      ids[count] = wordIdAt(folded, i, j, h);
      count++;
      i = j + past;
    }
    this.n = count;
    return this;
  }

  private reserve(size: number): void {
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.id = new Int32Array(size);
  }

  /** The rest of the tokens from `from` on (a position where no match of WORD has begun), by WORD itself; `count` tokens are read. */
  private readWithPattern(from: number, count: number): this {
    const folded = this.folded;
    WORD.lastIndex = from;
    for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      let h = HASH_SEED;
      for (let k = start; k < end; k++) h = hashStep(h, folded.charCodeAt(k));
      this.start[count] = start;
      this.end[count] = end;
      this.id[count] = wordIdAt(folded, start, end, h);
      count++;
    }
    this.n = count;
    return this;
  }

  /** Token k's folded word. */
  word(k: number): string {
    return this.folded.slice(this.start[k], this.end[k]);
  }

  /** Whether token k's folded word is `w` (for words no lexicon names, such as item numbers). */
  is(k: number, w: string): boolean {
    if (k < 0 || k >= this.n) return false;
    const s = this.start[k]!;
    return this.end[k]! - s === w.length && this.folded.startsWith(w, s);
  }

  /** The id of token k, 0 when k is outside the tokens. */
  idAt(k: number): number {
    return k >= 0 && k < this.n ? this.id[k]! : 0;
  }

  /** Whether the tokens from k on are the words `ids`. */
  wordsAt(k: number, ids: readonly number[]): boolean {
    if (k < 0 || k + ids.length > this.n) return false;
    for (let j = 0; j < ids.length; j++) if (this.id[k + j] !== ids[j]) return false;
    return true;
  }

  /** Whether the tokens right before token t are the words `ids`. */
  endsBefore(t: number, ids: readonly number[]): boolean {
    return this.wordsAt(t - ids.length, ids);
  }

  /** Index of the first token that starts at or after `offset` (n when none): binary search. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.start[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The buffer tokenize() reads into (its tokens are copied out at once, so one buffer serves every call). */
const phraseTokens = new WordTokens();

/**
 * The tokens of a paragraph text, on its loose fold from the bounded cache of src/text/fold.ts
 * (shared with topics and the entity recognisers), read into `into` (the caller's buffer).
 */
export function readParagraphTokens(text: string, into: WordTokens): WordTokens {
  return into.read(foldLooseCached(text));
}

/**
 * The tokens of a paragraph text as objects (for the stages that read a few paragraphs: proposals).
 * Not cached: tokenising is cheap next to keeping every paragraph's tokens alive until a later stage.
 */
export function tokenizeParagraph(text: string): Token[] {
  return tokenObjects(phraseTokens.read(foldLooseCached(text)));
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
  const marks = nextMarks.fill(-1);
  for (let end = nextSentenceEnd(text, 0, marks); end > 0; end = nextSentenceEnd(text, end, marks)) {
    // An item number ("1.", "IV.") or a one-letter initial is not a sentence of its own.
    if (isItemNumber(text, start, end)) continue;
    if (end - start > 1) out.push({ start, end });
    start = end;
    while (start < text.length && isWhiteSpaceCode(text.charCodeAt(start))) start++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/*
 * Speed: the pattern /[.!?;](?=\s+[\p{Lu}\p{N}«"“])|[。！？；]/gu ran over every paragraph; the scan
 * below finds the same ends. Its matches are one code unit long, so every unit that matches is a
 * match of the global scan; "\s+" cannot give back white space to the class after it (no white
 * space is in that class), so the whole run is skipped and the unit after it tested. The marks are
 * found by indexOf, one native search per mark, rather than by reading every code unit with
 * charCodeAt: marks are a few per sentence, and the loop over every unit was most of this
 * function's cost (hundreds of characters per paragraph).
 */
const SENTENCE_MARKS = ['.', '!', '?', ';', '。', '！', '？', '；'];
/** Marks after which white space and a sentence opener must follow (the others end a sentence alone). */
const ASCII_MARKS = 4;
/**
 * Per mark of SENTENCE_MARKS, its next offset in the text being split (the text's length when it
 * has no more), -1 before the first search. splitSentences does not nest: one table serves.
 */
const nextMarks = new Int32Array(SENTENCE_MARKS.length);
const opensSentence = lazyCodeTest(/[\p{Lu}\p{N}«"“]/u);
const ASTRAL_OPENS = /^[\p{Lu}\p{N}]/u;

/** The offset just after the next sentence-ending mark at or after `from` (the pattern's match), 0 when none. */
function nextSentenceEnd(text: string, from: number, marks: Int32Array): number {
  const n = text.length;
  for (;;) {
    // The nearest mark at or after `from`.
    let k = n;
    let which = -1;
    for (let m = 0; m < SENTENCE_MARKS.length; m++) {
      let at = marks[m]!;
      if (at < from) {
        at = text.indexOf(SENTENCE_MARKS[m]!, from);
        if (at < 0) at = n;
        marks[m] = at;
      }
      if (at < k) { k = at; which = m; }
    }
    if (which < 0) return 0;
    if (which >= ASCII_MARKS) return k + 1;
    from = k + 1;
    let j = k + 1;
    if (j >= n || !isWhiteSpaceCode(text.charCodeAt(j))) continue;
    while (j < n && isWhiteSpaceCode(text.charCodeAt(j))) j++;
    if (j < n && opensSentenceAt(text, j)) return k + 1;
  }
}

/** Whether the character at k (a code point, as the u-flag pattern reads it) can open a sentence. */
function opensSentenceAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 0xd800 || c > 0xdbff) return opensSentence(c);
  return ASTRAL_OPENS.test(text.slice(k, k + 2));
}
const ITEM_NUMBER = /^\s*(?:[\p{N}]{1,3}|[IVXLC]{1,5}|\p{Lu})[.)]$/u;

/**
 * ITEM_NUMBER on text[from, to). After its leading white space the pattern spans at most 7 code
 * units (three astral digits and the mark), so longer spans (nearly all sentences) are not sliced.
 */
function isItemNumber(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && isWhiteSpaceCode(text.charCodeAt(k))) k++;
  return to - k <= 7 && ITEM_NUMBER.test(text.slice(from, to));
}

/** /[:：]\s*$/u on text[from, to): the last character before trailing white space is a colon. */
export function endsWithColon(text: string, from: number, to: number): boolean {
  let k = to;
  while (k > from && isWhiteSpaceCode(text.charCodeAt(k - 1))) k--;
  if (k === from) return false;
  const c = text.charCodeAt(k - 1);
  return c === 0x3a || c === 0xff1a;
}

/** True when the text contains Chinese characters (matching then works on characters, not words). */
export function isHanText(text: string): boolean {
  return HAN.test(text);
}
