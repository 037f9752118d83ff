import { lazyCodeTest } from '../text/codeTable.js';
import { loadLexicon } from '../lexicon/load.js';
import { buildLiteralAutomaton, scanLiterals, type LiteralAutomaton } from './literalAutomaton.js';
import { stableSort } from '../stableSort.js';

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
  /**
   * Per gate (same shape as gates): the numbers of its literals in the class's LeadIndex, where
   * findLeads records whether they occur (so a gate is a look-up, not a scan of the text).
   */
  gateIds: (number[] | null)[];
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
   * Per class, the lead index its cues' leads are in: one shared by the paragraph classes (see
   * PARAGRAPH_CLASSES), so one pass over a paragraph finds the leads of all of them (see
   * findLeads); one shared by the other classes the rules search with findCues, whose pass runs
   * only on the few texts they are searched in; the gap-word classes (linker, coordinator,
   * nameLinker: very common words, only used inside the gap regexes) each have their own.
   */
  leadIndexes: Record<CueClass, LeadIndex>;
  /**
   * Per class: whether none of its cues can match in a text where none of its literals (leads,
   * gate literals in the lead index) occurs: every cue has leads, or gates all looked up there.
   * findCues then answers from the lead pass alone.
   */
  needsLiteral: Record<CueClass, boolean>;
}

/** Each class's bit in LeadIndex.classes and LeadRecord.classes. */
const CLASS_BIT = Object.fromEntries(CUE_CLASSES.map((c, i) => [c, 1 << i])) as Record<CueClass, number>;

/**
 * The distinct leads of a lexicon's cues (and the longer gate literals, see gateOpen), found
 * in a text by one automaton (src/facts/literalAutomaton.ts): one pass over a text finds every
 * lead of every class of the index at once, one table look-up per code unit (instead of one
 * indexOf scan per lead and cue, or a probe per offset and literal length: "a ", "en", "20"
 * recur in many cues and occur hundreds of times in a declaration).
 */
interface LeadIndex {
  leads: string[];
  /** Per literal: whether it counts only where a word starts (the lead of a \b alternative). */
  wordStart: boolean[];
  /** Per literal: whether only its presence is recorded (a gate literal), not its offsets. */
  presence: boolean[];
  /** Per literal: the bits (CLASS_BIT) of the classes whose cues have it as a lead or gate literal. */
  classes: number[];
  /**
   * Per literal that is the first with its string: the other literal numbers with the same string
   * (a lead that is also a gate literal, a lead with and without \b), recorded where it matches:
   * the string is looked for once ("institut" is both a \b lead and a gate literal of several cues).
   */
  same: (number[] | undefined)[];
  /** The first literal number of each distinct string, in the automaton's numbering. */
  distinct: number[];
  /** The automaton of the distinct strings, built when the index is first scanned. */
  automaton: LiteralAutomaton | null;
}

/** Classes whose leads are not put in a shared lead index (see FactsLexicon.leadIndexes). */
const GAP_CLASSES: ReadonlySet<CueClass> = new Set<CueClass>(['linker', 'coordinator', 'nameLinker']);

/**
 * The classes the fact rules search in every paragraph: each rule starts from one of them and
 * returns when the paragraph has none (src/facts/index.ts). Their leads get an index of their
 * own, so the pass over every paragraph does not record the leads of the other classes, which
 * are searched only where one of these matched; some of those are very common words ("to",
 * "in", "for" of the period patterns, "member", "decide"…).
 */
export const PARAGRAPH_CLASSES: ReadonlySet<CueClass> = new Set<CueClass>([
  'membershipChange', 'chair', 'summitNext', 'creation', 'anniversary', 'instrumentStatus', 'designationYear', 'designationCapital',
]);

function makeLeadIndex(): LeadIndex {
  return { leads: [], wordStart: [], presence: [], classes: [], same: [], distinct: [], automaton: null };
}

