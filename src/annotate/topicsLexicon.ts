import { lazyCodeTable } from '../text/codeTable.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon } from '../lexicon/load.js';
import { SPEC_DIR } from '../paths.js';
import { foldLoose } from '../text/fold.js';

/** One cue of lexicons/<lang>/topics.yaml (schema: lexicons/schema/topics.schema.json). */
export interface TopicCueEntry {
  id: string;
  forms: string[];
  weight?: number;
  also?: string[];
  note?: string;
}

export interface TopicsLexicon {
  language: string;
  wordBoundaries?: boolean;
  ignore?: TopicCueEntry[];
  cooperation?: TopicCueEntry[];
  topics: Array<{ id: string; cues: TopicCueEntry[] }>;
}

/** A cue form compiled to a regular expression over foldLoose(text). */
export interface CompiledCue {
  /** The lexicon entry id (provenance). */
  id: string;
  /** The rule id a topic scored by this cue records: `topics/lexicon:<id>`. */
  rule: string;
  /** 'topic' cues score topics; 'ignore' cues hide what they cover; 'cooperation' cues feed the partnerships rule. */
  role: 'topic' | 'ignore' | 'cooperation';
  topics: string[];
  weight: number;
  re: RegExp;
  /** A literal every match contains (folded): a cheap `includes` test skips the regex for most paragraphs. */
  probe: string;
  /**
   * The literal every match starts with (the first word's first piece), or '' when the form
   * has none. With it the matcher runs `sticky` only where that literal occurs, instead of
   * letting `re` try every position of the paragraph (its leading \p{L} look-behind stops
   * V8 from skipping ahead, so a scan costs a regex step per character).
   */
  lead: string;
  /** `re` with the sticky flag: matches exactly at lastIndex. */
  sticky: RegExp;
  /** The form's matches start only where no letter or digit precedes (lexicon `wordBoundaries`). */
  bounded: boolean;
  /** The same form as a sequence of steps for matchFormAt (the hand matcher). */
  steps: FormStep[];
  /**
   * The literal beginnings every match has, as the scan walks text (see scanKeysOf): the lead
   * followed by as many further words as are literal, so that a cue like "the organization" is
   * tried where "the organization" starts, not at every "the". Empty when `lead` is.
   */
  keys: string[];
  /**
   * How many of `steps` every key spells exactly (see keyStepsOf): the hand matcher resumes
   * there, where the key found in the text ends, instead of reading the key's units again. 0
   * when the keys are not exact (a hyphen join, a key ending in white space): match from the start.
   */
  keySteps: number;
}

/**
 * One step of a compiled form, mirroring one piece of the regular expression compileForm
 * builds: a literal, `[-\s]?` (hyphen join), `[\p{L}\p{M}]*` (a "*" ending), `\s+` or `\s*`
 * (between words), `(?:\s+\S+){0,3}?\s+` (a "~" gap), `(?![\p{L}\p{N}])` (word end).
 */
export type FormStep =
  | { t: typeof STEP_LIT; s: string }
  | { t: typeof STEP_HYPHEN }
  | { t: typeof STEP_STEM }
  | { t: typeof STEP_SPACE1 }
  | { t: typeof STEP_SPACE0 }
  | { t: typeof STEP_GAP }
  | { t: typeof STEP_END };
// Step kinds are small integers, not strings: matchStep switches on them for every step tried.
const STEP_LIT = 0;
const STEP_HYPHEN = 1;
const STEP_STEM = 2;
const STEP_SPACE1 = 3;
const STEP_SPACE0 = 4;
const STEP_GAP = 5;
const STEP_END = 6;

/** The topic ids of spec/topics.json (read once). */
let topicIds: Set<string> | null = null;
export function readTopicIds(): Set<string> {
  if (!topicIds) {
    const spec = JSON.parse(readFileSync(join(SPEC_DIR, 'topics.json'), 'utf8')) as { topics: Array<{ id: string }> };
    topicIds = new Set(spec.topics.map((t) => t.id));
  }
  return topicIds;
}

const compiled = new Map<string, CompiledCue[] | null>();

/**
 * The compiled cues of one language, or null when it has no topics lexicon. Throws (a
 * data bug) when a cue names a topic that spec/topics.json does not define.
 */
export function loadTopicCues(lang: string): CompiledCue[] | null {
  if (compiled.has(lang)) return compiled.get(lang)!;
  const lex = loadLexicon<TopicsLexicon>(lang, 'topics');
  const cues = lex ? compileLexicon(lex) : null;
  compiled.set(lang, cues);
  return cues;
}

