import { loadLexicon } from '../lexicon/load.js';

/** One entry of lexicons/<lang>/facts.yaml as written (schema: lexicons/schema/facts.schema.json). */
export interface CueEntry {
  id: string;
  pattern: string;
  value?: string;
  requireCapital?: boolean;
  note?: string;
}

export const CUE_CLASSES = [
  'membershipChange', 'membershipStatus', 'chair', 'chairHandover', 'summitNext', 'creation',
  'bodyStatus', 'bodyNoun', 'anniversary', 'instrumentStatus', 'instrumentStatusAfter',
  'instrumentKind', 'period', 'designationYear', 'designationCapital', 'declare', 'linker', 'coordinator', 'nameLinker',
] as const;
export type CueClass = (typeof CUE_CLASSES)[number];

interface FactsLexiconFile {
  language: string;
  cues: Partial<Record<CueClass, CueEntry[]>>;
}

export interface CompiledCue extends CueEntry {
  re: RegExp;
  /**
   * The literal each top-level alternative of the pattern starts with (after any \b), or null
   * when some alternative starts otherwise (a group, a class…). With leads, findCues runs
   * `sticky` only where a lead occurs instead of letting `re` scan every position.
   */
  leads: string[] | null;
  /** Per lead: whether the alternative opens with \b, so a match can start only at a word start. */
  wordStart: boolean[] | null;
  /** Per lead: its number in the lexicon's LeadIndex (same lead and \b flag, same number). */
  leadIds: number[] | null;
  /**
   * Per lead (with leads) or per top-level alternative (without): literals one of which must
   * occur in the text for that alternative to match, or null when none is known. An
   * alternative whose gate is absent from the text is not tried (see findCues).
   */
  gates: (string[] | null)[];
  /** `re` with the sticky flag (matches exactly at lastIndex); null without leads. */
  sticky: RegExp | null;
  /** `^(?:pattern)` for matchAtStart, compiled once. */
  atStart: RegExp;
}

/** A facts lexicon ready for matching: every cue class compiled, plus the gap matchers. */
export interface FactsLexicon {
  language: string;
  cues: Record<CueClass, CompiledCue[]>;
  /** Matches a gap made only of linker words (determiners, prepositions) and spaces. */
  linkerGap: RegExp;
  /** Matches a gap between two coordinated names: linkers, one coordinator, linkers. */
  coordinatedGap: RegExp;
  /**
   * Matches a gap made of an unmarked noun phrase coordinated with the name that follows
   * ("l'adoption des approches communes …, du Programme …"): linkers, at most 14 words,
   * one coordinator, linkers.
   */
  unmarkedThenCoordinatedGap: RegExp;
  /** Matches a whole run of lower-case words allowed inside a title-case name ("for the", "on"). */
  nameLinkerRun: RegExp;
  /**
   * Per class, the lead index its cues' leads are in: one shared by the classes the fact rules
   * search with findCues, so one pass over a paragraph finds the leads of all of them (see
   * findLeads); the gap-word classes (linker, coordinator, nameLinker: very common words, only
   * used inside the gap regexes) each have their own so they do not slow that pass.
   */
  leadIndexes: Record<CueClass, LeadIndex>;
}

/**
 * The distinct leads of a lexicon's cues, bucketed by a hash of their first two code units
 * (leads of two units) or three (longer leads), so one pass over a text finds every lead of
 * every class at once (instead of one indexOf scan per lead and cue, which cost most of
 * extractFacts: "a ", "en", "20" recur in many cues and occur hundreds of times in a
 * declaration). Three units make a bucket hit rare where the lead is not (two-unit buckets
 * like "co", "on" or "es" are hit at most words).
 */
interface LeadIndex {
  leads: string[];
  wordStart: boolean[];
  /** bucket number -> lead numbers whose first units hash there (two units: buckets2, three or more: buckets3). */
  buckets2: Map<number, number[]>;
  buckets3: Map<number, number[]>;
  /** Per bucket number: 1 when the bucket holds a lead (a cheap skip for most positions). */
  used2: Uint8Array;
  used3: Uint8Array;
  /** Leads of a single unit, by that unit. */
  single: Map<number, number[]>;
}

const LEAD_BUCKETS = 16384;
function leadHash2(c0: number, c1: number): number {
  return (Math.imul(c0, 0x9e37) ^ c1) & (LEAD_BUCKETS - 1);
}
function leadHash3(c0: number, c1: number, c2: number): number {
  return (Math.imul(Math.imul(c0, 0x9e37) ^ c1, 0x85eb) ^ c2) & (LEAD_BUCKETS - 1);
}

