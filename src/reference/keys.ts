import { lazyCodeTable } from '../text/codeTable.js';
import { foldForMatch, stripAccentsSameLength } from '../text/fold.js';

/**
 * Match keys: the text form the gazetteer compares. A text and a gazetteer name are turned into
 * keys the same way, so that a name matches whatever its spacing, hyphenation, apostrophes,
 * accents, letter case and (in Russian) case endings:
 *   - folded (typographic punctuation to ASCII, lower case; foldForMatch keeps offsets),
 *   - split into tokens: runs of letters/digits; every Chinese/Japanese character is a token,
 *   - each token normalised: accents stripped; Russian tokens lose their case ending so that
 *     "Российской Федерации" and "Российская Федерация" get the same key,
 *   - joined WITHOUT the spaces, hyphens, apostrophes and periods between tokens ("Republicof
 *     Belarus" = "Republic of Belarus"; "OCS. Base" = "OCS Base"), while any other punctuation
 *     (comma, brackets, quotes) stays in the key, so a name never runs across a list comma.
 * For a text, the key carries maps back to the text: where each key character's token starts
 * and, for the last key character of a token, the offset just after the token in the text.
 */

export interface TextKey {
  key: string;
  /** The key as UTF-16 code units (what the trie walks). */
  codes: Uint16Array;
  /** Per key character: 1 when a match may start here (first character of a token). */
  startOk: Uint8Array;
  /** Per key character: offset in the text where this key character's token starts. */
  startAt: Int32Array;
  /** Per key character: offset just after its token when a match may end here, else -1. */
  endAt: Int32Array;
}

/**
 * Russian case endings, longest first. Hand-written instead of the Snowball stemmer
 * (multilingual-stemmer): Snowball stems the case forms of proper names inconsistently
 * ("Казахстан" → "казахста" but "Казахстане" → "казахстан"; "Беларусь" → "белар" but
 * "Беларуси" → "беларус"), while names only need their nominal and adjectival endings removed
 * the same way on both sides.
 */
const RU_ENDINGS = [
  'иями', 'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ией', 'иях', 'ием', 'иям',
  'ах', 'ях', 'ам', 'ям', 'ов', 'ев', 'ом', 'ем', 'ой', 'ей', 'ый', 'ий', 'ая', 'яя', 'ую', 'юю',
  'ое', 'ее', 'ые', 'ие', 'ых', 'их', 'ым', 'им', 'ия', 'ию', 'ии', 'ью',
  'а', 'я', 'у', 'ю', 'е', 'и', 'ы', 'о', 'ь', 'й',
];
const RU_TRAILING = /[аяеиоуыюэьй]+$/;

