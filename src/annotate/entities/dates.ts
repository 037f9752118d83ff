import type * as chrono from 'chrono-node';
import type { Entity } from '../../types.js';
import { foldForMatchOnce } from './foldOnce.js';
import { alternation, alternationForms, loadDatesLexicon, type DatesLexicon } from './datesLexicon.js';
import { isWhiteSpaceCode } from '../../text/whiteSpace.js';
import { allPlain, formEndStartingAt, formStartEndingAt, spaceEndAfter, spaceStartBefore } from './datesAnchors.js';
import { chronoFor, parseKeepable } from './datesChrono.js';
import { stableSort } from '../../stableSort.js';

/**
 * Date mentions in one paragraph, each with an ISO 8601 `value` (spec/GUIDELINES.md §5):
 * a day "2024-07-04", a day range or two listed days "2024-02-01/2024-02-02", a month
 * "2024-11", a year "2025", a period "2025/2027", an open start "../2030", an open end
 * "2015/..", a century "2001/2100".
 *
 * Reads the paragraph text and lexicons/<lang>/dates.yaml; writes nothing. Two sources:
 * - chrono-node (fr, en, ru) for full dates and same-month day ranges, which it parses well
 *   ("4 juillet 2024", "17 au 19 septembre 2024", "6 to 7 July 2025", "29 мая 2014 года");
 * - hand-written patterns for what chrono misses on this machine (see ../shared/STACK.md):
 *   two listed days ("1er et 2 février"), month-year, bare years, periods of years
 *   ("2025–2027", garbled "2025. –2027"), open starts ("jusqu'en 2030", "by 2030"), garbled
 *   machine-translation dates ("20 mars. , 2024"), centuries, and all of Chinese.
 * Overlapping candidates are resolved longest first; on equal length the hand pattern wins
 * because its span convention (no "le", "on", "du") is the guideline's.
 */

export interface FindDatesOptions {
  /** Year of the document, used for dates written without a year ("3月26日", "20 March"). */
  refYear?: number;
}

interface Candidate {
  start: number;
  end: number;
  value: string;
  rule: string;
  hand: boolean;
}

/** Input longer than this is cut (paragraphs are never this long; a bound keeps regexes linear in practice). */
const MAX_TEXT = 50_000;
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

const pad2 = (n: number) => String(n).padStart(2, '0');
const isYear = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;
const validDay = (y: number | null, m: number, d: number) => {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y ?? 2024, m, 0)).getUTCDate();
  return d <= days;
};

/** ISO day, or "--MM-DD" when the year is unknown (ISO 8601:2000 truncated form; see lexicons/README.md). */
function isoDay(y: number | null, m: number, d: number): string {
  return y === null ? `--${pad2(m)}-${pad2(d)}` : `${y}-${pad2(m)}-${pad2(d)}`;
}

const B = '(?<![\\p{L}\\p{N}])'; // left word boundary (Unicode)
const E = '(?![\\p{L}\\p{N}])'; // right word boundary (Unicode)
const YEAR = '(1[89]\\d\\d|2[01]\\d\\d)';

/**
 * Where a pattern's match can start. Each pattern below begins with one of these, so a match can
 * only start at such a position; trying the pattern's sticky twin there (instead of a global scan
 * that runs the Unicode look-behind at every character) finds the same leftmost, non-overlapping
 * matches (see matchesOf):
 * - 'short': a run of one or two ASCII digits (${B}${D}: D is followed by a suffix, a space, a
 *   connector or [./], never by a digit, so the run is the whole of D);
 * - 'year4': a run of exactly four ASCII digits that ${YEAR} can read (18xx..21xx);
 * - 'month': a month name followed by white space and a number (every month-first pattern reads
 *   "${M}\s+" then a day, a year or "de|of" and a year), found from the numbers (monthsBeforeNumbers);
 * - 'cue': a cue that stands before a year as the pattern reads it (white space, "the year", a
 *   prefix such as "mid-"), found from the year runs (cueStarts);
 * - 'scan': anywhere (a global scan; only the century pattern, gated by its word probe).
 * Starts found from the numbers are read with the pattern's own words (datesAnchors.ts) and may
 * include places where the pattern then fails; they never miss one where it matches.
 */
type StartKind = 'short' | 'year4' | 'month' | 'cue' | 'scan';

/**
 * What a text must hold for a pattern to match, tested once per text (see TextScan). A month name:
 * a day-first pattern needs one after a day (lastMonthAfterDay); a month-first pattern starts at
 * one, so its start list (monthsBeforeNumbers) is empty without.
 */
const NEEDS_MONTH = 1;
/** A four-digit year run: every ${YEAR} in the patterns is a whole run of ASCII digits. */
const NEEDS_YEAR = 2;
/** A year run right after "-" (the prefixed-year pattern ends with "-${YEAR}"). */
const NEEDS_DASH_YEAR = 4;

interface Pattern {
  name: string;
  /** The pattern, global (for 'scan'). */
  re: RegExp;
  /** The same source, sticky: tried at each start position. */
  sticky: RegExp;
  start: StartKind;
  needs: number;
  /** For 'cue': the cue's forms and what stands between the cue and the year (see cueStarts). */
  anchor?: CueAnchor;
  /**
   * For 'short' and 'year4': the characters one of which must follow the digit run the pattern
   * starts with (its \d{1,2} or ${YEAR} takes the whole run, then reads one of them), when it
   * names them; a start where another follows is not tried.
   */
  after?: number[];
  /** For 'scan': whether the text holds one of the words the pattern needs. */
  probe?: (f: string) => boolean;
}

interface Compiled {
  lex: DatesLexicon;
  monthOf: Map<string, number>;
  patterns: Pattern[];
  /** The month forms by their last character (monthsBeforeNumbers) and by their first (monthsAfterDays). */
  monthsByLast: Map<number, string[]>;
  monthsByFirst: Map<number, string[]>;
  /** The ordinal day suffixes ("st", "er"): ${D} is a run of digits, then maybe one of them. */
  daySuffixes: string[];
}

/**
 * How a cue pattern's cue stands before its year:
 * - 'space': white space ("since 2015");
 * - 'open': white space, maybe "the year", "year", "l'an" or "l'année" and white space, then maybe
 *   a prefix and "-" ("by the year 2030", "d'ici à fin-2030");
 * - 'dash': the cue is a prefix, then "-" ("mid-2024").
 */
interface CueAnchor {
  kind: 'space' | 'open' | 'dash';
  cues: string[];
  prefixes: string[];
}
/** The words the open-start pattern allows between its cue and the year, as its source spells them. */
const OPEN_START_WORDS = ["l'année", "l'an", 'the year', 'year'];

const compiledCache = new Map<string, Compiled>();