/** Compiles a lexicon: one regular expression per form. */
export function compileLexicon(lex: TopicsLexicon): CompiledCue[] {
  const known = readTopicIds();
  const bounded = lex.wordBoundaries !== false;
  const out: CompiledCue[] = [];
  const add = (entry: TopicCueEntry, role: CompiledCue['role'], topics: string[]) => {
    for (const t of topics) if (!known.has(t)) throw new Error(`lexicon topics (${lex.language}): cue ${entry.id} names unknown topic "${t}"`);
    for (const form of entry.forms) {
      const re = compileForm(form, bounded);
      const lead = leadOf(form);
      const steps = formSteps(form, bounded);
      out.push({
        id: entry.id, rule: `topics/lexicon:${entry.id}`, role, topics, weight: entry.weight ?? 1, re, probe: probeOf(form), lead,
        sticky: new RegExp(re.source, 'uy'), bounded, steps, keys: lead ? scanKeysOf(steps) : [], keySteps: lead ? keyStepsOf(steps) : 0,
      });
    }
  };
  for (const e of lex.ignore ?? []) add(e, 'ignore', []);
  for (const e of lex.cooperation ?? []) add(e, 'cooperation', []);
  for (const t of lex.topics) for (const e of t.cues) add(e, 'topic', [t.id, ...(e.also ?? [])]);
  return out;
}

/**
 * One form → a global Unicode regular expression over folded text. Hand-written because
 * the form language is tiny (words, "*" endings, "~" gaps) and must keep offsets exact.
 */
export function compileForm(form: string, wordBoundaries: boolean): RegExp {
  const words = foldLoose(form.trim()).split(/\s+/).filter(Boolean);
  const parts: string[] = [];
  let pendingGap = false;
  words.forEach((w, i) => {
    if (w === '~') { pendingGap = true; return; }
    if (parts.length) parts.push(pendingGap ? String.raw`(?:\s+\S+){0,3}?\s+` : wordBoundaries ? String.raw`\s+` : String.raw`\s*`);
    pendingGap = false;
    const stem = w.endsWith('*') && w.length > 1;
    const core = (stem ? w.slice(0, -1) : w)
      .split('-')
      .map(escapeRegExp)
      .join(String.raw`[-\s]?`);
    parts.push(stem ? String.raw`${core}[\p{L}\p{M}]*` : core);
    void i;
  });
  const body = parts.join('');
  const source = wordBoundaries ? String.raw`(?<![\p{L}\p{N}])${body}(?![\p{L}\p{N}])` : body;
  return new RegExp(source, 'gu');
}

/** The steps of a form, built exactly as compileForm builds its regular expression. */
export function formSteps(form: string, wordBoundaries: boolean): FormStep[] {
  const words = foldLoose(form.trim()).split(/\s+/).filter(Boolean);
  const steps: FormStep[] = [];
  let pendingGap = false;
  for (const w of words) {
    if (w === '~') { pendingGap = true; continue; }
    if (steps.length) steps.push({ t: pendingGap ? STEP_GAP : wordBoundaries ? STEP_SPACE1 : STEP_SPACE0 });
    pendingGap = false;
    const stem = w.endsWith('*') && w.length > 1;
    (stem ? w.slice(0, -1) : w).split('-').forEach((piece, k) => {
      if (k > 0) steps.push({ t: STEP_HYPHEN });
      steps.push({ t: STEP_LIT, s: piece });
    });
    if (stem) steps.push({ t: STEP_STEM });
  }
  if (wordBoundaries) steps.push({ t: STEP_END });
  return steps;
}

/** A form has at most this many scan keys (each "-" between literal pieces triples them). */
const MAX_SCAN_KEYS = 9;
/** How the scan writes a run of white space in a key: one space, whatever the run (see scanKeysOf). */
export const KEY_SPACE = 0x20;

/**
 * The literal beginnings of a form's matches, spelt as the scan reads text: white space is
 * walked as one KEY_SPACE per run. Every match starts with one of the keys, so a cue need only
 * be tried where a key occurs (a necessary condition, not a sufficient one: matchFormAt decides).
 * A key follows the steps from the start while they are literal: pieces, a space between words
 * (`\s+` before a literal takes the whole run, as the scan does), and a hyphen join `[-\s]?` as
 * three keys ("-", one space, nothing). It stops at a "*" ending, a "~" gap, the word end, an
 * empty piece (two separators in a row, where the scan's one-space-per-run spelling would not
 * hold), or when the keys would pass MAX_SCAN_KEYS.
 */
