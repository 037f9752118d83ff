import { foldLoose } from '../../text/fold.js';
import type { KnownEntry, PreparedLexicon } from './namedLexicon.js';
import { prepareLexicon } from './namedLexicon.js';
import { foldLooseOnce } from './foldOnce.js';
import { CODE_LETTER, CODE_NUMBER, CODE_UPPER, codeClass } from './namedTokens.js';
import { stableSort } from '../../stableSort.js';

/**
 * Gazetteer look-up of well-known named things (NPT, 2030 Agenda, BRI…) from the `known`
 * section of lexicons/<lang>/entities.yaml. Names match case- and accent-insensitively on
 * word boundaries; acronyms match exactly. Latin-script texts also match the English
 * acronyms, because declarations in French or Russian often keep them (BTWC, BRI).
 * Reads the text; returns spans with the entry's id as `ref`.
 */

export interface KnownHit {
  start: number;
  end: number;
  entry: KnownEntry;
  acronym: boolean;
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Every occurrence of `needle` in `hay` that sits on word boundaries (CJK: anywhere). */
function occurrences(hay: string, needle: string, cjk: boolean): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    if (!cjk && (isWordChar(hay[i - 1]) || isWordChar(hay[i + needle.length]))) continue;
    out.push(i);
  }
  return out;
}

/** isWordChar per code unit (a letter or a number), from the tokenizer's class table (see codeClass). */
const isWordCode = (code: number) => (codeClass(code) & (CODE_LETTER | CODE_NUMBER)) !== 0;

const HASH_SEED = 0x811c9dc5 & 0x3fffffff;
/** FNV-1a step, kept to 30 bits so that hashes stay small integers in a Map. */
const hashStep = (h: number, code: number) => Math.imul(h ^ code, 0x01000193) & 0x3fffffff;
/** A 16-bit key of two code units (collisions only let extra runs through to the hash). */
const pairKey = (a: number, b: number) => ((a << 7) ^ b) & 0xffff;
/** A 16-bit key of three code units (collisions only let extra runs through to the hash). */
const tripleKey = (a: number, b: number, c: number) => ((a << 10) ^ (b << 5) ^ c) & 0xffff;

/**
 * Needles that start with a word character by the hash of their first word (see allOccurrences), and
 * the rest; with gates on a run's first code units (a run of one code unit: singles; of two: pairs; of
 * three or more: triples of its first three), so that most runs of a paragraph are passed over without
 * hashing. A needle's entry is its index in the list it was built from.
 */
export interface NeedleIndex { byRun: Map<number, number[]>; others: number[]; singles: Uint8Array; pairs: Uint8Array; triples: Uint8Array }
const needleIndexes = new WeakMap<string[], NeedleIndex>();

/**
 * The index of `keys`: each key is a needle as it is written in the text searched (an empty key is
 * left out: occurrences() finds nothing for an empty needle). Built once per list.
 */
function needleIndex(keys: string[]): NeedleIndex {
  let index = needleIndexes.get(keys);
  if (!index) {
    const idx: NeedleIndex = { byRun: new Map(), others: [], singles: new Uint8Array(65536), pairs: new Uint8Array(65536), triples: new Uint8Array(65536) };
    keys.forEach((nd, k) => {
      if (!nd) return;
      if (!isWordCode(nd.charCodeAt(0))) { idx.others.push(k); return; }
      let h = HASH_SEED;
      let j = 0;
      for (; j < nd.length && isWordCode(nd.charCodeAt(j)); j++) h = hashStep(h, nd.charCodeAt(j));
      if (j === 1) idx.singles[nd.charCodeAt(0)] = 1;
      else if (j === 2) idx.pairs[pairKey(nd.charCodeAt(0), nd.charCodeAt(1))] = 1;
      else idx.triples[tripleKey(nd.charCodeAt(0), nd.charCodeAt(1), nd.charCodeAt(2))] = 1;
      const list = idx.byRun.get(h);
      if (list) list.push(k); else idx.byRun.set(h, [k]);
    });
    needleIndexes.set(keys, idx);
    index = idx;
  }
  return index;
}

/**
 * Calls `visit(list, p, q)` for each run of word characters hay[p, q) of `hay` whose hash is a first
 * word's in `index` (list: those needles). A needle that starts with a word character can only occur
 * where a run starts, and since it must end on a word boundary, its own first word is that whole run.
 * So instead of one indexOf scan of the paragraph per needle, each run is hashed at most once (most are
 * passed over on their first code units: see NeedleIndex) and only the needles of its hash are compared.
 */