/** Builds (once per language) the regexes from the lexicon's words. */
function compile(lang: string): Compiled {
  const hit = compiledCache.get(lang);
  if (hit) return hit;
  const lex = loadDatesLexicon(lang);
  const monthOf = new Map<string, number>();
  for (const m of lex.months ?? []) for (const f of m.forms) monthOf.set(f.toLowerCase(), m.month);
  const M = monthOf.size ? `(${alternation([...monthOf.keys()])})` : null;
  const SUF = lex.ordinalDaySuffixes?.length ? `(?:${alternation(lex.ordinalDaySuffixes)})?` : '';
  const D = `(\\d{1,2})${SUF}`;
  const conn = (xs: string[] | undefined, dflt: string[]) => alternation(xs?.length ? xs : dflt);
  const LIST = conn(lex.dayListConnectors, ['&']);
  const RANGE = conn(lex.dayRangeConnectors, ['-']);
  const YRANGE = conn(lex.yearRangeConnectors, ['-']);
  const YW = lex.yearWords?.length ? `(?:\\s*(?:${alternation(lex.yearWords)})(?![\\p{L}\\p{N}]))?` : '';
  const YW_DOT = YW.replace('(?![\\p{L}\\p{N}])', '(?![\\p{N}])');
  const patterns: Pattern[] = [];
  const add = (name: string, src: string, start: StartKind, needs: number, extra: { anchor?: CueAnchor; probe?: string[]; after?: string } = {}) => {
    patterns.push({
      name, start, needs,
      re: new RegExp(src, 'gu'),
      sticky: new RegExp(src, 'uy'),
      ...(extra.anchor !== undefined ? { anchor: extra.anchor } : {}),
      ...(extra.probe !== undefined ? { probe: probeFor(extra.probe) } : {}),
      ...(extra.after !== undefined ? { after: [...extra.after].map((ch) => ch.charCodeAt(0)) } : {}),
    });
  };
  const prefixes = alternationForms(lex.yearPrefixes ?? []);
  if (M) {
    // "1er et 2 février 2024", "6 and 7 July 2025": chrono keeps only the second day.
    add('dayList', `${B}${D}\\s*(?:,\\s*)?(?:${LIST})\\s+${D}\\s+${M}${E}(?:\\s*,?\\s*${YEAR}${E})?${YW_DOT}`, 'short', NEEDS_MONTH);
    // "30 juin au 2 juillet 2024": cross-month ranges (chrono handles them unevenly across languages).
    add('crossMonth', `${B}${D}\\s+${M}\\s*(?:${RANGE})\\s*${D}\\s+${M}${E}(?:\\s*,?\\s*${YEAR}${E})?${YW_DOT}`, 'short', NEEDS_MONTH);
    // "7-11 août 2023": also written by hand so that every language gets the same span rule.
    add('dayRange', `${B}${D}\\s*(?:${RANGE})\\s*${D}\\s+${M}${E}(?:\\s*,?\\s*${YEAR}${E})?${YW_DOT}`, 'short', NEEDS_MONTH);
    // "20 mars. , 2024": machine-translation punctuation between month and year; chrono drops the year.
    add('garbled', `${B}${D}\\s+${M}((?:\\s*[.,]\\s*)+)${YEAR}${E}`, 'short', NEEDS_MONTH | NEEDS_YEAR);
    // "4 juillet 2024" (chrono finds these too; the hand form keeps languages consistent).
    add('day', `${B}${D}\\s+${M}${E}(?:\\s*,?\\s*${YEAR}${E})?${YW_DOT}`, 'short', NEEDS_MONTH);
    // "July 4, 2024" (English order).
    add('mdy', `${B}${M}\\s+${D}(?:\\s*,\\s*|\\s+)${YEAR}${E}`, 'month', NEEDS_MONTH | NEEDS_YEAR);
    // "July 6–7, 2025", "July 30 to August 2, 2025": month-first ranges (chrono drops the year of the start).
    add('mdyRange', `${B}${M}\\s+${D}\\s*(?:${RANGE})\\s*(?:${M}\\s+)?${D}(?:\\s*,\\s*|\\s+)${YEAR}${E}`, 'month', NEEDS_MONTH | NEEDS_YEAR);
    // "novembre 2024": chrono ignores month-year.
    add('month', `${B}${M}\\s+(?:(?:de|of)\\s+)?${YEAR}${E}${YW_DOT}`, 'month', NEEDS_MONTH | NEEDS_YEAR);
  }
  // "2025-2027", "2025–2027 годы", garbled "2025. –2027", "2024-25".
  add('yearRange', `${B}${YEAR}\\s*\\.?\\s*(?:${YRANGE})\\s*(\\d{4}|\\d{2})${E}${YW_DOT}`, 'year4', NEEDS_YEAR);
  const PREFIX = lex.yearPrefixes?.length ? `(?:(?:${alternation(lex.yearPrefixes)})-)?` : '';
  if (lex.openStart?.length) {
    const cues = alternation(lex.openStart.flatMap((c) => c.forms));
    add('openStart', `${B}(${cues})\\s+(?:(?:l'an(?:née)?|the year|year)\\s+)?${PREFIX}${YEAR}${E}${YW_DOT}`, 'cue', NEEDS_YEAR,
      { anchor: { kind: 'open', cues: alternationForms(lex.openStart.flatMap((c) => c.forms)), prefixes } });
  }
  if (lex.openEnd?.length) {
    const cues = alternation(lex.openEnd.flatMap((c) => c.forms));
    add('openEnd', `${B}(${cues})\\s+${YEAR}${E}${YW_DOT}`, 'cue', NEEDS_YEAR,
      { anchor: { kind: 'space', cues: alternationForms(lex.openEnd.flatMap((c) => c.forms)), prefixes: [] } });
  }
  add('year', `(?<![\\p{L}\\p{N}/.,\\-])${YEAR}(?![\\p{L}\\p{N}]|[/.,]\\d|-\\d)${YW_DOT}`, 'year4', NEEDS_YEAR);
  // "end-2025", "mid-2024", "mi-2025": the year with its hyphenated prefix (the plain year pattern refuses "-2025").
  if (lex.yearPrefixes?.length) add('prefixedYear', `${B}(?:${alternation(lex.yearPrefixes)})-${YEAR}(?![\\p{L}\\p{N}]|[/.,]\\d|-\\d)`, 'cue', NEEDS_DASH_YEAR, { anchor: { kind: 'dash', cues: prefixes, prefixes: [] } });
  // Numeric dates: 04.07.2024 (ru, fr) and 2024-07-04 (ISO).
  add('numericDmy', `${B}(\\d{1,2})[./](\\d{1,2})[./]${YEAR}${E}`, 'short', NEEDS_YEAR, { after: './' });
  add('iso', `${B}${YEAR}-(\\d{2})-(\\d{2})${E}`, 'year4', NEEDS_YEAR, { after: '-' });
  // Roman numerals need no digit: a global scan, only on texts holding a century word.
  if (lex.centuries?.length) add('century', `${B}(\\d{1,2}|[IVXLivxl]{1,5})(?:e|ème|eme|er|st|nd|rd|th|-?й|-?го|-?м)?\\s*(?:${alternation(lex.centuries)})${E}`, 'scan', 0, { probe: lex.centuries });
  const monthsByLast = new Map<number, string[]>();
  const monthsByFirst = new Map<number, string[]>();
  for (const form of alternationForms([...monthOf.keys()])) {
    pushTo(monthsByLast, form.charCodeAt(form.length - 1), form);
    pushTo(monthsByFirst, form.charCodeAt(0), form);
  }
  const out = { lex, monthOf, patterns, monthsByLast, monthsByFirst, daySuffixes: alternationForms(lex.ordinalDaySuffixes ?? []) };
  compiledCache.set(lang, out);
  return out;
}

/**
 * Whether a folded text holds one of `forms` (read as alternation() reads them): a plain string
 * search when every form reads as itself, which is faster than the regex over every text.
 */