export function scanKeysOf(steps: FormStep[]): string[] {
  let keys = [''];
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k]!;
    if (step.t === STEP_LIT) {
      if (!step.s || (k > 0 && !/^[^\s-]/.test(step.s))) break;
      keys = keys.map((key) => key + step.s);
      continue;
    }
    // A separator is spelt only when a non-empty literal follows it (see above).
    const next = steps[k + 1];
    if (!next || next.t !== STEP_LIT || !next.s) break;
    const space = String.fromCharCode(KEY_SPACE);
    if (step.t === STEP_SPACE1) keys = keys.map((key) => key + space);
    else if (step.t === STEP_SPACE0 || step.t === STEP_HYPHEN) {
      const ways = step.t === STEP_HYPHEN ? ['-', space, ''] : [space, ''];
      if (keys.length * ways.length > MAX_SCAN_KEYS) break;
      keys = keys.flatMap((key) => ways.map((w) => key + w));
    } else break;
  }
  return [...new Set(keys)];
}

/**
 * The number of leading steps the keys of scanKeysOf spell, when a key's occurrence in the text
 * (KEY_SPACE reading a whole white-space run) is the only way those steps match there, so that
 * matching may resume at the key's end; else 0. That holds for literals and for `\s+` and `\s*`
 * before a literal that starts with neither white space nor a hyphen (they can only take the
 * whole run: a shorter one leaves white space where the literal must start); not for a hyphen
 * join (its `[-\s]?` takes one unit, where the key's KEY_SPACE reads a run), nor for a key that
 * ends in white space. Follows scanKeysOf step by step.
 */
export function keyStepsOf(steps: FormStep[]): number {
  let spelt = 0;
  let keys = 1;
  let endsInSpace = false;
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k]!;
    if (step.t === STEP_LIT) {
      if (!step.s || (k > 0 && !/^[^\s-]/.test(step.s))) break;
      spelt = k + 1;
      endsInSpace = false;
      continue;
    }
    const next = steps[k + 1];
    if (!next || next.t !== STEP_LIT || !next.s) break;
    if (step.t === STEP_HYPHEN) return 0;
    if (step.t === STEP_SPACE0) {
      if (keys * 2 > MAX_SCAN_KEYS) break;
      keys *= 2;
    } else if (step.t !== STEP_SPACE1) break;
    endsInSpace = true;
  }
  return endsInSpace ? 0 : spelt;
}

/** Character classes of UTF-16 code units, computed with the same regular expressions once per unit. */
const CLASS_SPACE = 1;
const CLASS_LETTER_MARK = 2;
const CLASS_LETTER_DIGIT = 4;
const classOf = lazyCodeTable((ch) =>
  (WHITE_SPACE.test(ch) ? CLASS_SPACE : 0)
  | (/[\p{L}\p{M}]/u.test(ch) ? CLASS_LETTER_MARK : 0)
  | (LETTER_OR_DIGIT.test(ch) ? CLASS_LETTER_DIGIT : 0));

/** The character classes classOf computes, as matched by `unitsMatching`. */
export const WHITE_SPACE = /\s/u;
export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Every code unit that `cls` (a one-character class such as WHITE_SPACE) matches on its own, as
 * classOf tests it: one replace over a string of all units instead of 65,536 tests. Surrogates
 * are left out: alone they are no letter, digit or space (and paired they would read as one).
 */
export function unitsMatching(cls: RegExp): number[] {
  const units: number[] = [];
  for (let code = 1; code < 0x10000; code++) if (code < 0xd800 || code > 0xdfff) units.push(code);
  let all = '';
  for (let k = 0; k < units.length; k += 4096) all += String.fromCharCode(...units.slice(k, k + 4096));
  // Each match becomes U+0000, which is not among the units tested (it matches none of the classes).
  const marked = all.replace(new RegExp(cls.source, 'gu'), '\0');
  return units.filter((_, k) => marked.charCodeAt(k) === 0);
}

/** Whether a code unit is a letter or digit (\p{L}\p{N}); exact for text without surrogates. */
export function isLetterOrDigitUnit(code: number): boolean {
  return (classOf(code) & CLASS_LETTER_DIGIT) !== 0;
}

/**
 * Matches a form's steps at `pos` in folded text; returns the match end, or -1. Hand-written
 * instead of running the form's regex: a paragraph tries hundreds of forms a few times each,
 * and V8 drops the native code of rarely used regexes at garbage collection and recompiles
 * their large \p{…} classes on the next use, which made the regexes the stage's main cost.
 * It explores the alternatives in the regex's own order (greedy quantifiers longest first,
 * the lazy gap shortest first), so it finds the same match the regex would. The caller checks
 * the look-behind (no letter or digit before `pos`). Works on UTF-16 code units, so it is
 * exact only for text without surrogate pairs: the caller uses the regex for other text.
 */
