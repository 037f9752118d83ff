import { CodeUnitScratch } from './codeUnits.js';

/**
 * Folding for matching. Every function here returns a string of exactly the same
 * length (UTF-16 code units) as its input, so an offset found in the folded form is
 * an offset in the original text: that is what lets every finding point back to its words.
 */

const APOSTROPHES = '\u2019\u2018\u02BC\u0060\u00B4\u2032';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2212';
const SPACES = '\u00A0\u202F\u2007\u2009';

/** The three classes in one pattern: one pass instead of three (their targets are in none of them). */
const TYPOGRAPHIC = new RegExp(`[${APOSTROPHES}${DASHES}${SPACES}]`, 'g');
const ASCII_OF = new Map<string, string>([
  ...[...APOSTROPHES].map((c): [string, string] => [c, "'"]),
  ...[...DASHES].map((c): [string, string] => [c, '-']),
  ...[...SPACES].map((c): [string, string] => [c, ' ']),
]);

/** Typographic apostrophes, dashes and spaces to their ASCII forms (same length). */
export function foldPunctuation(s: string): string {
  return s.replace(TYPOGRAPHIC, (c) => ASCII_OF.get(c)!);
}

/** Lower-cases one character at a time, keeping the original where lower-casing changes the length. */
export function lowerSameLength(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

const accentCache = new Map<string, string>();
/** One character (a code point, as `for…of` yields it) without its accents, when that keeps its length. */
function stripAccentsOfChar(ch: string): string {
  let f = accentCache.get(ch);
  if (f === undefined) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    f = base.length === ch.length ? base : ch;
    // й and ё keep their identity in Russian matching only through the accent fold: fine for look-up.
    accentCache.set(ch, f);
  }
  return f;
}

/**
 * Strips diacritics from each character whose base letter has the same length (é→e, ё→е; 中 stays).
 * Copies unchanged runs as slices and only looks up characters from U+00C0 on (most text is ASCII):
 * the per-character string building it replaces was a hot spot of the entity stage.
 */
export function stripAccentsSameLength(s: string): string {
  let out = '';
  let last = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code < 0xc0) continue;
    // a surrogate pair is one character, as in for…of
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < n && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
    const ch = pair ? s.slice(i, i + 2) : s[i];
    const f = stripAccentsOfChar(ch);
    if (f !== ch) { out += s.slice(last, i) + f; last = i + ch.length; }
    if (pair) i++;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** The form used by gazetteers and lexicons: punctuation folded, lower case, accents kept. */
export function foldForMatch(s: string): string {
  return foldByTable(s, MATCH_TABLE, foldForMatchByString);
}

/** The loosest form: foldForMatch plus accents stripped. */
export function foldLoose(s: string): string {
  return foldByTable(s, LOOSE_TABLE, foldLooseByString);
}

/** foldForMatch by the string functions: the definition foldByTable must agree with. */
function foldForMatchByString(s: string): string {
  return lowerSameLength(foldPunctuation(s));
}

function foldLooseByString(s: string): string {
  return stripAccentsSameLength(foldForMatchByString(s));
}

/**
 * The folds as one pass of table look-ups. Composed per code unit, the three string folds give
 * the same result as on the whole string except for three kinds of unit, marked RARE: surrogates
 * (a pair lower-cases and loses its accents as one character), capital sigma (lower-cased by its
 * context: σ or final ς) and the units whose lower case is longer (İ), which switch
 * lowerSameLength to its character-by-character mode. A text holding one is folded by the string
 * functions (the definition). Hand-written because no builtin folds in one pass: the regex
 * replace with a callback, the lower-casing and the accent loop each walked the paragraph, and
 * folding was a few per cent of the whole analysis.
 */
const RARE = -2;
const UNKNOWN = -1;
/** Per code unit: its folded code unit, RARE, or UNKNOWN until first met. */
const MATCH_TABLE = new Int32Array(0x10000).fill(UNKNOWN);
const LOOSE_TABLE = new Int32Array(0x10000).fill(UNKNOWN);

function unitFold(table: Int32Array, code: number): number {
  const ch = String.fromCharCode(code);
  let f: number;
  if ((code >= 0xd800 && code <= 0xdfff) || code === 0x3a3 || ch.toLowerCase().length !== 1) f = RARE;
  else f = (table === LOOSE_TABLE ? foldLooseByString(ch) : foldForMatchByString(ch)).charCodeAt(0);
  table[code] = f;
  return f;
}

/**
 * A text's code units are copied into `units` (one native copy: reading them with charCodeAt one by
 * one costs several times more), folded in place, and read back as a string.
 */
const units = new CodeUnitScratch();

/**
 * `s` folded with `table` (see MATCH_TABLE), or by `byString` when it holds a RARE unit. Not even
 * the builtin lower-casing is used: on a two-byte string (a paragraph of any text with a curly
 * apostrophe) it calls ICU and costs more than this whole loop.
 */
function foldByTable(s: string, table: Int32Array, byString: (s: string) => string): string {
  if (!NOT_PLAIN_ASCII.test(s)) return s.toLowerCase();
  return foldUnits(s, table, byString);
}

/** foldByTable's pass over the code units, for a text that is not plain ASCII. */
function foldUnits(s: string, table: Int32Array, byString: (s: string) => string): string {
  const n = s.length;
  const u = units.load(s);
  // The units' bits together: below 0x100, the fold is made a one-byte string (most French and
  // Spanish paragraphs: their accents and typographic apostrophes fold away). Half the memory for
  // a string kept in the fold cache through the whole analysis, copied by every scavenge it meets.
  let wide = 0;
  for (let k = 0; k < n; k++) {
    let f = table[u[k]!]!;
    if (f < 0) {
      if (f === UNKNOWN) f = unitFold(table, u[k]!);
      if (f === RARE) return byString(s);
    }
    u[k] = f;
    wide |= f;
  }
  return wide < 0x100 ? units.oneByteText(n) : units.text(n);
}