function probeFor(forms: string[]): (f: string) => boolean {
  const words = alternationForms(forms);
  if (allPlain(words)) return (f) => words.some((w) => f.includes(w));
  const re = new RegExp(alternation(words), 'u');
  return (f) => re.test(f);
}

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };
/** Roman numeral (i..l) to number, or NaN. */
function romanToInt(s: string): number {
  let total = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]];
    if (v === undefined) return NaN;
    const next = ROMAN[t[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** The word just before `index` (folded text), for the "résolution 2118" guard. */
function wordBefore(f: string, index: number): string {
  // what /([\p{L}\p{N}°.%]+)\s*$/u finds in the 30 characters before `index`, read backwards
  const from = Math.max(0, index - 30);
  const end = Math.max(from, spaceStartBefore(f, index));
  let start = end;
  while (start > from) {
    const c = f.charCodeAt(start - 1);
    const pair = c >= 0xdc00 && c <= 0xdfff && start - 2 >= from && (f.charCodeAt(start - 2) & 0xfc00) === 0xd800;
    const q = pair ? start - 2 : start - 1;
    if (!isGuardWordChar(f.codePointAt(q)!, true)) break;
    start = q;
  }
  return f.slice(start, end);
}
/** The word just after `index` (folded text), for the "2000 personnes" guard. */
function wordAfter(f: string, index: number): string {
  // what /^\s*([\p{L}%]+)/u finds in the 30 characters from `index`, read forwards
  const to = Math.min(f.length, index + 30);
  const start = Math.min(to, spaceEndAfter(f, index));
  let end = start;
  while (end < to) {
    const cp = f.codePointAt(end)!;
    const size = cp > 0xffff ? 2 : 1;
    if (end + size > to || !isGuardWordChar(cp, false)) break;
    end += size;
  }
  return f.slice(start, end);
}

const GUARD_WORD_BEFORE = /[\p{L}\p{N}°]/u;
const GUARD_WORD_AFTER = /\p{L}/u;
/** A character of the guard words: [\p{L}\p{N}°.%] before a year, [\p{L}%] after it. */
function isGuardWordChar(cp: number, before: boolean): boolean {
  if (cp < 0x80) {
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || cp === 0x25) return true;
    return before && ((cp >= 0x30 && cp <= 0x39) || cp === 0x2e);
  }
  return (before ? GUARD_WORD_BEFORE : GUARD_WORD_AFTER).test(String.fromCodePoint(cp));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Whether the code point before `p` is a letter or a number: what ${B} refuses (read backwards by code point, like a look-behind). */
function wordCharBefore(f: string, p: number): boolean {
  if (p === 0) return false;
  const c = f.charCodeAt(p - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  const q = c >= 0xdc00 && c <= 0xdfff && p >= 2 && (f.charCodeAt(p - 2) & 0xfc00) === 0xd800 ? p - 2 : p - 1;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(f.codePointAt(q)!));
}

/** Runs of ASCII digits (TextScan). */
const DIGIT_RUNS = /[0-9]+/g;

/**
 * What the patterns need from one folded text, computed once per text: the runs of ASCII digits
 * (one pass over the characters), and per language the pattern hits. findDateSpans (for the
 * named-thing recogniser) and findDates run the same patterns on the same paragraph one after the
 * other; the hits do not depend on the reference year (see Hit), so the second call only turns
 * them into candidates.
 */
class TextScan {
  /** Starts of the runs of one or two ASCII digits. */
  readonly short: number[] = [];
  /** Starts of the runs of four ASCII digits from 1800 to 2199 (what ${YEAR} reads). */
  readonly year4: number[] = [];
  /** Whether a year run follows a "-". */
  dashYear = false;
  /** Every run of ASCII digits: its start and its end (chronoWindows). */
  readonly runStart: number[] = [];
  readonly runEnd: number[] = [];
  /** Per language: monthsBeforeNumbers and lastMonthAfterDay, computed on demand (the maps too: most texts need none). */
  monthsBefore: Map<Compiled, number[]> | null = null;
  monthAfterDay: Map<Compiled, number> | null = null;
  /** Per cue pattern: cueStarts, computed on demand. */
  cueStarts: Map<Pattern, number[]> | null = null;
  /** Whether the text holds an ASCII digit (\\d, even with the u flag). */
  hasDigit = false;
  /** Pattern hits per language. */
  readonly hits = new Map<string, Hit[]>();
  /** Matches of the Chinese patterns (global scans). */
  chinese: Map<RegExp, RegExpExecArray[]> | null = null;
  /** `t` is the text, `f` its folded form: hits read both (the English "may" check reads `t`). */
  constructor(readonly t: string, readonly f: string) {
    // A regex finds the runs: scanning for a class is several times faster than a loop over char codes.
    const re = DIGIT_RUNS;
    re.lastIndex = 0;
    for (let m = re.exec(f); m; m = re.exec(f)) {
      this.hasDigit = true;
      const i = m.index;
      const len = m[0].length;
      this.runStart.push(i);
      this.runEnd.push(i + len);
      if (len <= 2) this.short.push(i);
      else if (len === 4) {
        const c = f.charCodeAt(i);
        const c2 = f.charCodeAt(i + 1);
        if ((c === 0x31 && (c2 === 0x38 || c2 === 0x39)) || (c === 0x32 && (c2 === 0x30 || c2 === 0x31))) {
          this.year4.push(i);
          if (i > 0 && f.charCodeAt(i - 1) === 0x2d) this.dashYear = true;
        }
      }
    }
  }
}

function ascending(a: number, b: number): number {
  return a - b;
}

/** Ascending, each once. */
function sortedUnique(xs: number[]): number[] {
  if (xs.length < 2) return xs;
  stableSort(xs, ascending);
  let k = 1;
  for (let i = 1; i < xs.length; i++) if (xs[i] !== xs[k - 1]) xs[k++] = xs[i];
  xs.length = k;
  return xs;
}

/**
 * Starts of the month names that white space and a number follow ("July 4", "novembre 2024",
 * "May of 2030"): every place where a month-first pattern can match. Read backwards from each run
 * of one, two or four digits (what ${D} and ${YEAR} read), once per text and language.
 */
function monthsBeforeNumbers(scan: TextScan, c: Compiled): number[] {
  let out = scan.monthsBefore?.get(c);
  if (out) return out;
  out = [];
  const f = scan.f;
  for (const runs of [scan.short, scan.year4]) {
    for (const r of runs) {
      const e1 = spaceStartBefore(f, r);
      if (e1 === r || e1 === 0) continue;
      pushMonthsEndingAt(out, f, c, e1);
      // "${M} (de|of) ${YEAR}": the month, white space, maybe "de" or "of" and white space, the year
      if (e1 >= 3 && (f.startsWith('of', e1 - 2) || f.startsWith('de', e1 - 2))) {
        const e2 = spaceStartBefore(f, e1 - 2);
        if (e2 < e1 - 2 && e2 > 0) pushMonthsEndingAt(out, f, c, e2);
      }
    }
  }
  out = sortedUnique(out);
  (scan.monthsBefore ??= new Map()).set(c, out);
  return out;
}

/** Pushes the starts of the month names ending at `end` that have a word boundary before them. */
function pushMonthsEndingAt(out: number[], f: string, c: Compiled, end: number): void {
  const forms = c.monthsByLast.get(f.charCodeAt(end - 1));
  if (!forms) return;
  for (const form of forms) {
    const s = formStartEndingAt(f, form, end);
    if (s >= 0 && !wordCharBefore(f, s)) out.push(s);
  }
}

/**
 * The last place where a month name follows a day ("4 July", "1er et 2 février": a run of one or
 * two digits, maybe an ordinal suffix, white space), or -1: every day-first pattern holds such a
 * month name after its start, so none starts at or after it. Once per text and language.
 */
function lastMonthAfterDay(scan: TextScan, c: Compiled): number {
  let last = scan.monthAfterDay?.get(c);
  if (last !== undefined) return last;
  last = -1;
  const f = scan.f;
  for (const r of scan.short) {
    const end = r + (isAsciiDigit(f.charCodeAt(r + 1)) ? 2 : 1);
    last = Math.max(last, monthAfterSpace(f, c, end));
    for (const suffix of c.daySuffixes) {
      const e = formEndStartingAt(f, suffix, end);
      if (e >= 0) last = Math.max(last, monthAfterSpace(f, c, e));
    }
  }
  (scan.monthAfterDay ??= new Map()).set(c, last);
  return last;
}

/** Where a month name starts after the white space that starts at `p` (none: -1). */
function monthAfterSpace(f: string, c: Compiled, p: number): number {
  const q = spaceEndAfter(f, p);
  if (q === p) return -1;
  const forms = c.monthsByFirst.get(f.charCodeAt(q));
  if (forms) for (const form of forms) if (formEndStartingAt(f, form, q) >= 0) return q;
  return -1;
}

const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Where a cue pattern can start: its cue read backwards from each year run, across what the
 * pattern allows between them (CueAnchor). Once per text and pattern.
 */
function cueStarts(scan: TextScan, p: Pattern): number[] {
  let out = scan.cueStarts?.get(p);
  if (out) return out;
  out = [];
  const f = scan.f;
  const a = p.anchor!;
  for (const y of scan.year4) {
    const dash = y > 0 && f.charCodeAt(y - 1) === 0x2d;
    if (a.kind === 'dash') {
      if (dash) pushCuesEndingAt(out, f, a, y - 1);
      continue;
    }
    pushCuesBeforeSpace(out, f, a, y);
    if (dash) {
      for (const prefix of a.prefixes) {
        const s = formStartEndingAt(f, prefix, y - 1);
        if (s >= 0) pushCuesBeforeSpace(out, f, a, s);
      }
    }
  }
  out = sortedUnique(out);
  (scan.cueStarts ??= new Map()).set(p, out);
  return out;
}

/** Pushes the starts of the cues ending at `end`. */
function pushCuesEndingAt(out: number[], f: string, a: CueAnchor, end: number): void {
  for (const cue of a.cues) {
    const s = formStartEndingAt(f, cue, end);
    if (s >= 0) out.push(s);
  }
}

/** Pushes the starts of the cues that white space up to `p` follows (for 'open', maybe "the year" and white space too). */
function pushCuesBeforeSpace(out: number[], f: string, a: CueAnchor, p: number): void {
  const e1 = spaceStartBefore(f, p);
  if (e1 === p) return;
  pushCuesEndingAt(out, f, a, e1);
  if (a.kind !== 'open') return;
  for (const w of OPEN_START_WORDS) {
    if (e1 < w.length || !f.startsWith(w, e1 - w.length)) continue;
    const e2 = spaceStartBefore(f, e1 - w.length);
    if (e2 < e1 - w.length) pushCuesEndingAt(out, f, a, e2);
  }
}

let lastScan: TextScan | null = null;
/** The scan of the last text, or a new one (consecutive calls read the same paragraph). */
function scanOf(t: string, f: string): TextScan {
  if (lastScan === null || lastScan.t !== t) lastScan = new TextScan(t, f);
  return lastScan;
}

/**
 * The matches of one pattern on one folded text: its sticky twin tried at each possible start
 * (StartKind), skipping starts inside the previous match. Every position where the pattern can
 * match is among those starts, so this finds the same leftmost, non-overlapping matches as the
 * global scan, without running the look-behind at every other position of the paragraph.
 */
function matchesOf(p: Pattern, scan: TextScan, c: Compiled): RegExpExecArray[] {
  const f = scan.f;
  // Cheapest tests first: most paragraphs have no digit, and the month names take a look at each number.
  if ((p.start === 'short' && scan.short.length === 0) || (p.start === 'year4' && scan.year4.length === 0)) return [];
  if ((p.needs & NEEDS_YEAR) && scan.year4.length === 0) return [];
  if ((p.needs & NEEDS_DASH_YEAR) && !scan.dashYear) return [];
  // A day-first month pattern holds a month name after a day, before which it starts (lastMonthAfterDay).
  const limit = p.start === 'short' && (p.needs & NEEDS_MONTH) ? lastMonthAfterDay(scan, c) : Infinity;
  if (limit < 0) return [];
  const out: RegExpExecArray[] = [];
  if (p.start === 'scan') {
    if (p.probe && !p.probe(f)) return out;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(f); m; m = p.re.exec(f)) {
      out.push(m);
      if (m[0].length === 0) p.re.lastIndex++;
    }
    return out;
  }
  const starts = p.start === 'short' ? scan.short
    : p.start === 'year4' ? scan.year4
    : p.start === 'month' ? monthsBeforeNumbers(scan, c)
    : cueStarts(scan, p);
  const sticky = p.sticky;
  const after = p.after;
  let pos = 0;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    if (s >= limit) break;
    if (s < pos) continue;
    if (after && !after.includes(f.charCodeAt(runEndAt(f, s, p.start)))) continue;
    sticky.lastIndex = s;
    const m = sticky.exec(f);
    if (m) { out.push(m); pos = m.index + Math.max(1, m[0].length); }
  }
  return out;
}