export function matchFormAt(text: string, steps: FormStep[], pos: number): number {
  return matchStep(text, steps, 0, pos);
}

/** matchFormAt from step k at `pos` (the first k steps matched up to there, see keyStepsOf). */
export function matchFormFrom(text: string, steps: FormStep[], k: number, pos: number): number {
  return matchStep(text, steps, k, pos);
}

/**
 * Whether `s` occurs in `text` at `pos` (text.startsWith(s, pos)). A loop over code units:
 * the leads and literals compared are short, and the builtin's per-call checks cost more than
 * the comparison itself, for hundreds of thousands of calls per megabyte.
 */
export function startsAt(text: string, s: string, pos: number): boolean {
  const n = s.length;
  if (pos + n > text.length) return false;
  for (let k = 0; k < n; k++) if (text.charCodeAt(pos + k) !== s.charCodeAt(k)) return false;
  return true;
}

function runOf(text: string, pos: number, cls: number, want: boolean): number {
  let n = pos;
  while (n < text.length && ((classOf(text.charCodeAt(n)) & cls) !== 0) === want) n++;
  return n - pos;
}

function matchStep(text: string, steps: FormStep[], k: number, pos: number): number {
  if (k === steps.length) return pos;
  const step = steps[k]!;
  switch (step.t) {
    case STEP_LIT:
      return startsAt(text, step.s, pos) ? matchStep(text, steps, k + 1, pos + step.s.length) : -1;
    case STEP_HYPHEN: {
      if (pos < text.length && (text.charCodeAt(pos) === 45 || (classOf(text.charCodeAt(pos)) & CLASS_SPACE) !== 0)) {
        const r = matchStep(text, steps, k + 1, pos + 1);
        if (r >= 0) return r;
      }
      return matchStep(text, steps, k + 1, pos);
    }
    case STEP_STEM:
    case STEP_SPACE1:
    case STEP_SPACE0: {
      const n = step.t === STEP_STEM ? runOf(text, pos, CLASS_LETTER_MARK, true) : runOf(text, pos, CLASS_SPACE, true);
      const min = step.t === STEP_SPACE1 ? 1 : 0;
      for (let j = n; j >= min; j--) {
        const r = matchStep(text, steps, k + 1, pos + j);
        if (r >= 0) return r;
      }
      return -1;
    }
    case STEP_GAP:
      return matchGap(text, steps, k, pos, 0);
    case STEP_END:
      return pos < text.length && isLetterOrDigitUnit(text.charCodeAt(pos)) ? -1 : matchStep(text, steps, k + 1, pos);
  }
}

/** `(?:\s+\S+){0,3}?\s+` then the rest: fewest repetitions first, each \s+ and \S+ longest first. */
function matchGap(text: string, steps: FormStep[], k: number, pos: number, reps: number): number {
  const spaces = runOf(text, pos, CLASS_SPACE, true);
  for (let j = spaces; j >= 1; j--) {
    const r = matchStep(text, steps, k + 1, pos + j);
    if (r >= 0) return r;
  }
  if (reps === 3) return -1;
  for (let j = spaces; j >= 1; j--) {
    // \S+ gives back units from its end only to fail: the gap's next \s+ cannot start inside
    // the word (matchGap there finds no white space and returns -1), so only the whole word is tried.
    const word = runOf(text, pos + j, CLASS_SPACE, false);
    if (word === 0) continue;
    const r = matchGap(text, steps, k, pos + j + word, reps + 1);
    if (r >= 0) return r;
  }
  return -1;
}

/**
 * The longest literal piece of a form's words (before any "*" ending, between hyphens), in the
 * folded form the text is matched in. Every match of the form contains it.
 */
export function probeOf(form: string): string {
  let best = '';
  for (const w of foldLoose(form.trim()).split(/\s+/)) {
    if (w === '~') continue;
    for (const piece of w.replace(/\*$/, '').split('-')) if (piece.length > best.length) best = piece;
  }
  return best;
}

/**
 * The literal a form's matches start with: the first piece (before a hyphen or "*") of its
 * first word, skipping leading "~" gaps, which compileForm drops too. '' when there is none.
 */
export function leadOf(form: string): string {
  const first = foldLoose(form.trim()).split(/\s+/).filter((w) => w && w !== '~')[0] ?? '';
  const stem = first.endsWith('*') && first.length > 1;
  return (stem ? first.slice(0, -1) : first).split('-')[0] ?? '';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