/** A lower-case Russian token without its case ending (and without a final vowel, soft sign or й). */
export function stemRussian(token: string): string {
  let s = token;
  for (const e of RU_ENDINGS) {
    if (s.length - e.length >= 2 && s.endsWith(e)) { s = s.slice(0, -e.length); break; }
  }
  const bare = s.replace(RU_TRAILING, '');
  return bare.length >= 2 ? bare : s;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CYRILLIC = /[\u0400-\u04FF]/;

/** Character classes, computed once per code unit (hand-written table: regex tests per character were the bottleneck). */
export const C_DROP = 0; // separator dropped from keys: space, hyphen, apostrophe, period…
export const C_WORD = 1; // letter, digit or mark: part of a token
const C_IDEO = 2; // Chinese/Japanese character: a token of its own
const C_PUNCT = 3; // other punctuation: kept in the key, a token of its own
const classOf = lazyCodeTable((unit) => {
  const code = unit.charCodeAt(0);
  const ch = foldForMatch(unit);
  if (/[\s\-'.\u00B7\u200B]/.test(ch)) return C_DROP;
  if (code >= 0xd800 && code <= 0xdfff) return C_WORD; // astral letters: keep surrogate pairs inside tokens
  if (IDEOGRAPH.test(ch)) return C_IDEO;
  if (WORD.test(ch)) return C_WORD;
  return C_PUNCT;
});

/**
 * Per code unit: the folded code unit (punctuation folded, lower case, accents stripped), when the
 * fold keeps one code unit; else the code unit itself. A table rather than foldLoose over the
 * whole text: one pass instead of four, and the key loop is the hot path of the analyser.
 */
const foldTable = new Uint16Array(65536);
const foldKnown = new Uint8Array(65536);
function foldCode(code: number): number {
  if (foldKnown[code]) return foldTable[code];
  const ch = String.fromCharCode(code);
  let f = code >= 0xd800 && code <= 0xdfff ? ch : stripAccentsSameLength(foldForMatch(ch));
  if (f.length !== 1) f = ch;
  foldTable[code] = f.charCodeAt(0);
  foldKnown[code] = 1;
  return foldTable[code];
}

/**
 * classOf and foldCode in one table look-up for the key loop: (class << 16) | folded code unit,
 * -1 until the code unit is first met. The two separate look-ups (each a call and a check) were
 * most of makeTextKey's cost.
 */
const codeInfo = new Int32Array(65536).fill(-1);
/**
 * (class << 16) | folded code unit of one text code unit: what makeTextKey writes for it. Exported
 * for Gazetteer.find, which walks a text without Cyrillic words directly on these (see
 * keyNeedsStems), without building its key first.
 */
export function infoOf(code: number): number {
  const v = codeInfo[code];
  if (v !== -1) return v;
  const info = (classOf(code) << 16) | foldCode(code);
  codeInfo[code] = info;
  return info;
}

/**
 * True for a code unit that makes its word's key differ from its folded code units (a Cyrillic
 * letter: the word is stemmed, see normaliseCyrillic). A text without such a code unit in a word
 * has as its key exactly its non-separator code units, folded one by one.
 */
export function keyNeedsStems(code: number): boolean {
  return code >= 0x400 && code <= 0x4ff;
}

const ruCache = new Map<string, string>();
/** A Cyrillic token: lower-cased, case ending removed, then accents folded (ё→е); cached. */
function normaliseCyrillic(token: string): string {
  let out = ruCache.get(token);
  if (out !== undefined) return out;
  out = stripAccentsSameLength(stemRussian(foldForMatch(token)));
  if (ruCache.size > 100000) ruCache.clear();
  ruCache.set(token, out);
  return out;
}

/** Scratch arrays for `makeTextKey(text, true)`, grown as needed. */
let scratch = { cap: 0, codes: new Uint16Array(0), startOk: new Uint8Array(0), startAt: new Int32Array(0), endAt: new Int32Array(0) };

/**
 * The key of a text with its offset maps (see TextKey). Runs in one pass over the text.
 * With `reuse`, the maps are views of shared scratch arrays, valid only until the next call with
 * `reuse` (Gazetteer.find uses them at once): four fresh typed arrays per paragraph cost more than
 * filling them. Every slot that the returned views expose is written before it is read.
 */
export function makeTextKey(text: string, reuse = false): TextKey {
  const n = text.length;
  // A key is never longer than the text (folds keep length; stems only shorten).
  const cap = n + 1;
  if (reuse && scratch.cap < cap) {
    const size = Math.max(cap, scratch.cap * 2, 1024);
    scratch = { cap: size, codes: new Uint16Array(size), startOk: new Uint8Array(size), startAt: new Int32Array(size), endAt: new Int32Array(size) };
  }
  const codes = reuse ? scratch.codes : new Uint16Array(cap);
  const startOk = reuse ? scratch.startOk : new Uint8Array(cap);
  const startAt = reuse ? scratch.startAt : new Int32Array(cap);
  const endAt = reuse ? scratch.endAt : new Int32Array(cap);
  let m = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const info = infoOf(code);
    const cls = info >>> 16;
    if (cls === C_WORD) {
      // One pass over the word: its folded code units are written as it is read; a Cyrillic word
      // is then rewritten from its normalised form (it may be shorter).
      const m0 = m;
      codes[m] = info & 0xffff; startOk[m] = 0; startAt[m] = i; endAt[m] = -1; m++;
      let j = i + 1;
      let cyr = keyNeedsStems(code);
      while (j < n) {
        const cj = text.charCodeAt(j);
        const ij = infoOf(cj);
        if (ij >>> 16 !== C_WORD) break;
        if (keyNeedsStems(cj)) cyr = true;
        codes[m] = ij & 0xffff; startOk[m] = 0; startAt[m] = i; endAt[m] = -1; m++;
        j++;
      }
      if (cyr) {
        m = m0;
        const norm = normaliseCyrillic(text.slice(i, j));
        for (let k = 0; k < norm.length && m < cap; k++) {
          codes[m] = norm.charCodeAt(k); startOk[m] = 0; startAt[m] = i; endAt[m] = -1; m++;
        }
      }
      if (m > m0) { startOk[m0] = 1; endAt[m - 1] = j; }
      i = j;
      continue;
    }
    if (cls === C_IDEO || cls === C_PUNCT) {
      codes[m] = info & 0xffff; startOk[m] = 1; startAt[m] = i; endAt[m] = i + 1; m++;
    }
    i++;
  }
  return {
    get key() { return decodeCodes(codes, m); },
    codes: codes.subarray(0, m),
    startOk: startOk.subarray(0, m),
    startAt: startAt.subarray(0, m),
    endAt: endAt.subarray(0, m),
  };
}

const utf16 = new TextDecoder('utf-16le');
/** Key code units to a string (TextDecoder: String.fromCharCode over spread chunks was 10x slower). */
function decodeCodes(codes: Uint16Array, m: number): string {
  return utf16.decode(codes.subarray(0, m));
}

/** The key of a gazetteer name (same normalisation as makeTextKey, without the maps). */
const nameKeyCache = new Map<string, string>();
export function makeNameKey(name: string): string {
  let k = nameKeyCache.get(name);
  if (k === undefined) {
    k = makeTextKey(name).key;
    nameKeyCache.set(name, k);
  }
  return k;
}

/** The letters and digits of a string in their original case (for acronyms matched with exact case). */
export function caseSkeleton(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (classOf(s.charCodeAt(i)) !== C_DROP && classOf(s.charCodeAt(i)) !== C_PUNCT) out += s[i];
  return out;
}