/** The end of the digit run at `s`, a start of kind 'short' (one or two digits) or 'year4' (four). */
function runEndAt(f: string, s: number, kind: StartKind): number {
  return kind === 'year4' ? s + 4 : isAsciiDigit(f.charCodeAt(s + 1)) ? s + 2 : s + 1;
}

/** Two-digit end of "2024-25" → 2025; a full year stays as is. */
function fullEndYear(start: number, endText: string): number {
  if (endText.length === 4) return Number(endText);
  const century = Math.floor(start / 100) * 100;
  const y = century + Number(endText);
  return y > start ? y : y + 100;
}

/**
 * One pattern match turned into a date, before the reference year is known: either a fixed
 * `value`, or (day forms written without a year) one or two days whose year is the reference year
 * and whose validity (29 February) depends on it.
 */
interface Hit {
  start: number;
  end: number;
  rule: string;
  value: string | null;
  m1: number;
  d1: number;
  /** 0 for a single day. */
  m2: number;
  d2: number;
}

/** The month of a matched month name (0 if none). */
function monthNumber(monthOf: Map<string, number>, s: string): number {
  return monthOf.get(s.toLowerCase().replace(/\s+/g, ' ')) ?? 0;
}

/** A hit with a fixed value. */
function fixedHit(out: Hit[], m: RegExpExecArray, value: string, rule: string): void {
  out.push({ start: m.index, end: m.index + m[0].length, rule: `dates/${rule}`, value, m1: 0, d1: 0, m2: 0, d2: 0 });
}