/** Both folds of a text (see FoldCache). */
interface Folds { match: string; loose: string }

/**
 * Units beyond plain lower-casing's reach: any beyond ASCII, and the backtick (an apostrophe to
 * foldPunctuation). A text without them (most paragraphs of an English text) folds to its lower
 * case in both forms: the builtin does that fastest, and keeps a one-byte string one-byte.
 */
const NOT_PLAIN_ASCII = /[^\x00-\x5f\x61-\x7f]/;

/**
 * foldForMatch(s) and foldLoose(s): one table pass each (see foldByTable). A unit is RARE in both
 * tables or in neither, so each pass falls back to its string fold exactly where a pass over both
 * tables at once did. Two passes, because the one pass filling both was ~1.9× slower than the two
 * (measured on the example's paragraphs, where every paragraph is folded first by the named-thing
 * recogniser).
 */
function foldBoth(s: string): Folds {
  if (!NOT_PLAIN_ASCII.test(s)) {
    const lower = s.toLowerCase();
    return { match: lower, loose: lower };
  }
  return { match: foldUnits(s, MATCH_TABLE, foldForMatchByString), loose: foldUnits(s, LOOSE_TABLE, foldLooseByString) };
}

/**
 * Folded forms remembered by text: several stages fold the same paragraph text (entities, topics,
 * clause reading, facts), in both forms. A bounded first-in-first-out table keyed by the text (a
 * document's paragraphs fit; a corpus cannot grow it past the bound), whose entry holds both
 * forms, folded in one pass when either is first asked for. Same output as the uncached
 * functions, always. Strings cannot key a WeakMap, hence a bound instead of garbage-collected entries.
 */
const CACHE_MAX_ENTRIES = 4096;
const CACHE_MAX_CHARS = 4_000_000;
/** Texts shorter than this are folded directly: looking them up costs about as much as folding. */
const CACHE_MIN_CHARS = 24;

/** One remembered text: its folds, its bucket key (see FoldCache), the next entry of its bucket. */
interface FoldEntry { text: string; folds: Folds; key: number; next: FoldEntry | null }

const { charCodeAt } = String.prototype;

/**
 * The bucket key of a text: its length and three of its code units, mixed. A Map keyed by the texts
 * themselves hashed every paragraph's whole text once (V8 hashes a string on its first use as a key,
 * code unit by code unit: ~0.9 % of an analysis); this key reads four values, and a bucket's texts
 * are then told apart with ===, which for the same string object (the paragraph's text, asked for
 * by every stage) is one pointer comparison, and otherwise stops at the first differing code unit.
 */
function bucketKey(s: string): number {
  const n = s.length;
  let h = Math.imul(n, 0x9e3779b1) ^ charCodeAt.call(s, 0);
  h = Math.imul(h, 0x01000193) ^ charCodeAt.call(s, n >> 1);
  h = Math.imul(h, 0x01000193) ^ charCodeAt.call(s, n - 1);
  return h & 0x3fffffff;
}

class FoldCache {
  private buckets = new Map<number, FoldEntry>();
  /** The entries in insertion order from `oldest` on: the first in are the first dropped. */
  private order: FoldEntry[] = [];
  private oldest = 0;
  private chars = 0;
  clear(): void {
    this.buckets.clear();
    this.order = [];
    this.oldest = 0;
    this.chars = 0;
  }
  /** Both folds of `s` (`s` is at least CACHE_MIN_CHARS long). */
  get(s: string): Folds {
    const key = bucketKey(s);
    const first = this.buckets.get(key);
    for (let e: FoldEntry | null = first ?? null; e !== null; e = e.next) if (e.text === s) return e.folds;
    const folds = foldBoth(s);
    if (s.length > CACHE_MAX_CHARS) return folds;
    const entry: FoldEntry = { text: s, folds, key, next: first ?? null };
    this.buckets.set(key, entry);
    this.order.push(entry);
    this.chars += s.length;
    while (this.order.length - this.oldest > CACHE_MAX_ENTRIES || this.chars > CACHE_MAX_CHARS) this.drop(this.order[this.oldest++]!);
    if (this.oldest >= CACHE_MAX_ENTRIES) { this.order = this.order.slice(this.oldest); this.oldest = 0; }
    return folds;
  }
  /** Takes an entry out of its bucket. */
  private drop(entry: FoldEntry): void {
    this.chars -= entry.text.length;
    const first = this.buckets.get(entry.key)!;
    if (first === entry) {
      if (entry.next === null) this.buckets.delete(entry.key);
      else this.buckets.set(entry.key, entry.next);
      return;
    }
    let e = first;
    while (e.next !== entry) e = e.next!;
    e.next = entry.next;
  }
}

const foldCache = new FoldCache();

/** foldForMatch(s), remembered for texts folded before (see FoldCache). */
export function foldForMatchCached(s: string): string {
  return s.length < CACHE_MIN_CHARS ? foldForMatch(s) : foldCache.get(s).match;
}

/** foldLoose(s), remembered for texts folded before (see FoldCache). */
export function foldLooseCached(s: string): string {
  return s.length < CACHE_MIN_CHARS ? foldLoose(s) : foldCache.get(s).loose;
}

/**
 * Forgets every remembered fold. For benchmarks that analyse the same text again and again: without
 * this, the repeated runs would find their paragraphs already folded, which a user's new document never does.
 */
export function clearTextCaches(): void {
  foldCache.clear();
}
