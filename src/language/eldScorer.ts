import { lazyCodeTable } from '../text/codeTable.js';
import type { EldDatabase, EldTables } from './eldModel.js';

/**
 * eld's detect(), written again over eld's own database and tables, with the same answers: the
 * same language and the same isReliable() for every text (eldScorer.test.ts compares the two on
 * thousands of texts). Each step below names the eld function it stands for
 * (node_modules/eld/src/languageDetector.js, LanguageResult.js).
 *
 * Why by hand: eld's detect() took ~0.9 ms per call for the ~380 bytes of text it reads, 8 % of
 * the whole analysis of the UN General Debate corpus. Most of it was its scoring, which walks with
 * `for (lang in ngrams[key])` the object of each n-gram in a 105,000-key dictionary-mode object and
 * adds into an array through string indices; the rest its separator regex (a 960-character
 * Unicode class with a lookbehind, run over 1,000 characters) and words built character by
 * character. Here the database is loaded once into a hash table of typed arrays keyed by the
 * n-gram's characters as two int32 (no string per n-gram), the sums go to a Float64Array reused
 * between calls, the separators are found with a code-unit table, and normalisation stops once it
 * has what eld reads. eld has no hook for any of this (its scoring is a closure over its data).
 */

export interface EldGuess {
  /** ISO 639-1 code; '' when no language scored (eld's empty result). */
  language: string;
  /** eld's LanguageResult.isReliable() with its default threshold. */
  reliable: boolean;
}

/** eld reads at most this many characters (detect: text.substring(0, 1000)). */
const SAMPLE_CHARS = 1000;
/** strToUtf8Bytes: cut at the first space after this many bytes… */
const CUT_AFTER_BYTES = 350;
/** …and after any character past this many. */
const ENFORCE_CUT_AFTER_BYTES = 380;
/**
 * strToUtf8Bytes reads at most 381 characters (each is a byte or more): a prefix of the normalised
 * text cut just before a separator's space, with two to spare for a space trimmed at the start,
 * is read as the whole would be. Its lower case is too: a character lowers alone, except capital
 * sigma, which looks ahead through case-ignorable characters for a letter, and a space is not one.
 */
const NORMALISED_CHARS_READ = ENFORCE_CUT_AFTER_BYTES + 3;
/** getByteNgrams: n-grams are taken from the first 70 bytes of a word (its last one may reach further). */
const MAX_WORD_BYTES = 70;
/** calculateScores: the database stores each score minus this. */
const BASE_NGRAM_SCORE = 53;
/** orderAndScale: a language's score s per n-gram is scaled to s / (s + 25). */
const SCORE_SCALE = 25;
/** isReliable's default thresholdRatio. */
const RELIABLE_RATIO = 0.75;

const LETTER = 0;
const SEPARATOR = 1;
const APOSTROPHE = 2;
/**
 * eld's separators regex is `[^letters]+(?<![\x27\x60\u2019])`: a run of non-letters becomes one
 * space, except the apostrophes that end it, which stay (so "l'homme" keeps its apostrophe).
 */
const APOSTROPHES = "'`\u2019";

const NO_LANGUAGE: EldGuess = { language: '', reliable: false };

/** n-grams of up to this many characters (all of eld's database) have an integer key (keyLowOf). */
const MAX_KEYED_CHARS = 6;

/**
 * An n-gram of up to six characters, each below U+0100 (eld spells every byte with one of them), as
 * two int32: the first four character codes, then the last two and the length (so never 0).
 */
function keyLowOf(chars: ArrayLike<number>, length: number): number {
  let low = 0;
  for (let i = 0; i < length && i < 4; i++) low |= chars[i]! << (8 * i);
  return low;
}
function keyHighOf(chars: ArrayLike<number>, length: number): number {
  let high = length << 16;
  for (let i = 4; i < length; i++) high |= chars[i]! << (8 * (i - 4));
  return high;
}

function slotOf(low: number, high: number, mask: number): number {
  const h = Math.imul(low, 0x9e3779b1) ^ Math.imul(high ^ (low >>> 16), 0x85ebca77);
  return (h ^ (h >>> 15)) & mask;
}

/**
 * The n-gram database as an open-addressing hash table (linear probing, at most half full). A slot
 * is four int32 — key high (0: empty), key low, first pair, end of pairs — so that a probe reads
 * one cache line; a pair is a language index and its score, as `language | score << 8`.
 */