/** Days d1 (and d2 when m2 > 0) in the year `ys` when written, else in the reference year (a hit without value). */
function dayHit(out: Hit[], m: RegExpExecArray, ys: string | undefined, m1: number, d1: number, m2: number, d2: number, rule: string): void {
  if (ys) {
    const y = Number(ys);
    if (!validDay(y, m1, d1) || (m2 > 0 && !validDay(y, m2, d2))) return;
    fixedHit(out, m, m2 > 0 ? `${isoDay(y, m1, d1)}/${isoDay(y, m2, d2)}` : isoDay(y, m1, d1), rule);
  } else {
    out.push({ start: m.index, end: m.index + m[0].length, rule: `dates/${rule}`, value: null, m1, d1, m2, d2 });
  }
}

/** The hits of the hand-written patterns on one folded text, in pattern order then text order. */
function patternHits(scan: TextScan, lang: string): Hit[] {
  const cached = scan.hits.get(lang);
  if (cached) return cached;
  const c = compile(lang);
  const { lex, monthOf } = c;
  const { t, f } = scan;
  const out: Hit[] = [];
  for (const p of c.patterns) {
    const ms = matchesOf(p, scan, c);
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      switch (p.name) {
        // "1er et 2 février" and "4-5 July": two days of one month, read alike
        case 'dayList':
        case 'dayRange': {
          const mo = monthNumber(monthOf, m[3]); const d1 = Number(m[1]); const d2 = Number(m[2]);
          if (!mo || d2 <= d1) break;
          dayHit(out, m, m[4], mo, d1, mo, d2, `${lang}.${p.name}`);
          break;
        }
        case 'crossMonth': {
          const m1 = monthNumber(monthOf, m[2]); const m2 = monthNumber(monthOf, m[4]);
          if (!m1 || !m2) break;
          dayHit(out, m, m[5], m1, Number(m[1]), m2, Number(m[3]), `${lang}.crossMonth`);
          break;
        }
        case 'garbled': {
          const mo = monthNumber(monthOf, m[2]); const y = Number(m[4]); const d = Number(m[1]);
          if (!mo || !validDay(y, mo, d) || !/[.,]/.test(m[3])) break;
          fixedHit(out, m, isoDay(y, mo, d), `${lang}.garbledDay`);
          break;
        }
        case 'day': {
          const mo = monthNumber(monthOf, m[2]);
          // A day and month with no year and no document year: kept, as "--MM-DD" (month name).
          if (mo) dayHit(out, m, m[3], mo, Number(m[1]), 0, 0, `${lang}.day`);
          break;
        }
        case 'mdy': {
          const mo = monthNumber(monthOf, m[1]); const d = Number(m[2]); const y = Number(m[3]);
          if (!mo || !validDay(y, mo, d)) break;
          fixedHit(out, m, isoDay(y, mo, d), `${lang}.monthDayYear`);
          break;
        }
        case 'mdyRange': {
          const m1 = monthNumber(monthOf, m[1]); const d1 = Number(m[2]); const m2 = m[3] ? monthNumber(monthOf, m[3]) : m1; const d2 = Number(m[4]); const y = Number(m[5]);
          if (!m1 || !m2 || !validDay(y, m1, d1) || !validDay(y, m2, d2) || (m1 === m2 && d2 <= d1)) break;
          fixedHit(out, m, `${isoDay(y, m1, d1)}/${isoDay(y, m2, d2)}`, `${lang}.monthDayRange`);
          break;
        }
        case 'month': {
          const mo = monthNumber(monthOf, m[1]);
          // English "may" is also a verb: "may 2030" is never a month without a capital.
          if (!mo || (lang === 'en' && t[m.index] === 'm')) break;
          fixedHit(out, m, `${m[2]}-${pad2(mo)}`, `${lang}.month`);
          break;
        }
        case 'yearRange': {
          const y1 = Number(m[1]); const y2 = fullEndYear(y1, m[2]);
          if (!isYear(y2) || y2 <= y1 || y2 - y1 > 100) break;
          if (isGuarded(f, lex, m.index, m.index + m[0].length)) break;
          fixedHit(out, m, `${y1}/${y2}`, `${lang}.yearRange`);
          break;
        }
        case 'openStart': {
          const cue = m[1].replace(/\s+/g, ' ');
          const entry = lex.openStart?.find((x) => x.forms.some((form) => form.toLowerCase() === cue));
          const end = m.index + m[0].length;
          // "to 2030" only before a lower-case word or punctuation: "(commitment) to 2030 Agenda" is a name.
          if (entry && /\.to$/.test(entry.id) && !/^(?:\s*[.,;:)]|$|\s+[\p{Ll}(])/u.test(t.slice(end, end + 3))) break;
          out.push({ start: m.index, end, rule: `dates/${entry?.id ?? `${lang}.openStart`}`, value: `../${m[2]}`, m1: 0, d1: 0, m2: 0, d2: 0 });
          break;
        }
        case 'openEnd': {
          const cue = m[1].replace(/\s+/g, ' ');
          const entry = lex.openEnd?.find((x) => x.forms.some((form) => form.toLowerCase() === cue));
          fixedHit(out, m, `${m[2]}/..`, entry?.id ?? `${lang}.openEnd`);
          break;
        }
        case 'year':
          if (!isGuarded(f, lex, m.index, m.index + m[1].length)) fixedHit(out, m, m[1], `${lang}.year`);
          break;
        case 'prefixedYear':
          fixedHit(out, m, m[1], `${lang}.prefixedYear`);
          break;
        case 'numericDmy': {
          const d = Number(m[1]); const mo = Number(m[2]); const y = Number(m[3]);
          if (validDay(y, mo, d)) fixedHit(out, m, isoDay(y, mo, d), 'numeric.dmy');
          break;
        }
        case 'iso': {
          const y = Number(m[1]); const mo = Number(m[2]); const d = Number(m[3]);
          if (validDay(y, mo, d)) fixedHit(out, m, isoDay(y, mo, d), 'numeric.iso');
          break;
        }
        case 'century': {
          const n = /^\d+$/.test(m[1]) ? Number(m[1]) : romanToInt(m[1]);
          if (n >= 1 && n <= 22) fixedHit(out, m, `${pad2((n - 1) * 100 + 1).padStart(4, '0')}/${String(n * 100).padStart(4, '0')}`, `${lang}.century`);
          break;
        }
      }
    }
  }
  scan.hits.set(lang, out);
  return out;
}

/** Candidates from the hand-written patterns (fr/en/ru and any language with a dates lexicon). */
function findByPatterns(t: string, f: string, lang: string, refYear: number | null): Candidate[] {
  const hits = patternHits(scanOf(t, f), lang);
  const out: Candidate[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    let value = h.value;
    if (value === null) {
      if (!validDay(refYear, h.m1, h.d1) || (h.m2 > 0 && !validDay(refYear, h.m2, h.d2))) continue;
      value = h.m2 > 0 ? `${isoDay(refYear, h.m1, h.d1)}/${isoDay(refYear, h.m2, h.d2)}` : isoDay(refYear, h.m1, h.d1);
    }
    out.push({ start: h.start, end: h.end, value, rule: h.rule, hand: true });
  }
  return out;
}

/** True when a number between start and end is a symbol or a quantity rather than a year. */
function isGuarded(f: string, lex: DatesLexicon, start: number, end: number): boolean {
  const before = wordBefore(f, start);
  const after = wordAfter(f, end);
  const { notAfter, notBefore } = guardWords(lex);
  if (before && notAfter.has(before)) return true;
  if (after && notBefore.has(after)) return true;
  if (/^\s*%/.test(f.slice(end, end + 3))) return true;
  return false;
}