function eachIndexedRun(hay: string, index: NeedleIndex, visit: (list: number[], p: number) => void): void {
  const n = hay.length;
  for (let p = 0; p < n;) {
    if (!isWordCode(hay.charCodeAt(p))) { p++; continue; }
    const list = runNeedles(hay, p, index);
    if (list !== undefined) visit(list, p);
    p++;
    while (p < n && isWordCode(hay.charCodeAt(p))) p++;
  }
}

/**
 * The needles of `index` whose first word is the run of word characters starting at p in `hay`
 * (hay[p] is a word character, and none comes before it), or undefined: most runs are passed over on
 * their first code units (see NeedleIndex), the others are hashed to their end.
 */
export function runNeedles(hay: string, p: number, index: NeedleIndex): number[] | undefined {
  const n = hay.length;
  const c0 = hay.charCodeAt(p);
  const c1 = p + 1 < n ? hay.charCodeAt(p + 1) : 0;
  let gate: number;
  if (p + 1 >= n || !isWordCode(c1)) gate = index.singles[c0];
  else {
    const c2 = p + 2 < n ? hay.charCodeAt(p + 2) : 0;
    gate = p + 2 >= n || !isWordCode(c2) ? index.pairs[pairKey(c0, c1)] : index.triples[tripleKey(c0, c1, c2)];
  }
  if (gate === 0) return undefined;
  let h = HASH_SEED;
  let q = p;
  let c = c0;
  do { h = hashStep(h, c); q++; } while (q < n && isWordCode(c = hay.charCodeAt(q)));
  return index.byRun.get(h);
}

/** Whether needle `nd` at p in `hay` ends on a word boundary (it starts on one: see eachIndexedRun). */
function endsOnBoundary(hay: string, nd: string, p: number): boolean {
  const e = p + nd.length;
  return !(e < hay.length && isWordCode(hay.charCodeAt(e)));
}

/** Sorts [needle index, position] pairs by needle, then position (the order of calling occurrences needle by needle). */
function byNeedleThenPosition(out: [number, number][]): [number, number][] {
  return out.length > 1 ? stableSort(out, byFirstThenSecond) : out;
}

