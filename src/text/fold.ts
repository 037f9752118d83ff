/**
 * Folding for matching. Every function here returns a string of exactly the same
 * length (UTF-16 code units) as its input, so an offset found in the folded form is
 * an offset in the original text: that is what lets every finding point back to its words.
 */

const APOSTROPHES = /[\u2019\u2018\u02BC\u0060\u00B4\u2032]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g;
const SPACES = /[\u00A0\u202F\u2007\u2009]/g;

/** Typographic apostrophes, dashes and spaces to their ASCII forms (same length). */
export function foldPunctuation(s: string): string {
  return s.replace(APOSTROPHES, "'").replace(DASHES, '-').replace(SPACES, ' ');
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
/** Strips diacritics from each character whose base letter has the same length (é→e, ё→е; 中 stays). */
export function stripAccentsSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code < 0xc0) { out += ch; continue; }
    let f = accentCache.get(ch);
    if (f === undefined) {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      f = base.length === ch.length ? base : ch;
      // й and ё keep their identity in Russian matching only through the accent fold: fine for look-up.
      accentCache.set(ch, f);
    }
    out += f;
  }
  return out;
}

/** The form used by gazetteers and lexicons: punctuation folded, lower case, accents kept. */
export function foldForMatch(s: string): string {
  return lowerSameLength(foldPunctuation(s));
}

/** The loosest form: foldForMatch plus accents stripped. */
export function foldLoose(s: string): string {
  return stripAccentsSameLength(foldForMatch(s));
}