const guardWordSets = new WeakMap<DatesLexicon, { notAfter: Set<string>; notBefore: Set<string> }>();
/** The lexicon's guard words lower-cased into sets, once per lexicon (isGuarded runs for every year). */
function guardWords(lex: DatesLexicon): { notAfter: Set<string>; notBefore: Set<string> } {
  let g = guardWordSets.get(lex);
  if (!g) {
    g = { notAfter: new Set((lex.notDateAfter ?? []).map((w) => w.toLowerCase())), notBefore: new Set((lex.notDateBefore ?? []).map((w) => w.toLowerCase())) };
    guardWordSets.set(lex, g);
  }
  return g;
}

const chineseRegExps = new Map<string, RegExp>();
/** The Chinese patterns compiled once each (they are built from a few constant sources and the lexicon). */
function chineseRegExp(src: string): RegExp {
  let re = chineseRegExps.get(src);
  if (!re) { re = new RegExp(src, 'gu'); chineseRegExps.set(src, re); }
  return re;
}

/** Chinese: digits with 年 月 日 (chrono has no Chinese parser in this build). */
/** The matches of one Chinese pattern (a global scan), remembered on the text's scan. */
function chineseMatches(re: RegExp, scan: TextScan): RegExpExecArray[] {
  let list = scan.chinese?.get(re);
  if (list) return list;
  list = [];
  if (scan.hasDigit) { // every Chinese pattern holds \d
    re.lastIndex = 0;
    for (let m = re.exec(scan.f); m; m = re.exec(scan.f)) {
      list.push(m);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  (scan.chinese ??= new Map()).set(re, list);
  return list;
}

function findChinese(t: string, f: string, refYear: number | null): Candidate[] {
  const scan = scanOf(t, f);
  const out: Candidate[] = [];
  const push = (start: number, end: number, value: string, rule: string) => out.push({ start, end, value, rule: `dates/zh.${rule}`, hand: true });
  const yr = (s: string | undefined) => (s ? Number(s) : refYear);
  const lex = compile('zh').lex;
  const run = (src: string, take: (m: RegExpExecArray) => void) => { for (const m of chineseMatches(chineseRegExp(src), scan)) take(m); };
  // 2024年7月4日至5日 / 7月4日-5日 / 2024年7月4日至7月6日
  run(`(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日?\\s*(?:至|到|-|和|、)\\s*(?:(\\d{1,2})月)?(\\d{1,2})日`, (m) => {
    const y = yr(m[1]); const m1 = Number(m[2]); const d1 = Number(m[3]); const m2 = m[4] ? Number(m[4]) : m1; const d2 = Number(m[5]);
    if (!validDay(y, m1, d1) || !validDay(y, m2, d2)) return;
    push(m.index, m.index + m[0].length, `${isoDay(y, m1, d1)}/${isoDay(y, m2, d2)}`, 'dayRange');
  });
  run(`(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})[日号]`, (m) => {
    const y = yr(m[1]); const mo = Number(m[2]); const d = Number(m[3]);
    if (!validDay(y, mo, d)) return;
    push(m.index, m.index + m[0].length, isoDay(y, mo, d), 'day');
  });
  run(`(\\d{4})年(\\d{1,2})月(?!\\d)`, (m) => {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return;
    push(m.index, m.index + m[0].length, `${m[1]}-${pad2(mo)}`, 'month');
  });
  run(`(?<!\\d)(\\d{4})年?\\s*(?:-|至|到)\\s*(\\d{4})年`, (m) => {
    const y1 = Number(m[1]); const y2 = Number(m[2]);
    if (!isYear(y1) || y2 <= y1) return;
    push(m.index, m.index + m[0].length, `${y1}/${y2}`, 'yearRange');
  });
  const until = alternation(lex.openStart?.flatMap((c) => c.forms) ?? ['到']);
  run(`(?:${until})\\s*(\\d{4})年(?:底|末)?|(?<!\\d)(\\d{4})年(?:前|以前|之前)`, (m) => {
    const y = m[1] ?? m[2];
    if (!isYear(Number(y))) return;
    push(m.index, m.index + m[0].length, `../${y}`, 'openStart');
  });
  run(`(?<!\\d)(\\d{4})年(?:起|以来)`, (m) => {
    if (!isYear(Number(m[1]))) return;
    push(m.index, m.index + m[0].length, `${m[1]}/..`, 'openEnd');
  });
  run(`(?<![\\d第/])(\\d{4})年(?!\\d)`, (m) => {
    if (!isYear(Number(m[1]))) return;
    push(m.index, m.index + m[0].length, m[1], 'year');
  });
  // A bare year before a name ("2030议程"): only years 1900-2100 next to Han characters.
  run(`(?<![\\d第/.])(19\\d\\d|20\\d\\d)(?=[\\p{Script=Han}])(?!年)`, (m) => {
    push(m.index, m.index + m[0].length, m[1], 'bareYear');
  });
  run(`(?<!\\d)(\\d{1,2})世纪`, (m) => {
    const n = Number(m[1]);
    if (n < 1 || n > 22) return;
    push(m.index, m.index + m[0].length, `${String((n - 1) * 100 + 1).padStart(4, '0')}/${String(n * 100).padStart(4, '0')}`, 'century');
  });
  return out;
}

/**
 * Month words of chrono-node's fr, en and ru month dictionaries (full names and abbreviations,
 * copied from its locales' constants, which the package does not export), or a numeric date shape.
 * Boundaries are ASCII like chrono's own (\W), so the gate opens wherever chrono could match.
 * Hand-written because chrono has no cheap "could this text hold a date" test.
 */
export const CHRONO_MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'janvier', 'janv', 'février', 'fév', 'févr', 'fevrier', 'fev', 'fevr', 'mars', 'avril', 'avr', 'mai', 'juin',
  'juillet', 'juil', 'août', 'aout', 'septembre', 'octobre', 'novembre', 'décembre', 'decembre', 'déc',
  'январь', 'января', 'январе', 'февраль', 'февраля', 'феврале', 'март', 'марта', 'марте', 'апрель', 'апреля', 'апреле',
  'май', 'мая', 'мае', 'июнь', 'июня', 'июне', 'июль', 'июля', 'июле', 'август', 'августа', 'августе',
  'сентябрь', 'сентября', 'сентябре', 'октябрь', 'октября', 'октябре', 'ноябрь', 'ноября', 'ноябре', 'декабрь', 'декабря', 'декабре',
  'янв', 'фев', 'мар', 'апр', 'авг', 'сен', 'окт', 'ноя', 'дек',
];
const CHRONO_GATE_ALL = new RegExp(
  `(?<![A-Za-z0-9_])(?:${[...CHRONO_MONTHS].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z0-9_])` +
    // chrono's numeric forms: d/m[/y] after a non-digit (SlashDate), y-m-d (ISO, YearMonthDay)
    '|(?<![0-9])[0-9]{1,2}[/.\\-][0-9]|[0-9]{4}[/.\\-\\s][0-9]{1,2}[/.\\-\\s][0-9]',
  'giu',
);
/**
 * The month words of CHRONO_GATE_ALL on the folded text, where they are lower case: the same
 * matches without the case-insensitive Unicode matching, which costs twice the time. Folding keeps
 * lengths and turns upper case to lower case, so a word of the text is a word of the folded text,
 * except around the few characters that Unicode case folding reads as a month letter or an ASCII
 * letter while lower-casing keeps them (long s "ſ" and the old Cyrillic letters U+1C80-U+1C85,
 * computed over every 16-bit character): this pattern finds those too, and a text holding one is
 * read with CHRONO_GATE_ALL itself.
 */
export const CHRONO_MONTHS_FOLDED = foldedMonthsRegExp(CHRONO_MONTHS);

/**
 * /(?<![A-Za-z0-9_])(?:words, longest first)(?![A-Za-z0-9_])|[ſ\u1c80-\u1c85]/g written without
 * the look-behind, which the regex engine runs at every character (the costliest part of the gate):
 * a word that starts with [A-Za-z0-9_] has no such character before it exactly where \b holds, and
 * one that starts with another character exactly where \B holds (\b and \B read ASCII word
 * characters when the regex has neither the i nor the u flag). The words are tried in the same
 * order, since at a given place only those starting with its character can match, and they are
 * all in one of the two groups. dates.test.ts checks the two forms agree.
 */
function foldedMonthsRegExp(words: readonly string[]): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  const isWordStart = (w: string) => /^[A-Za-z0-9_]/.test(w);
  const wordStart = sorted.filter(isWordStart).join('|');
  const otherStart = sorted.filter((w) => !isWordStart(w)).join('|');
  return new RegExp(`\\b(?:${wordStart})(?![A-Za-z0-9_])|\\B(?:${otherStart})(?![A-Za-z0-9_])|[\u017f\u1c80-\u1c85]`, 'g');
}