function byFirstThenSecond(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

/**
 * Every word-bounded occurrence of every needle, as [needle index, position] sorted by needle then
 * position: exactly what calling occurrences(hay, needle, false) for each needle in turn gives.
 */
function allOccurrences(hay: string, needles: string[]): [number, number][] {
  const index = needleIndex(needles);
  const out: [number, number][] = [];
  eachIndexedRun(hay, index, (list, p) => {
    for (const k of list) if (hay.startsWith(needles[k], p) && endsOnBoundary(hay, needles[k], p)) out.push([k, p]);
  });
  for (const k of index.others) for (const p of occurrences(hay, needles[k], false)) out.push([k, p]);
  return byNeedleThenPosition(out);
}

/** A known name folded once (foldLoose), with whether the data writes it with a capital. */
interface FoldedName { entry: KnownEntry; folded: string; capital: boolean }

/**
 * Per lexicon: every known name folded, in data order, and a map from folded name to the first
 * entry that has it (for refForName). Built once: folding every name of the gazetteer for every
 * paragraph was a hot spot.
 */
interface KnownNames {
  names: FoldedName[];
  /** names[k].folded, then the lexicon's bodies folded, for allOccurrences */
  needles: string[];
  refByName: Map<string, string>;
}
const foldedNames = new WeakMap<PreparedLexicon, KnownNames>();

function knownNames(lex: PreparedLexicon): KnownNames {
  let hit = foldedNames.get(lex);
  if (!hit) {
    const names: FoldedName[] = [];
    const refByName = new Map<string, string>();
    for (const entry of lex.lex.known ?? []) {
      for (const name of entry.names) {
        const folded = foldLoose(name);
        names.push({ entry, folded, capital: /^\p{Lu}/u.test(name) });
        if (!refByName.has(folded)) refByName.set(folded, entry.id);
      }
    }
    // (an empty body would have made the former indexOf loop spin forever: none can be in use)
    const bodies = (lex.lex.bodies ?? []).map((b) => foldLoose(b)).filter((b) => b !== '');
    hit = { names, needles: [...names.map((x) => x.folded), ...bodies], refByName };
    foldedNames.set(lex, hit);
  }
  return hit;
}

/** What one scan of a paragraph finds: gazetteer hits, and spans of the lexicon's `bodies`. */
export interface KnownScan {
  /** all gazetteer hits (overlapping hits included; the caller resolves them) */
  hits: KnownHit[];
  /**
   * Word-bounded occurrences of the lexicon's organisations that look like our names ("Conférence
   * du désarmement"), folded; empty for Chinese.
   */
  bodies: [number, number][];
}

/** All gazetteer hits in the text (overlapping hits included; the caller resolves them). */
export function findKnown(text: string, lang: string): KnownHit[] {
  return scanKnown(text, lang).hits;
}

/**
 * Gazetteer hits and body spans: both are word-bounded look-ups in the same folded text, so the
 * names and the bodies are one needle list and the paragraph is scanned once for both. With `runs`
 * (knownRunsFor this text, filled by headStarts), the runs it collected are read instead of a scan.
 */
export function scanKnown(text: string, lang: string, runs: KnownRuns | null = null): KnownScan {
  const lex = prepareLexicon(lang);
  if (!lex) return { hits: [], bodies: [] };
  const folded = foldLooseOnce(text);
  const cjk = lang === 'zh';
  const hits: KnownHit[] = [];
  const bodies: [number, number][] = [];
  const known = knownNames(lex);
  const acronyms = acronymList(lex, lang);
  let found: { names: [number, number][]; acronyms: [number, number][] };
  if (cjk) {
    known.names.forEach((x, k) => { for (const i of occurrences(folded, x.folded, true)) takeName(text, known.names[k], i, hits); });
    found = { names: [], acronyms: allOccurrences(text, acronyms.needles) };
  } else if (runs === null && text.includes(MODIFIER_APOSTROPHE)) { // (knownRunsFor gives runs only for a text without it: not looked for twice)
    found = { names: allOccurrences(folded, known.needles), acronyms: allOccurrences(text, acronyms.needles) };
  } else found = occurrencesInOneScan(text, folded, known.needles, acronyms, runs !== null && runs.complete ? runs : null);
  const nNames = known.names.length;
  for (const [k, i] of found.names) {
    if (k < nNames) takeName(text, known.names[k], i, hits);
    else bodies.push([i, i + known.needles[k].length]);
  }
  let seen: Set<string> | null = null;
  for (const [k, i] of found.acronyms) {
    const a = acronyms.needles[k];
    // the same acronym listed twice (a language's own and the English one): one hit
    if (found.acronyms.length > 1) {
      const key = `${i}:${a}`;
      if ((seen ??= new Set()).has(key)) continue;
      seen.add(key);
    }
    hits.push({ start: i, end: i + a.length, entry: acronyms.entries[k], acronym: true });
  }
  return { hits, bodies };
}

/** A known name found at i, as a hit ("Objectifs de développement durable" names the goals; lower-case "objectifs de …" is a description). */
function takeName(text: string, name: FoldedName, i: number, hits: KnownHit[]): void {
  if (name.capital && (codeClass(text.charCodeAt(i)) & CODE_UPPER) === 0) return;
  hits.push({ start: i, end: i + name.folded.length, entry: name.entry, acronym: false });
}

/**
 * U+02BC, the one code unit whose class (a letter) foldLoose changes (to an apostrophe): in a text
 * without it, the runs of word characters of the folded text are those of the text (checked over
 * every code unit; surrogate halves are no word characters in either).
 */
const MODIFIER_APOSTROPHE = '\u02bc';

/**
 * allOccurrences(folded, names) and allOccurrences(text, acronyms) in one scan of the folded text.
 * An acronym occurs at a run start of the text exactly where it occurs at the same run start of the
 * folded text (the runs are the same, see MODIFIER_APOSTROPHE), and there the folded run is the
 * acronym's first word folded: so the acronyms are indexed by their folded first words next to the
 * names, and compared with the text itself. Acronyms whose folding depends on their context (Greek
 * sigma) or that hold surrogates or U+02BC are looked up by occurrences() in the text instead.
 */
function occurrencesInOneScan(text: string, folded: string, needles: string[], acronyms: AcronymList, runs: KnownRuns | null): { names: [number, number][]; acronyms: [number, number][] } {
  const keys = oneScanKeys(needles, acronyms);
  const index = needleIndex(keys);
  const names: [number, number][] = [];
  const acr: [number, number][] = [];
  if (runs !== null) {
    for (let r = 0; r < runs.starts.length; r++) compareRun(runs.lists[r], runs.starts[r], text, folded, needles, acronyms, names, acr);
  } else eachIndexedRun(folded, index, (list, p) => compareRun(list, p, text, folded, needles, acronyms, names, acr));
  const nFolded = needles.length;
  for (const k of index.others) {
    if (k < nFolded) for (const p of occurrences(folded, needles[k], false)) names.push([k, p]);
    else for (const p of occurrences(text, acronyms.needles[k - nFolded], false)) acr.push([k - nFolded, p]);
  }
  for (const a of acronyms.textOnly) for (const p of occurrences(text, acronyms.needles[a], false)) acr.push([a, p]);
  return { names: byNeedleThenPosition(names), acronyms: byNeedleThenPosition(acr) };
}

/** The needles of a run's list that occur there (names and bodies in the folded text, acronyms in the text), added to `names` or `acr`. */
function compareRun(list: number[], p: number, text: string, folded: string, needles: string[], acronyms: AcronymList, names: [number, number][], acr: [number, number][]): void {
  const nFolded = needles.length;
  for (const k of list) {
    if (k < nFolded) {
      const nd = needles[k];
      if (folded.startsWith(nd, p) && endsOnBoundary(folded, nd, p)) names.push([k, p]);
    } else {
      const a = acronyms.needles[k - nFolded];
      if (text.startsWith(a, p) && endsOnBoundary(text, a, p)) acr.push([k - nFolded, p]);
    }
  }
}

/**
 * The runs of one paragraph that begin some needle of occurrencesInOneScan's index, collected by
 * another scan of the paragraph's word starts (namedWalk's headStarts, which visits them anyway), so
 * that the paragraph is not walked through a second time: run starts and their needle lists in text
 * order. Used only when `complete` (the scan reached the end and met no combining mark, which would
 * start its words elsewhere than a run of letters and numbers starts).
 */
export interface KnownRuns { folded: string; index: NeedleIndex; starts: number[]; lists: number[][]; complete: boolean }

/**
 * An empty KnownRuns for a paragraph, to be filled by the word-start scan; null where scanKnown does
 * not read the runs of the folded text in one scan (Chinese, no lexicon, U+02BC: see MODIFIER_APOSTROPHE).
 */
export function knownRunsFor(text: string, lang: string): KnownRuns | null {
  if (lang === 'zh') return null;
  const lex = prepareLexicon(lang);
  if (!lex || text.includes(MODIFIER_APOSTROPHE)) return null;
  const index = needleIndex(oneScanKeys(knownNames(lex).needles, acronymList(lex, lang)));
  return { folded: foldLooseOnce(text), index, starts: [], lists: [], complete: false };
}

/** Per names list: the keys of occurrencesInOneScan's index (the names, then the acronyms folded, '' for those looked up apart). */
const oneScanKeyLists = new WeakMap<string[], WeakMap<AcronymList, string[]>>();
function oneScanKeys(needles: string[], acronyms: AcronymList): string[] {
  let byAcronyms = oneScanKeyLists.get(needles);
  if (!byAcronyms) { byAcronyms = new WeakMap(); oneScanKeyLists.set(needles, byAcronyms); }
  let keys = byAcronyms.get(acronyms);
  if (!keys) {
    keys = [...needles, ...acronyms.needles.map((a, k) => (acronyms.textOnly.includes(k) ? '' : foldLoose(a)))];
    byAcronyms.set(acronyms, keys);
  }
  return keys;
}

interface AcronymList {
  needles: string[];
  entries: KnownEntry[];
  /** acronyms that occurrencesInOneScan looks up in the text itself (see there) */
  textOnly: number[];
}
const acronymLists = new Map<string, AcronymList>();
/**
 * The acronyms matched in a text of `lang`, in look-up order: the language's own, then (for
 * languages other than English and Chinese) the English ones. Built once per language.
 */
function acronymList(lex: PreparedLexicon, lang: string): AcronymList {
  let list = acronymLists.get(lang);
  if (!list) {
    const acronymSources: PreparedLexicon[] = [lex];
    if (lang !== 'en' && lang !== 'zh') {
      const en = prepareLexicon('en');
      if (en) acronymSources.push(en);
    }
    const l: AcronymList = { needles: [], entries: [], textOnly: [] };
    for (const src of acronymSources) {
      for (const entry of src.lex.known ?? []) {
        for (const a of entry.acronyms ?? []) {
          if (/[\u02bc\u03a3\u03c2\u03c3\ud800-\udfff]/.test(a) || foldLoose(a).length !== a.length) l.textOnly.push(l.needles.length);
          l.needles.push(a); l.entries.push(entry);
        }
      }
    }
    acronymLists.set(lang, l);
    list = l;
  }
  return list;
}

/**
 * refForName's answers per language and name: the same names come back in every document, and
 * each answer folded the name and ran two replacements. Bounded like foldWord's table.
 */
const refMemo = new Map<string, Map<string, string | null>>();
const MAX_REF_MEMO = 20_000;

/** The gazetteer entry whose name equals this span's text (folded), if any: gives a descriptor-built mention its ref. */
export function refForName(name: string, lang: string): string | null {
  let memo = refMemo.get(lang);
  if (!memo) { memo = new Map(); refMemo.set(lang, memo); }
  let ref = memo.get(name);
  if (ref === undefined) {
    const lex = prepareLexicon(lang);
    if (!lex) ref = null;
    else {
      const f = foldLoose(name).replace(/\s+/g, ' ').trim();
      ref = knownNames(lex).refByName.get(f) ?? null;
    }
    if (memo.size >= MAX_REF_MEMO) memo.clear();
    memo.set(name, ref);
  }
  return ref;
}