/** Classes whose leads are not put in the shared lead index (see FactsLexicon.leadIndexes). */
const GAP_CLASSES: ReadonlySet<CueClass> = new Set<CueClass>(['linker', 'coordinator', 'nameLinker']);

function makeLeadIndex(): LeadIndex {
  return { leads: [], wordStart: [], buckets2: new Map(), buckets3: new Map(), used2: new Uint8Array(LEAD_BUCKETS), used3: new Uint8Array(LEAD_BUCKETS), single: new Map() };
}

/** One cue found in a text. */
export interface CueMatch {
  id: string;
  value?: string;
  start: number;
  end: number;
  groups: (string | undefined)[];
}

// JavaScript's \b only knows ASCII letters, so "\bétablir" would never match after a space.
// The lexicon's \b is rewritten into a Unicode-aware boundary before compiling. In these
// lexicons \b always sits at a word's edge, so one look-around is enough (and much cheaper):
// where it opens a word no letter may precede; where it closes one no letter may follow.
const WORD_START = '(?<![\\p{L}\\p{N}_])';
const WORD_END = '(?![\\p{L}\\p{N}_])';

/** Compiles one lexicon pattern with a Unicode-aware \b. Throws on an invalid pattern (a data bug). */
export function compilePattern(pattern: string, flags = 'gu'): RegExp {
  // A \b at the start of the pattern or right after "|", "(", "(?:", a space… opens a word;
  // one after a letter, "?", ")" or "]" closes one.
  const src = pattern.replace(/\\b/g, (_m, at: number) => (at === 0 || /[|(:\s!=<]/.test(pattern[at - 1]) ? WORD_START : WORD_END));
  return new RegExp(src, flags);
}

const compiled = new Map<string, FactsLexicon | null>();

/**
 * Reads lexicons/<lang>/facts.yaml (validated by its schema) and compiles it.
 * Returns null when the language has no facts lexicon: the caller then reports it and skips.
 */
export function loadFactsLexicon(lang: string): FactsLexicon | null {
  if (compiled.has(lang)) return compiled.get(lang) ?? null;
  const file = loadLexicon<FactsLexiconFile>(lang, 'facts');
  const lex = file ? compileFactsLexicon(file) : null;
  compiled.set(lang, lex);
  return lex;
}

/** Builds the compiled form of a facts lexicon file (exported for tests with hand-made lexicons). */
export function compileFactsLexicon(file: FactsLexiconFile): FactsLexicon {
  const cues = {} as Record<CueClass, CompiledCue[]>;
  const shared = makeLeadIndex();
  const leadIndexes = {} as Record<CueClass, LeadIndex>;
  const leadNumbers = new Map<string, number>();
  const leadNumber = (leadIndex: LeadIndex, lead: string, wordStart: boolean): number => {
    const key = `${leadIndex === shared ? 's' : cls0}${wordStart ? 'b' : '-'}${lead}`;
    let n = leadNumbers.get(key);
    if (n === undefined) {
      n = leadIndex.leads.length;
      leadNumbers.set(key, n);
      leadIndex.leads.push(lead);
      leadIndex.wordStart.push(wordStart);
      if (lead.length === 1) {
        const list = leadIndex.single.get(lead.charCodeAt(0)) ?? [];
        list.push(n);
        leadIndex.single.set(lead.charCodeAt(0), list);
      } else {
        const three = lead.length >= 3;
        const h = three ? leadHash3(lead.charCodeAt(0), lead.charCodeAt(1), lead.charCodeAt(2)) : leadHash2(lead.charCodeAt(0), lead.charCodeAt(1));
        const buckets = three ? leadIndex.buckets3 : leadIndex.buckets2;
        const list = buckets.get(h) ?? [];
        list.push(n);
        buckets.set(h, list);
        (three ? leadIndex.used3 : leadIndex.used2)[h] = 1;
      }
    }
    return n;
  };
  let cls0 = '';
  for (const cls of CUE_CLASSES) {
    cls0 = cls;
    const leadIndex = GAP_CLASSES.has(cls) ? makeLeadIndex() : shared;
    leadIndexes[cls] = leadIndex;
    cues[cls] = (file.cues[cls] ?? []).map((e) => {
      try {
        const re = compilePattern(e.pattern);
        const specs = leadSpecs(e.pattern);
        const leads = specs ? specs.map((x) => x.s) : null;
        const wordStart = specs ? specs.map((x) => x.wordStart) : null;
        const leadIds = specs ? specs.map((x) => leadNumber(leadIndex, x.s, x.wordStart)) : null;
        const altGates = splitAlternatives(e.pattern).map(altGate);
        const gates = specs ? specs.map((x) => altGates[x.alt]!) : altGates;
        return { ...e, re, leads, wordStart, leadIds, gates, sticky: leads ? compilePattern(e.pattern, 'uy') : null, atStart: new RegExp(`^(?:${re.source})`, 'u') };
      } catch (err) {
        throw new Error(`facts lexicon ${file.language}: invalid pattern in ${e.id}: ${(err as Error).message}`);
      }
    });
  }
  const alt = (entries: CueEntry[]) => entries.map((e) => `(?:${e.pattern})`).join('|') || '(?!)';
  const linker = alt(file.cues.linker ?? []);
  const coord = alt(file.cues.coordinator ?? []);
  const linkers = `(?:\\s*(?:${linker})(?![\\p{L}\\p{N}]))*`;
  return {
    language: file.language,
    cues,
    leadIndexes,
    linkerGap: new RegExp(`^${linkers}\\s*$`, 'u'),
    coordinatedGap: new RegExp(`^\\s*(?:${coord})(?:\\s*(?:${coord}))?${linkers}\\s*$`, 'u'),
    nameLinkerRun: new RegExp(`^(?:${alt(file.cues.nameLinker ?? [])})$`, 'u'),
    unmarkedThenCoordinatedGap: new RegExp(`^${linkers}(?:\\s+[^\\s.;:,()]+){1,14}\\s*(?:${coord})(?:\\s*(?:${coord}))?${linkers}\\s*$`, 'u'),
  };
}

/**
 * Every match of one cue class in folded text between from and to (half-open).
 * `original` is the unfolded text, used by entries that require a capital letter.
 */
export function findCues(lex: FactsLexicon, cls: CueClass, folded: string, from = 0, to = folded.length, original?: string): CueMatch[] {
  const out: CueMatch[] = [];
  const slice = folded.slice(from, to);
  const found = cue0HasLeads(lex.cues[cls]) ? findLeads(lex.leadIndexes[cls], slice) : null;
  for (const cue of lex.cues[cls]) {
    // A cue none of whose alternatives can match here (a required word is missing) is skipped.
    if (!cue.leadIds && cue.gates.every((g) => g !== null && !gateOpen(g, slice))) continue;
    const starts = cue.leadIds ? leadPositions(found!, cue.leadIds, cue.gates, slice) : null;
    if (starts && starts.length === 0) continue;
    // Without leads: the global regex scans the slice. With them: a match can only start
    // where a lead occurs, so the sticky regex is tried there, in order, skipping what a
    // match covered: the same matches as the scan (the regex at a given start is the same).
    const re = starts ? cue.sticky! : cue.re;
    let next = 0;
    let m: RegExpExecArray | null;
    for (let k = 0; ; ) {
      if (starts) {
        while (k < starts.length && starts[k]! < next) k++;
        if (k >= starts.length) break;
        re.lastIndex = starts[k++]!;
        m = re.exec(slice);
        if (!m) continue;
      } else {
        re.lastIndex = next;
        m = re.exec(slice);
        if (!m) break;
      }
      const at = m.index;
      if (m[0].length === 0) { next = at + 1; continue; }
      const start = from + at;
      if (cue.requireCapital && original) {
        const ch = original[start];
        // Retry one character further: "the Year of" must still find "Year of".
        if (!ch || ch === ch.toLowerCase()) { next = at + 1; continue; }
      }
      next = at + m[0].length;
      out.push({ id: cue.id, value: cue.value, start, end: start + m[0].length, groups: m.slice(1) });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether some cue of a class has leads (then the text's lead positions are needed). */
function cue0HasLeads(cues: CompiledCue[]): boolean {
  for (const c of cues) if (c.leadIds) return true;
  return false;
}

/**
 * The last few texts' lead positions: the rules ask for many classes over the same paragraph
 * text one after another (cuesIn), with short gap texts in between.
 */
const leadCache: { index: LeadIndex; text: string; found: (number[] | undefined)[] }[] = [];

/**
 * Every offset of every lead of the index in text, per lead number, ascending; a lead of a
 * \b alternative only where no letter, digit or "_" precedes (a surrogate half counts as a
 * possible start: a superset, the regex's look-behind decides). One pass over the text.
 */
function findLeads(index: LeadIndex, text: string): (number[] | undefined)[] {
  for (const c of leadCache) if (c.index === index && c.text === text) return c.found;
  const found: (number[] | undefined)[] = new Array(index.leads.length);
  const { single, used2, used3, buckets2, buckets3 } = index;
  const hasSingle = single.size > 0;
  const n = text.length;
  let c1 = n > 0 ? text.charCodeAt(0) : 0;
  let c2 = n > 1 ? text.charCodeAt(1) : -1;
  for (let at = 0; at < n; at++) {
    const c0 = c1;
    c1 = c2;
    c2 = at + 2 < n ? text.charCodeAt(at + 2) : -1;
    if (hasSingle) {
      const one = single.get(c0);
      if (one) addLeads(index, one, text, at, found);
    }
    if (c1 < 0) break;
    const h2 = leadHash2(c0, c1);
    if (used2[h2] === 1) addLeads(index, buckets2.get(h2)!, text, at, found);
    if (c2 < 0) continue;
    const h3 = leadHash3(c0, c1, c2);
    if (used3[h3] === 1) addLeads(index, buckets3.get(h3)!, text, at, found);
  }
  if (leadCache.length >= 4) leadCache.shift();
  leadCache.push({ index, text, found });
  return found;
}

/** Records at `at` each lead of a bucket that really starts there (and at a word start when it must). */
function addLeads(index: LeadIndex, bucket: number[], text: string, at: number, found: (number[] | undefined)[]): void {
  for (let b = 0; b < bucket.length; b++) {
    const k = bucket[b]!;
    if (!text.startsWith(index.leads[k]!, at)) continue;
    if (index.wordStart[k] && at > 0 && isWordUnit(text.charCodeAt(at - 1))) continue;
    (found[k] ??= []).push(at);
  }
}

/** The ascending offsets, without repeats, where one of a cue's leads occurs. */
function leadPositions(found: (number[] | undefined)[], leadIds: number[], gates: (string[] | null)[], text: string): number[] {
  let out: number[] = [];
  for (let j = 0; j < leadIds.length; j++) {
    const mine = found[leadIds[j]!];
    if (!mine || mine.length === 0) continue;
    // The lead's alternative cannot match when none of its gate literals occurs: a match of
    // the regex at one of these offsets through another alternative starts with that
    // alternative's own lead, so its offsets come from that lead.
    const gate = gates[j];
    if (gate && !gateOpen(gate, text)) continue;
    out = out.length === 0 ? mine : mergeSorted(out, mine);
  }
  return out;
}

/** Whether one of a gate's literals occurs in text. */
function gateOpen(gate: string[], text: string): boolean {
  for (const g of gate) if (text.includes(g)) return true;
  return false;
}

/** Two ascending lists of offsets merged into one, without repeats. */
function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

/** Whether a UTF-16 code unit is in [\p{L}\p{N}_] (filled lazily with that regex: 1 yes, 2 no). */
const wordUnits = new Uint8Array(0x10000);
function isWordUnit(code: number): boolean {
  let v = wordUnits[code]!;
  if (v === 0) {
    v = /[\p{L}\p{N}_]/u.test(String.fromCharCode(code)) ? 1 : 2;
    wordUnits[code] = v;
  }
  return v === 1;
}

/**
 * The literal text each top-level alternative of a pattern starts with, after any leading
 * \b; null when an alternative has none (it starts with a group, a class, an escape…), or
 * the pattern is one this reader does not follow. A character made optional by the next
 * one ("membres?", "x*", "x{0,1}") is left out of the literal.
 */
export function leadingLiterals(pattern: string): string[] | null {
  return leadSpecs(pattern)?.map((x) => x.s) ?? null;
}

/** leadingLiterals with, per lead, whether its top-level alternative opens with \b. */
function leadSpecs(pattern: string): { s: string; wordStart: boolean; alt: number }[] | null {
  const alts = splitAlternatives(pattern);
  const specs: { s: string; wordStart: boolean; alt: number }[] = [];
  for (let a = 0; a < alts.length; a++) {
    const alt = alts[a]!;
    const own = altLeads(alt);
    if (!own) return null;
    for (const s of own) specs.push({ s, wordStart: alt.startsWith('\\b'), alt: a });
  }
  return specs;
}

/** The top-level alternatives of a pattern (split at "|" outside groups and classes). */
function splitAlternatives(pattern: string): string[] {
  const alts: string[] = [];
  let depth = 0;
  let inClass = false;
  let last = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) { alts.push(pattern.slice(last, i)); last = i + 1; }
  }
  alts.push(pattern.slice(last));
  return alts;
}

/**
 * Literals one of which a match of this top-level alternative must contain: the longest
 * (by its shortest member) of its plain literal runs and of the leads of its groups that
 * must match (not optional, not repeated from zero, not look-arounds). Null when none: the
 * alternative is then always tried. A literal followed by ?, * or { loses its last character.
 */
function altGate(alt: string): string[] | null {
  let best: string[] | null = null;
  let bestLen = 0;
  const consider = (set: string[] | null) => {
    if (!set || set.length === 0) return;
    const min = Math.min(...set.map((x) => x.length));
    if (min > bestLen) { best = set; bestLen = min; }
  };
  for (let i = 0; i < alt.length; ) {
    const ch = alt[i]!;
    if (ch === '\\') { i += 2; continue; }
    if (ch === '(') {
      const close = closingParen(alt, i);
      if (close < 0) return best;
      const q = alt[close + 1];
      const look = alt.startsWith('(?=', i) || alt.startsWith('(?!', i) || alt.startsWith('(?<=', i) || alt.startsWith('(?<!', i);
      if (!look && q !== '?' && q !== '*' && q !== '{') {
        const inner = alt.startsWith('(?:', i) ? alt.slice(i + 3, close) : alt[i + 1] === '?' ? null : alt.slice(i + 1, close);
        if (inner !== null) consider(leadingLiterals(inner));
      }
      i = close + 1;
      continue;
    }
    if (ch === '[') {
      let j = i + 1;
      while (j < alt.length && alt[j] !== ']') j += alt[j] === '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (ch === '{') {
      const j = alt.indexOf('}', i);
      i = j < 0 ? alt.length : j + 1;
      continue;
    }
    if ('?*+.^$|)'.includes(ch)) { i++; continue; }
    let j = i;
    while (j < alt.length && !'\\()[]{}|?*+.^$'.includes(alt[j]!)) j++;
    let lit = alt.slice(i, j);
    if (j < alt.length && '?*{'.includes(alt[j]!)) lit = lit.slice(0, -1);
    if (lit) consider([lit]);
    i = j;
  }
  return best;
}

/** altGate, exported for tests. */
export function gateOf(alt: string): string[] | null {
  return altGate(alt);
}

/** The leads of one alternative: its leading literal, or the leads of a leading group that must match. */
function altLeads(alt: string): string[] | null {
  let i = 0;
  while (alt.startsWith('\\b', i)) i += 2;
  if (alt[i] === '(') {
    // "(?:a|b) …" or a capture group "(…)": its alternatives' leads, unless the group is optional.
    const open = alt.startsWith('(?:', i) ? i + 3 : alt[i + 1] === '?' ? -1 : i + 1;
    const close = open < 0 ? -1 : closingParen(alt, i);
    if (close < 0 || '?*{'.includes(alt[close + 1] || ' ')) return null;
    const inner = alt.slice(open, close);
    // "(?:ont|a|avons) (?:été )?…": when every alternative of the group is plain text and the
    // group is not repeated, the literal after it extends each lead ("ont ", "a ", "avons "),
    // which makes the leads much rarer in a text.
    if (alt[close + 1] !== '+' && !/[\\()[\]{}?*+.^$]/.test(inner)) {
      const after = literalRun(alt, close + 1);
      return inner.split('|').map((a) => a + after);
    }
    return leadingLiterals(inner);
  }
  const lit = literalRun(alt, i);
  return !lit || /[\uD800-\uDFFF]/.test(lit) ? null : [lit];
}

/** The plain text starting at i, up to the first special character; a character made optional by it is left out. */
function literalRun(alt: string, i: number): string {
  let lit = '';
  for (; i < alt.length; i++) {
    const ch = alt[i]!;
    if ('\\()[]{}|?*+.^$'.includes(ch)) {
      if (ch === '?' || ch === '*' || ch === '{') lit = lit.slice(0, -1);
      break;
    }
    lit += ch;
  }
  return lit;
}

/** Index of the ")" closing the group opened at `open`, or -1. */
function closingParen(s: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The first entry of a class (in lexicon order) that matches at the very start of `text`. */
export function matchAtStart(lex: FactsLexicon, cls: CueClass, folded: string): CueMatch | null {
  for (const cue of lex.cues[cls]) {
    const m = cue.atStart.exec(folded);
    if (m && m[0].length > 0) return { id: cue.id, value: cue.value, start: 0, end: m[0].length, groups: m.slice(1) };
  }
  return null;
}