/**
 * The matches of CHRONO_GATE_ALL on the text, as start and end pairs in one flat array, found more
 * cheaply: the month words on the folded text (CHRONO_MONTHS_FOLDED), the numeric shapes from the
 * digit runs. Month words hold only letters and numeric shapes only digits and separators, so the
 * two kinds never overlap and merge by start; among the numeric shapes, one that starts inside the
 * previous one is skipped, as the global scan skips it.
 */
function chronoGateHits(scan: TextScan): number[] {
  const { t, f } = scan;
  const months: number[] = [];
  const re = CHRONO_MONTHS_FOLDED;
  re.lastIndex = 0;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    if (m[0].length === 1) return gateHitsByRegex(t); // ſ or an old Cyrillic letter (see above)
    months.push(m.index, m.index + m[0].length);
  }
  const numbers = numericDateShapes(scan);
  if (numbers.length === 0) return months;
  if (months.length === 0) return numbers;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < months.length || j < numbers.length) {
    if (j >= numbers.length || (i < months.length && months[i] < numbers[j])) { out.push(months[i], months[i + 1]); i += 2; }
    else { out.push(numbers[j], numbers[j + 1]); j += 2; }
  }
  return out;
}

/** CHRONO_GATE_ALL's matches found by the regex itself, as start and end pairs. */
function gateHitsByRegex(text: string): number[] {
  const out: number[] = [];
  CHRONO_GATE_ALL.lastIndex = 0;
  for (let m = CHRONO_GATE_ALL.exec(text); m; m = CHRONO_GATE_ALL.exec(text)) {
    out.push(m.index, m.index + m[0].length);
    if (m[0].length === 0) CHRONO_GATE_ALL.lastIndex++;
  }
  return out;
}

const isDateSeparator = (c: number) => c === 0x2f || c === 0x2e || c === 0x2d; // [/.\-]

/**
 * The numeric shapes of CHRONO_GATE_ALL read from the digit runs of the text (the folded text
 * keeps every ASCII digit where it is; separators are read in the text itself):
 * - "(?<![0-9])[0-9]{1,2}[/.\-][0-9]": a whole run of one or two digits, a separator, a digit;
 * - "[0-9]{4}[/.\-\s][0-9]{1,2}[/.\-\s][0-9]": the last four digits of a run, a separator or white
 *   space, a whole run of one or two digits, the same again, a digit.
 * Start and end pairs in text order, without the ones starting inside the previous one.
 */
function numericDateShapes(scan: TextScan): number[] {
  const { t, runStart, runEnd } = scan;
  const out: number[] = [];
  let lastEnd = 0;
  for (let r = 0; r < runStart.length; r++) {
    const a = runStart[r];
    const e = runEnd[r];
    const len = e - a;
    let start = -1;
    let end = -1;
    if (len <= 2) {
      if (isDateSeparator(t.charCodeAt(e)) && isAsciiDigit(t.charCodeAt(e + 1))) { start = a; end = e + 2; }
    } else if (len >= 4 && r + 1 < runStart.length && runStart[r + 1] === e + 1) {
      const c = t.charCodeAt(e);
      const e2 = runEnd[r + 1];
      const len2 = e2 - (e + 1);
      if ((isDateSeparator(c) || isWhiteSpaceCode(c)) && len2 <= 2) {
        const c2 = t.charCodeAt(e2);
        if ((isDateSeparator(c2) || isWhiteSpaceCode(c2)) && isAsciiDigit(t.charCodeAt(e2 + 1))) { start = e - 4; end = e2 + 2; }
      }
    }
    if (start >= lastEnd) { out.push(start, end); lastEnd = end; }
  }
  return out;
}

/** Characters of context kept on each side of a month name or numeric date for chrono. */
const CHRONO_PAD = 100;
const isSpaceCode = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/**
 * The parts of a paragraph chrono reads: each month name or numeric date with CHRONO_PAD
 * characters on each side, widened to the surrounding white space (so no word is cut and chrono's
 * boundaries see what they see in the whole text), overlapping parts merged. A date chrono can
 * give (certain day and month) is written around one of these; what else chrono finds far from
 * them are relative expressions (see findByChrono). Chrono's cost grows with the text it reads.
 * A month name or numeric date inside a day the hand patterns already read (`known`) opens no
 * part: chrono would read the same day there, or a longer span that is worse under
 * spec/GUIDELINES.md §5 (a weekday before it, "On Saturday, 16 September"; a page number before a
 * UN masthead date, "19 30/09/2015", read month first as 2015-01-10 where the hand pattern reads
 * the masthead's day first). Inside a month or a year the hand patterns read ("November 2020"),
 * chrono still looks, for a day they missed ("on10 November 2020" from a PDF, "end of December 2021").
 */
function chronoWindows(scan: TextScan, known: Candidate[]): [number, number][] {
  const text = scan.t;
  const out: [number, number][] = [];
  const n = text.length;
  const hits = chronoGateHits(scan);
  for (let i = 0; i < hits.length; i += 2) {
    if (insideAny(known, hits[i], hits[i + 1])) continue;
    let ws = Math.max(0, hits[i] - CHRONO_PAD);
    let we = Math.min(n, hits[i + 1] + CHRONO_PAD);
    while (ws > 0 && !isSpaceCode(text.charCodeAt(ws - 1))) ws--;
    while (we < n && !isSpaceCode(text.charCodeAt(we))) we++;
    const last = out[out.length - 1];
    if (last && ws <= last[1]) last[1] = Math.max(last[1], we);
    else out.push([ws, we]);
  }
  // A window without an ASCII digit gives only results that findByChrono drops (its \d test on
  // the result's text, a part of the window): it is not parsed. Windows are merged first, so the
  // windows kept are exactly those chrono read before.
  let k = 0;
  for (const w of out) if (hasAsciiDigit(text, w[0], w[1])) out[k++] = w;
  out.length = k;
  return out;
}