interface NgramTable {
  mask: number;
  slots: Int32Array;
  pairs: Int32Array;
}

const SLOT_SIZE = 4;

function buildNgramTable(ngrams: EldDatabase['ngrams']): NgramTable {
  const keys = Object.keys(ngrams);
  let capacity = 1;
  while (capacity < keys.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity * SLOT_SIZE);
  const pairs: number[] = [];
  const chars = new Uint16Array(MAX_KEYED_CHARS);
  for (const key of keys) {
    if (key.length > MAX_KEYED_CHARS) throw new Error(`eld: an n-gram of ${key.length} characters, more than ${MAX_KEYED_CHARS}`);
    for (let i = 0; i < key.length; i++) {
      chars[i] = key.charCodeAt(i);
      if (chars[i]! > 0xff) throw new Error('eld: an n-gram character above U+00FF');
    }
    const low = keyLowOf(chars, key.length);
    const high = keyHighOf(chars, key.length);
    let slot = slotOf(low, high, mask);
    while (slots[slot * SLOT_SIZE] !== 0) slot = (slot + 1) & mask;
    const at = slot * SLOT_SIZE;
    slots[at] = high;
    slots[at + 1] = low;
    slots[at + 2] = pairs.length;
    const scores = ngrams[key]!;
    for (const lang in scores) {
      const language = Number(lang);
      const score = scores[lang]!;
      // What a pair holds; eld's scores are whole numbers, so their sums are exact in any order.
      if (!(language >= 0 && language < 256 && Number.isInteger(score) && score >= 0 && score < 1 << 23)) {
        throw new Error(`eld: language ${lang} or score ${score} out of range for "${key}"`);
      }
      pairs.push(language | (score << 8));
    }
    slots[at + 3] = pairs.length;
  }
  return { mask, slots, pairs: Int32Array.from(pairs) };
}

/** Per code unit: letter, separator or apostrophe, as eld's separators regex sees it. */
function separatorClasses(separators: RegExp): (code: number) => number {
  const oneCharacter = new RegExp(separators.source, separators.flags.replace('g', ''));
  // A lone surrogate is a non-letter code point for the u-flag regex, as is a whole pair (the
  // letter class holds no astral character): every surrogate is a separator, alone or paired.
  return lazyCodeTable((ch) => (APOSTROPHES.includes(ch) ? APOSTROPHE : oneCharacter.test(ch) ? SEPARATOR : LETTER));
}

export interface EldScorer {
  /** eld's detect(text): its language and isReliable(). */
  detect(text: string): EldGuess;
  /**
   * The start of eld's textProcessor (separators, trim, lower case): a prefix of eld's result, the
   * whole when shorter than what eld reads (exposed for the equivalence test).
   */
  normalise(text: string): string;
}