/** Adds a literal (a lead, or a gate literal when presence) to an index; returns its number. */
function addLiteral(index: LeadIndex, s: string, wordStart: boolean, presence: boolean): number {
  const k = index.leads.length;
  index.leads.push(s);
  index.wordStart.push(wordStart);
  index.presence.push(presence);
  index.classes.push(0);
  const first = index.leads.indexOf(s);
  // Same string as a literal already in the automaton: found there, recorded with it.
  if (first < k) (index.same[first] ??= []).push(k);
  else index.distinct.push(k);
  return k;
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
  const paragraphIndex = makeLeadIndex();
  const laterIndex = makeLeadIndex();
  const leadIndexes = {} as Record<CueClass, LeadIndex>;
  // Same literal, same kind (word-start lead, lead, gate), same index: same number.
  const numbers = new Map<LeadIndex, Map<string, number>>();
  const needsLiteral = {} as Record<CueClass, boolean>;
  let current: CueClass = CUE_CLASSES[0];
  const numberOf = (index: LeadIndex, s: string, kind: 'b' | '-' | 'p'): number => {
    let known = numbers.get(index);
    if (!known) { known = new Map(); numbers.set(index, known); }
    let n = known.get(kind + s);
    if (n === undefined) {
      n = addLiteral(index, s, kind === 'b', kind === 'p');
      known.set(kind + s, n);
    }
    index.classes[n]! |= CLASS_BIT[current];
    return n;
  };
  for (const cls of CUE_CLASSES) {
    const leadIndex = GAP_CLASSES.has(cls) ? makeLeadIndex() : PARAGRAPH_CLASSES.has(cls) ? paragraphIndex : laterIndex;
    leadIndexes[cls] = leadIndex;
    current = cls;
    cues[cls] = (file.cues[cls] ?? []).map((e) => {
      try {
        const re = compilePattern(e.pattern);
        const specs = leadSpecs(e.pattern);
        const leads = specs ? specs.map((x) => x.s) : null;
        const wordStart = specs ? specs.map((x) => x.wordStart) : null;
        const leadIds = specs ? specs.map((x) => numberOf(leadIndex, x.s, x.wordStart ? 'b' : '-')) : null;
        const altGates = splitAlternatives(e.pattern).map(altGate);
        const gates = specs ? specs.map((x) => altGates[x.alt]!) : altGates;
        const gateIds = gates.map((g) => (g && g.every((x) => x.length >= GATE_SCAN_MIN_UNITS) ? g.map((x) => numberOf(leadIndex, x, 'p')) : null));
        // Every field written, in one order, whatever the entry holds: one object shape for all
        // cues. Spread entries took the shapes of the YAML objects (their optional fields, their
        // order), ~150 in all, and the property reads of findCues and matchAtStart, which see
        // every cue, went megamorphic.
        return {
          id: e.id, pattern: e.pattern, value: e.value, requireCapital: e.requireCapital, note: e.note,
          re, leads, wordStart, leadIds, gates, gateIds, sticky: leads ? compilePattern(e.pattern, 'uy') : null, atStart: new RegExp(`^(?:${re.source})`, 'u'),
        };
      } catch (err) {
        throw new Error(`facts lexicon ${file.language}: invalid pattern in ${e.id}: ${(err as Error).message}`);
      }
    });
    needsLiteral[cls] = cues[cls].every((c) => c.leadIds !== null || c.gateIds.every((ids) => ids !== null));
  }
  const alt = (entries: CueEntry[]) => entries.map((e) => `(?:${e.pattern})`).join('|') || '(?!)';
  const linker = alt(file.cues.linker ?? []);
  const coord = alt(file.cues.coordinator ?? []);
  const linkers = `(?:\\s*(?:${linker})(?![\\p{L}\\p{N}]))*`;
  return {
    language: file.language,
    cues,
    leadIndexes,
    needsLiteral,
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
export function findCues(lex: FactsLexicon, cls: CueClass, folded: string, from = 0, to = folded.length, original?: string): readonly CueMatch[] {
  const slice = folded.slice(from, to);
  const cues = lex.cues[cls];
  // Without leads, the gates' longer literals are still read from the text's lead pass when
  // one was made (the paragraph's, by an earlier class) instead of searched with `includes`.
  const leads = cue0HasLeads(cues) ? findLeads(lex.leadIndexes[cls], slice) : cachedLeads(lex.leadIndexes[cls], slice);
  // Most paragraphs hold no literal of most classes: then no cue is even looked at.
  if (leads && (leads.classes & CLASS_BIT[cls]) === 0 && lex.needsLiteral[cls]) return NO_MATCHES;
  const found = leads ? leads.found : null;
  const out: CueMatch[] = [];
  for (const cue of cues) {
    // A cue none of whose alternatives can match here (a required word is missing) is skipped.
    if (!cue.leadIds && allGatesShut(cue, found, slice)) continue;
    const starts = cue.leadIds ? leadPositions(found!, cue, slice) : null;
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
  return out.length > 1 ? stableSort(out, byStartThenLongest) : out;
}

function byStartThenLongest(a: CueMatch, b: CueMatch): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * False when no cue of a class can match anywhere in text, nor so in any part of it: each cue
 * is without leads and its gates are shut (a literal absent from a text is absent from its
 * parts). A rule that searches many short windows of one paragraph asks this once first.
 */
export function mayMatchWithin(lex: FactsLexicon, cls: CueClass, text: string): boolean {
  const found = cachedLeads(lex.leadIndexes[cls], text)?.found ?? null;
  for (const cue of lex.cues[cls]) if (cue.leadIds || !allGatesShut(cue, found, text)) return true;
  return false;
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
const leadCache: LeadRecord[] = [];
const LEAD_CACHE_SIZE = 4;

/** What one lead pass over a text found. */
interface LeadRecord {
  index: LeadIndex;
  text: string;
  /** Per literal number: its offsets (PRESENT for a gate literal), or undefined when absent. */
  found: (number[] | undefined)[];
  /** The bits (CLASS_BIT) of the classes one of whose literals occurs. */
  classes: number;
}

/**
 * findCues' answer when nothing matches: one shared array, read-only by its type. Not frozen: V8
 * (Node 20) iterates a frozen, sealed or non-extensible array through the generic iterator, and a
 * `for…of` that has met one does so for every array it reads after, with an object made per item
 * (measured: such loops ~8× slower).
 */
const NO_MATCHES: readonly CueMatch[] = [];

/** What findLeads records for a gate literal that occurs (its offsets are not needed). */
const PRESENT: number[] = [];

/**
 * Every offset of every lead of the index in text, per lead number, ascending (a lead of a \b
 * alternative only where no letter, digit or "_" precedes; a surrogate half counts as a
 * possible start: a superset, the regex's look-behind decides), and PRESENT for each gate
 * literal that occurs. One pass of the index's automaton over the text.
 */
function findLeads(index: LeadIndex, text: string): LeadRecord {
  for (const c of leadCache) if (c.index === index && c.text === text) return c;
  // The record the cache drops makes room for this one: its per-literal array is emptied and
  // reused when it belongs to the same index (one was allocated per paragraph and gap text, the
  // stage's largest allocation). Records are read only within the findCues call that asked.
  let found: (number[] | undefined)[];
  const dropped = leadCache.length >= LEAD_CACHE_SIZE ? leadCache.shift()! : null;
  if (dropped && dropped.index === index) {
    found = dropped.found;
    found.fill(undefined);
  } else found = new Array(index.leads.length);
  const automaton = (index.automaton ??= buildLiteralAutomaton(index.distinct.map((k) => index.leads[k]!)));
  const { distinct, same } = index;
  const count = scanLiterals(automaton, text);
  const hits = automaton.hits;
  for (let h = 0; h < count; h++) {
    const k = distinct[hits[2 * h]!]!;
    const at = hits[2 * h + 1]!;
    const inWord = at > 0 && isWordUnit(text.charCodeAt(at - 1));
    record(index, k, inWord, at, found);
    const others = same[k];
    if (others) for (let i = 0; i < others.length; i++) record(index, others[i]!, inWord, at, found);
  }
  let classes = 0;
  for (let k = 0; k < found.length; k++) if (found[k] !== undefined) classes |= index.classes[k]!;
  const rec = { index, text, found, classes };
  leadCache.push(rec);
  return rec;
}

/** findLeads' record for this text when it is in the cache, else null. */
function cachedLeads(index: LeadIndex, text: string): LeadRecord | null {
  for (const c of leadCache) if (c.index === index && c.text === text) return c;
  return null;
}

/** Records literal k at `at` (a word-start literal only where no word unit precedes). */
function record(index: LeadIndex, k: number, inWord: boolean, at: number, found: (number[] | undefined)[]): void {
  if (index.wordStart[k] && inWord) return;
  if (index.presence[k]) found[k] = PRESENT;
  else (found[k] ??= []).push(at);
}

/** The ascending offsets, without repeats, where one of a cue's leads occurs. */
function leadPositions(found: (number[] | undefined)[], cue: CompiledCue, text: string): number[] {
  const leadIds = cue.leadIds!;
  let out: number[] = [];
  for (let j = 0; j < leadIds.length; j++) {
    const mine = found[leadIds[j]!];
    if (!mine || mine.length === 0) continue;
    // The lead's alternative cannot match when none of its gate literals occurs: a match of
    // the regex at one of these offsets through another alternative starts with that
    // alternative's own lead, so its offsets come from that lead.
    if (cue.gates[j] && !gateOpen(cue, j, found, text)) continue;
    out = out.length === 0 ? mine : mergeSorted(out, mine);
  }
  return out;
}

/** Whether no alternative of a cue without leads can match: each has a gate, and none of its literals occurs. */
function allGatesShut(cue: CompiledCue, found: (number[] | undefined)[] | null, text: string): boolean {
  for (let j = 0; j < cue.gates.length; j++) if (cue.gates[j] === null || gateOpen(cue, j, found, text)) return false;
  return true;
}

/**
 * Gates whose literals all have at least this many units are looked up in findLeads' record:
 * such literals are rare, so `includes` would mostly scan the whole text in vain, while the
 * lead pass meets them seldom. Shorter ones ("in ", "en") are frequent: `includes` finds them
 * at once, while the lead pass would stop at each of their many occurrences.
 */
const GATE_SCAN_MIN_UNITS = 4;

/**
 * Whether one of the literals of a cue's gate j occurs in text: read from findLeads' record
 * when it was run on this text and holds the gate, else searched (once per literal and text).
 * The memo holds, per literal, the number of the text it was searched in (gateTexts) times two,
 * plus one when it occurs there: a new text makes every entry stale without clearing the Map
 * (clear allocates a new table, and texts change at almost every call).
 */
let gateText = '';
let gateTexts = 0;
const gateMemo = new Map<string, number>();
function gateOpen(cue: CompiledCue, j: number, found: (number[] | undefined)[] | null, text: string): boolean {
  if (!found || !cue.gateIds[j]) {
    if (text !== gateText) { gateText = text; gateTexts++; }
    for (const g of cue.gates[j]!) {
      const memo = gateMemo.get(g);
      let ok: boolean;
      if (memo !== undefined && memo >= gateTexts * 2) ok = memo === gateTexts * 2 + 1;
      else {
        ok = text.includes(g);
        gateMemo.set(g, gateTexts * 2 + (ok ? 1 : 0));
      }
      if (ok) return true;
    }
    return false;
  }
  for (const id of cue.gateIds[j]!) if (found[id] !== undefined) return true;
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

/** Whether a UTF-16 code unit is in [\p{L}\p{N}_] (a lazily filled table). */
const isWordUnit = lazyCodeTest(/[\p{L}\p{N}_]/u);

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
    // which makes the leads much rarer in a text; so does a required group after that literal.
    if (alt[close + 1] !== '+' && !/[\\()[\]{}?*+.^$]/.test(inner)) {
      const after = literalRun(alt, close + 1);
      return extendThroughGroup(inner.split('|').map((a) => a + after), alt, close + 1 + after.length);
    }
    return leadingLiterals(inner);
  }
  const lit = literalRun(alt, i);
  return !lit || /[\uD800-\uDFFF]/.test(lit) ? null : [lit];
}

/** At most this many leads come out of extending leads through a group (see extendThroughGroup). */
const MAX_EXTENDED_LEADS = 32;

/**
 * Leads followed right away by a required group ("(?:has|have) been (?:established|created)…"):
 * each lead joined to each of the group's own leads, so the regex is tried only where the
 * longer, rarer text occurs ("has been established", not every "has been "). Every match of the
 * alternative still starts with one of them. Left as they are when no group follows, when the
 * group has no leads (optional, a look-around, a class) or the product grows past MAX_EXTENDED_LEADS.
 */
function extendThroughGroup(heads: string[], alt: string, at: number): string[] {
  if (alt[at] !== '(') return heads;
  const tails = altLeads(alt.slice(at));
  if (!tails || heads.length * tails.length > MAX_EXTENDED_LEADS || tails.some((t) => /[\uD800-\uDFFF]/.test(t))) return heads;
  return heads.flatMap((h) => tails.map((t) => h + t));
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

function startsWithAny(text: string, prefixes: string[]): boolean {
  for (const p of prefixes) if (text.startsWith(p)) return true;
  return false;
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
    // A match of an alternative starts with its lead: a cue none of whose leads opens the text
    // is not tried (the head nouns of names are asked of every name found).
    if (cue.leads && !startsWithAny(folded, cue.leads)) continue;
    const m = cue.atStart.exec(folded);
    if (m && m[0].length > 0) return { id: cue.id, value: cue.value, start: 0, end: m[0].length, groups: m.slice(1) };
  }
  return null;
}