/** Whether [start, end) lies inside one of the candidates. */
function insideAny(cands: Candidate[], start: number, end: number): boolean {
  for (const c of cands) if (c.start <= start && end <= c.end) return true;
  return false;
}
/** A value that names a day, or a range ending on one ("2024-07-04", "--07-04", "2024-07-04/2024-07-05"). */
const DAY_VALUE = /-\d\d-\d\d$/;

function hasAsciiDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) { const c = text.charCodeAt(i); if (c >= 0x30 && c <= 0x39) return true; }
  return false;
}
/** Per language: a weekday with its comma or space at the start of a chrono result (null without weekdays); built once. */
const weekdayRegExps = new Map<string, RegExp | null>();
function weekdayRegExp(lang: string): RegExp | null {
  let re = weekdayRegExps.get(lang);
  if (re === undefined) {
    const weekdays = alternation(compile(lang).lex.weekdays ?? []);
    re = weekdays.length ? new RegExp(`^(?:${weekdays})[\\s,]+`, 'iu') : null; // not global: exec keeps no state
    weekdayRegExps.set(lang, re);
  }
  return re;
}
const LEADING_WORDS = /^(?:on|the|le|du|from|с|со|в)\s*/iu;

/**
 * Candidates from chrono-node: full dates and same-month ranges. Results whose day or month
 * is only implied (times, weekdays, "3 et" read as 3 o'clock) are dropped. `known`: the days the
 * hand patterns found (see chronoWindows).
 */
function findByChrono(scan: TextScan, lang: string, refYear: number | null, known: Candidate[]): Candidate[] {
  const parser = chronoFor(lang);
  if (!parser) return [];
  const text = scan.t;
  // Results without an ASCII digit are dropped below (the \d test), so a text without one needs no
  // parse at all: chrono runs some forty patterns per text, the costliest step of this stage.
  // (Folding keeps the ASCII digits where they are, so the scan of the folded text tells.)
  if (!scan.hasDigit) return [];
  // A kept result needs a certain day and month; chrono only gives both for a month name or a
  // numeric date (d/m/y, y-m-d, "2024 7 4"), apart from relative expressions ("dans 3 jours",
  // "today at 5 pm") that are not dates under spec/GUIDELINES.md §5. So a paragraph with neither
  // needs no parse (the lead's decision; the UNGD sample showed no other difference), and chrono
  // reads only the windows around them (chronoWindows).
  const windows = chronoWindows(scan, known);
  if (windows.length === 0) return [];
  // each result with the offset of the window it was read in
  let results: [chrono.ParsedResult, number][] = [];
  try {
    const ref = new Date(Date.UTC(refYear ?? 2000, 0, 1, 12));
    for (const [ws, we] of windows) {
      const part = ws === 0 && we === text.length ? text : text.slice(ws, we);
      for (const r of parseKeepable(parser, part, ref)) results.push([r, ws]);
    }
  } catch {
    results = [];
  }
  const out: Candidate[] = [];
  const weekdayRe = weekdayRegExp(lang);
  for (const [r, off] of results) {
    const index = r.index + off;
    if (!/\d/.test(r.text)) continue;
    // "July 6 to July 8, 2025": only the end carries the year; the start takes it too
    const endYear = r.end && r.end.isCertain('year') ? r.end.get('year') : null;
    const s = chronoDay(r.start, endYear ?? refYear);
    if (!s) continue;
    const e = r.end ? chronoDay(r.end, refYear) : null;
    if (r.end && !e) continue;
    const ws = /^\s*/u.exec(r.text)![0].length;
    let body = r.text.slice(ws);
    // a weekday before the date is left out of the span, like an article ("jeudi 5 octobre 2023")
    const wd = weekdayRe ? weekdayRe.exec(body) : null;
    const skip = ws + (wd ? wd[0].length : 0);
    body = r.text.slice(skip);
    const lead = LEADING_WORDS.exec(body);
    const start = index + skip + (lead && /\d/.test(body.slice(lead[0].length, lead[0].length + 1)) ? lead[0].length : 0);
    out.push({ start, end: index + r.text.length, value: e && e !== s ? `${s}/${e}` : s, rule: `dates/chrono.${lang}`, hand: false });
  }
  return out;
}

/** The ISO day of a chrono component with a certain day and month (its year, or else `year`), or null. */
function chronoDay(c: chrono.ParsedComponents, year: number | null): string | null {
  if (!c.isCertain('day') || !c.isCertain('month')) return null;
  const y = c.isCertain('year') ? c.get('year') : year;
  const m = c.get('month'); const d = c.get('day');
  if (m == null || d == null) return null;
  return isoDay(y ?? null, m, d);
}

/** Longest first, hand patterns before chrono on ties, then text order (resolveOverlaps). */
function byPriority(a: Candidate, b: Candidate): number {
  return (b.end - b.start) - (a.end - a.start) || Number(b.hand) - Number(a.hand) || a.start - b.start;
}
function byStart(a: Candidate, b: Candidate): number {
  return a.start - b.start;
}

/** Longest first, hand patterns before chrono on ties; keeps a non-overlapping set, in text order. */
function resolveOverlaps(cands: Candidate[]): Candidate[] {
  if (cands.length <= 1) return cands;
  const sorted = stableSort(cands.slice(), byPriority);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    let overlaps = false;
    for (let i = 0; i < kept.length && !overlaps; i++) overlaps = c.start < kept[i].end && kept[i].start < c.end;
    if (!overlaps) kept.push(c);
  }
  return stableSort(kept, byStart);
}

/**
 * Spans of dates from the hand-written patterns only (no chrono-node): cheap enough for the
 * named-thing recogniser, which needs to know where dates are ("pour 2024-2029", "du 1er
 * juillet 1968") but not their values.
 */
export function findDateSpans(text: string, lang: string): { start: number; end: number }[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const l = (lang || '').toLowerCase().slice(0, 2);
  const f = foldForMatchOnce(t);
  const cands = l === 'zh' ? findChinese(t, f, null) : findByPatterns(t, f, l, null);
  const kept = resolveOverlaps(cands);
  const out: { start: number; end: number }[] = [];
  for (const c of kept) out.push({ start: c.start, end: c.end });
  return out;
}

/** Date mentions (with ISO 8601 `value`) in one paragraph's text. */
export function findDates(text: string, lang: string, options: FindDatesOptions = {}): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const f = foldForMatchOnce(t);
  const refYear = options.refYear && isYear(options.refYear) ? options.refYear : null;
  const l = (lang || '').toLowerCase().slice(0, 2);
  let cands: Candidate[];
  if (l === 'zh') cands = findChinese(t, f, refYear);
  else {
    cands = findByPatterns(t, f, l, refYear);
    const days = cands.filter((c) => DAY_VALUE.test(c.value));
    for (const c of findByChrono(scanOf(t, f), l, refYear, days)) cands.push(c);
  }
  const out: Entity[] = [];
  for (const c of resolveOverlaps(cands)) {
    const mention = t.slice(c.start, c.end).replace(TRAILING_SPACE_COMMA, '');
    // `ref: undefined` (left out of the JSON): the hidden class of the gazetteer's entities.
    out.push({ type: 'date', text: mention, start: c.start, end: c.start + mention.length, ref: undefined, value: c.value, rule: c.rule });
  }
  return out;
}

const TRAILING_SPACE_COMMA = /[\s,]+$/u;
