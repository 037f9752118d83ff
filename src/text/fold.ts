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
  return lowerSameLength(foldPunctuation(s));
}

/** The loosest form: foldForMatch plus accents stripped. */
export function foldLoose(s: string): string {
  return stripAccentsSameLength(foldForMatch(s));
}

/**
 * Folded forms remembered by text: several stages fold the same paragraph text (entities, topics,
 * clause reading, facts), each folding costing a regex pass and a lower-casing over the whole
 * paragraph. A bounded first-in-first-out table keyed by the text (a document's paragraphs fit;
 * a corpus cannot grow it past the bound). Same output as the uncached functions, always.
 * Strings cannot key a WeakMap, hence a bound instead of garbage-collected entries.
 */
const CACHE_MAX_ENTRIES = 4096;
const CACHE_MAX_CHARS = 4_000_000;
/** Texts shorter than this are folded directly: hashing them costs about as much as folding. */
const CACHE_MIN_CHARS = 24;

class FoldCache {
  private map = new Map<string, string>();
  private chars = 0;
  constructor(private readonly fold: (s: string) => string) {}
  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
  get(s: string): string {
    if (s.length < CACHE_MIN_CHARS || s.length > CACHE_MAX_CHARS) return this.fold(s);
    let f = this.map.get(s);
    if (f === undefined) {
      f = this.fold(s);
      this.map.set(s, f);
      this.chars += s.length;
      while (this.map.size > CACHE_MAX_ENTRIES || this.chars > CACHE_MAX_CHARS) {
        const oldest = this.map.keys().next().value as string;
        this.map.delete(oldest);
        this.chars -= oldest.length;
      }
    }
    return f;
  }
}

const matchCache = new FoldCache(foldForMatch);
const looseCache = new FoldCache((s) => stripAccentsSameLength(matchCache.get(s)));

/** foldForMatch(s), remembered for texts folded before (see FoldCache). */
export function foldForMatchCached(s: string): string {
  return matchCache.get(s);
}

/** foldLoose(s), remembered for texts folded before; reuses the remembered foldForMatch(s). */
export function foldLooseCached(s: string): string {
  return looseCache.get(s);
}

/**
 * Forgets every remembered fold. For benchmarks that analyse the same text again and again: without
 * this, the repeated runs would find their paragraphs already folded, which a user's new document never does.
 */
export function clearTextCaches(): void {
  matchCache.clear();
  looseCache.clear();
}