export function createEldScorer(database: EldDatabase, tables: EldTables): EldScorer {
  const table = buildNgramTable(database.ngrams);
  const languageCount = Object.keys(database.languages).length;
  const codes = Array.from({ length: languageCount }, (_, i) => database.languages[i]!);
  // A language without a mean score compares as NaN, as eld's avgScore[language] (undefined) does.
  const meanScore = Float64Array.from(codes, (code) => tables.avgScore[code] ?? Number.NaN);
  const byteChar = Uint16Array.from(tables.dictionary, (ch) => {
    if (ch.length !== 1) throw new Error('eld: a dictionary entry is not one character');
    return ch.charCodeAt(0);
  });
  const classOf = separatorClasses(tables.separators);
  // Reused between calls: a character per byte (at most ENFORCE_CUT_AFTER_BYTES + 4), the end of
  // each word in it, the n-grams met (a small hash set, emptied after each text: at most ~320 per
  // text; 0 marks an empty slot, as in the table), the sum per language.
  const bytes = new Uint16Array(ENFORCE_CUT_AFTER_BYTES + 8);
  const wordEnds = new Int32Array(ENFORCE_CUT_AFTER_BYTES + 8);
  const ngramChars = new Uint16Array(MAX_KEYED_CHARS);
  const metMask = 1023;
  const metLow = new Int32Array(metMask + 1);
  const metHigh = new Int32Array(metMask + 1);
  const metSlots: number[] = [];
  const longNgrams: number[] = [];
  const sums = new Float64Array(languageCount);

  /**
   * textProcessor, first half: separators → ' ', trim, lower case — eld does it on 1,000
   * characters, but reads at most NORMALISED_CHARS_READ of the result; so it stops at the first
   * separator past them (see there why that prefix is lowered exactly as in the whole).
   */
  function normalise(text: string): string {
    const end = Math.min(text.length, SAMPLE_CHARS);
    let out = '';
    let copiedTo = 0;
    let i = 0;
    while (i < end) {
      if (classOf(text.charCodeAt(i)) === LETTER) {
        i++;
        continue;
      }
      let runEnd = i;
      let separators = 0;
      while (runEnd < end) {
        const k = classOf(text.charCodeAt(runEnd));
        if (k === LETTER) break;
        if (k === SEPARATOR) separators++;
        runEnd++;
      }
      if (separators > 0) {
        if (out.length + (i - copiedTo) >= NORMALISED_CHARS_READ) return (out + text.slice(copiedTo, i)).trim().toLowerCase();
        let replacedTo = runEnd;
        while (classOf(text.charCodeAt(replacedTo - 1)) === APOSTROPHE) replacedTo--;
        // A single space is its own replacement.
        if (replacedTo > i + 1 || text.charCodeAt(i) !== 32) {
          out += text.slice(copiedTo, i) + ' ';
          copiedTo = replacedTo;
        }
      }
      i = runEnd;
    }
    return (copiedTo === 0 ? text.slice(0, end) : out + text.slice(copiedTo, end)).trim().toLowerCase();
  }

  /**
   * textProcessor, second half (strToUtf8Bytes): the UTF-8 bytes of the words, a character per
   * byte, into `bytes`, cut after ~350–380 bytes. Returns the number of words.
   */
  function encodeWords(s: string): number {
    let n = 0;
    let words = 0;
    let countBytes = 0;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === 32) {
          if (n > (words === 0 ? 0 : wordEnds[words - 1]!)) wordEnds[words++] = n;
          if (countBytes > CUT_AFTER_BYTES) break;
        } else {
          bytes[n++] = c;
        }
        countBytes++;
      } else if (c < 0x800) {
        bytes[n++] = byteChar[0xc0 | (c >> 6)]!;
        bytes[n++] = byteChar[0x80 | (c & 0x3f)]!;
        countBytes += 2;
      } else if (c < 0xd800 || c >= 0xe000) {
        bytes[n++] = byteChar[0xe0 | (c >> 12)]!;
        bytes[n++] = byteChar[0x80 | ((c >> 6) & 0x3f)]!;
        bytes[n++] = byteChar[0x80 | (c & 0x3f)]!;
        countBytes += 3;
      } else {
        // eld reads any surrogate as the first of a pair, and the next code unit (NaN past the end: 0) as the second.
        i++;
        c = 0x10000 + (((c & 0x3ff) << 10) | (s.charCodeAt(i) & 0x3ff));
        bytes[n++] = byteChar[0xf0 | (c >> 18)]!;
        bytes[n++] = byteChar[0x80 | ((c >> 12) & 0x3f)]!;
        bytes[n++] = byteChar[0x80 | ((c >> 6) & 0x3f)]!;
        bytes[n++] = byteChar[0x80 | (c & 0x3f)]!;
        countBytes += 4;
      }
      if (countBytes > ENFORCE_CUT_AFTER_BYTES) break;
    }
    if (n > (words === 0 ? 0 : wordEnds[words - 1]!)) wordEnds[words++] = n;
    return words;
  }

  /** Whether the long n-gram bytes[from..to) + ' ' was met before (see addNgram). */
  function metLongBefore(from: number, to: number): boolean {
    for (let k = 0; k < longNgrams.length; k += 2) {
      const otherFrom = longNgrams[k]!;
      if (longNgrams[k + 1]! - otherFrom !== to - from) continue;
      let i = 0;
      while (i < to - from && bytes[from + i] === bytes[otherFrom + i]) i++;
      if (i === to - from) return true;
    }
    longNgrams.push(from, to);
    return false;
  }

  /**
   * One n-gram of eld's getByteNgrams — (' ' when `lead`) + bytes[from..to) + (' ' when `trail`) —
   * and calculateScores for it: the first time it is met in this text, each language it has gets
   * its score plus the base score. Returns 1 for an n-gram met for the first time, else 0.
   */
  function addNgram(lead: boolean, from: number, to: number, trail: boolean): number {
    const length = (lead ? 1 : 0) + (to - from) + (trail ? 1 : 0);
    // Only the last n-gram of a word longer than 71 bytes is longer: it is in no database (the
    // table refuses longer keys on load), so it only counts.
    if (length > MAX_KEYED_CHARS) return metLongBefore(from, to) ? 0 : 1;
    let n = 0;
    if (lead) ngramChars[n++] = 32;
    for (let i = from; i < to; i++) ngramChars[n++] = bytes[i]!;
    if (trail) ngramChars[n++] = 32;
    const low = keyLowOf(ngramChars, length);
    const high = keyHighOf(ngramChars, length);
    let slot = slotOf(low, high, metMask);
    for (; metHigh[slot] !== 0; slot = (slot + 1) & metMask) if (metHigh[slot] === high && metLow[slot] === low) return 0;
    metLow[slot] = low;
    metHigh[slot] = high;
    metSlots.push(slot);
    const { slots, pairs, mask } = table;
    for (slot = slotOf(low, high, mask); slots[slot * SLOT_SIZE] !== 0; slot = (slot + 1) & mask) {
      const at = slot * SLOT_SIZE;
      if (slots[at] !== high || slots[at + 1] !== low) continue;
      for (let k = slots[at + 2]!, end = slots[at + 3]!; k < end; k++) sums[pairs[k]! & 0xff]! += (pairs[k]! >> 8) + BASE_NGRAM_SCORE;
      break;
    }
    return 1;
  }

  /** getByteNgrams and calculateScores: the sums per language; returns the number of distinct n-grams. */
  function scoreWords(words: number): number {
    sums.fill(0);
    let distinct = 0;
    let start = 0;
    for (let w = 0; w < words; w++) {
      const end = wordEnds[w]!;
      const len = Math.min(end - start, MAX_WORD_BYTES);
      let j = 0;
      for (; j + 4 < len; j += 3) distinct += addNgram(j === 0, start + j, start + j + 4, false);
      // eld: word.substring(len !== 3 ? len - 4 : 0) — to the end of the word, even past 70 bytes.
      distinct += addNgram(j === 0, start + Math.max(len - 4, 0), end, true);
      start = end;
    }
    for (const slot of metSlots) metHigh[slot] = 0;
    metSlots.length = 0;
    longNgrams.length = 0;
    return distinct;
  }

  /**
   * LanguageResult.isReliable after orderAndScale: scores scaled and sorted (a stable sort: ties
   * keep language order). eld compares the best scaled score with the *language index* of the
   * runner-up (`results[1][0]`), not its score: reproduced as it is, since the answers must match.
   */
  function isReliable(best: number, numNgrams: number): boolean {
    if (numNgrams < 3) return false;
    let top = -1;
    let topScaled = 0;
    let next = -1;
    let nextScaled = 0;
    for (let l = 0; l < languageCount; l++) {
      if (!(sums[l]! > 0)) continue;
      const perNgram = sums[l]! / numNgrams;
      const scaled = perNgram / (perNgram + SCORE_SCALE);
      if (top < 0 || scaled > topScaled) {
        next = top;
        nextScaled = topScaled;
        top = l;
        topScaled = scaled;
      } else if (next < 0 || scaled > nextScaled) {
        next = l;
        nextScaled = scaled;
      }
    }
    const nextValue = next < 0 ? 0 : next;
    return !(meanScore[best]! * RELIABLE_RATIO > topScaled || 0.01 > Math.abs(topScaled - nextValue));
  }

  function detect(text: string): EldGuess {
    const numNgrams = scoreWords(encodeWords(normalise(text)));
    // getMaxLang: the first language with the highest positive sum.
    let best = -1;
    let bestSum = 0;
    for (let l = 0; l < languageCount; l++) {
      if (sums[l]! > bestSum) {
        best = l;
        bestSum = sums[l]!;
      }
    }
    if (best < 0) return NO_LANGUAGE;
    return { language: codes[best]!, reliable: isReliable(best, numNgrams) };
  }

  return { detect, normalise };
}
