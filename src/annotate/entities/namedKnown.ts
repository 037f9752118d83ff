import { foldLoose } from '../../text/fold.js';
import type { KnownEntry, PreparedLexicon } from './namedLexicon.js';
import { prepareLexicon } from './namedLexicon.js';
import { foldLooseOnce } from './foldOnce.js';

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

/** Per code unit: 1 when isWordChar holds for it, 0 when not, 255 not yet known. */
const wordCodes = new Uint8Array(65536).fill(255);
function isWordCode(code: number): boolean {
  let k = wordCodes[code];
  if (k === 255) { k = isWordChar(String.fromCharCode(code)) ? 1 : 0; wordCodes[code] = k; }
  return k === 1;
}

const HASH_SEED = 0x811c9dc5 & 0x3fffffff;
/** FNV-1a step, kept to 30 bits so that hashes stay small integers in a Map. */
const hashStep = (h: number, code: number) => Math.imul(h ^ code, 0x01000193) & 0x3fffffff;

/**
 * Needles that start with a word character by the hash of their first word (see allOccurrences), and
 * the rest; with the first two code units of those first words (pairKey), or the one code unit of a
 * first word that has only one, so that most runs of a paragraph are passed over without hashing.
 */
interface NeedleIndex { byRun: Map<number, number[]>; others: number[]; pairs: Uint8Array; singles: Uint8Array }
/** A 16-bit key of two code units (collisions only let extra runs through to the hash). */
const pairKey = (a: number, b: number) => ((a << 7) ^ b) & 0xffff;
const needleIndexes = new WeakMap<string[], NeedleIndex>();

function needleIndex(needles: string[]): NeedleIndex {
  let index = needleIndexes.get(needles);
  if (!index) {
    const idx: NeedleIndex = { byRun: new Map(), others: [], pairs: new Uint8Array(65536), singles: new Uint8Array(65536) };
    needles.forEach((nd, k) => {
      if (!nd) return; // occurrences() finds nothing for an empty needle
      if (!isWordCode(nd.charCodeAt(0))) { idx.others.push(k); return; }
      let h = HASH_SEED;
      let j = 0;
      for (; j < nd.length && isWordCode(nd.charCodeAt(j)); j++) h = hashStep(h, nd.charCodeAt(j));
      if (j === 1) idx.singles[nd.charCodeAt(0)] = 1;
      else idx.pairs[pairKey(nd.charCodeAt(0), nd.charCodeAt(1))] = 1;
      const list = idx.byRun.get(h);
      if (list) list.push(k); else idx.byRun.set(h, [k]);
    });
    needleIndexes.set(needles, idx);
    index = idx;
  }
  return index;
}

/**
 * Every word-bounded occurrence of every needle, as [needle index, position] sorted by needle then
 * position: exactly what calling occurrences(hay, needle, false) for each needle in turn gives.
 * A needle that starts with a word character can only occur where a word (a run of word characters)
 * starts, and since it must end on a word boundary, its own first word is that whole run. So instead
 * of one indexOf scan of the paragraph per needle, each run of the paragraph is hashed once and only
 * the needles whose first word has that hash are compared there (one Map look-up per word).
 */
function allOccurrences(hay: string, needles: string[]): [number, number][] {
  const index = needleIndex(needles);
  const { pairs, singles } = index;
  const out: [number, number][] = [];
  const n = hay.length;
  for (let p = 0; p < n;) {
    let c = hay.charCodeAt(p);
    if (!isWordCode(c)) { p++; continue; }
    // The run is a needle's whole first word only if it starts with that word's first two code units
    // (or is that one code unit): most runs are not, and are only walked over to their end.
    if (p + 1 < n && isWordCode(hay.charCodeAt(p + 1))) {
      if (pairs[pairKey(c, hay.charCodeAt(p + 1))] === 0) {
        let q = p + 2;
        while (q < n && isWordCode(hay.charCodeAt(q))) q++;
        p = q;
        continue;
      }
    } else if (singles[c] === 0) { p++; continue; }
    let h = HASH_SEED;
    let q = p;
    do { h = hashStep(h, c); q++; } while (q < n && isWordCode(c = hay.charCodeAt(q)));
    const list = index.byRun.get(h);
    if (list !== undefined) {
      for (const k of list) {
        const nd = needles[k];
        const e = p + nd.length;
        if (hay.startsWith(nd, p) && !(e < n && isWordCode(hay.charCodeAt(e)))) out.push([k, p]);
      }
    }
    p = q;
  }
  for (const k of index.others) for (const p of occurrences(hay, needles[k], false)) out.push([k, p]);
  return out.length > 1 ? out.sort((a, b) => a[0] - b[0] || a[1] - b[1]) : out;
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
 * names and the bodies are one needle list and the paragraph is scanned once for both.
 */
export function scanKnown(text: string, lang: string): KnownScan {
  const lex = prepareLexicon(lang);
  if (!lex) return { hits: [], bodies: [] };
  const folded = foldLooseOnce(text);
  const cjk = lang === 'zh';
  const hits: KnownHit[] = [];
  const bodies: [number, number][] = [];
  const known = knownNames(lex);
  // "Objectifs de développement durable" names the goals; lower-case "objectifs de …" is a description
  const take = (k: number, i: number) => {
    const { entry, folded: f, capital } = known.names[k];
    if (capital && !/^\p{Lu}/u.test(text[i])) return;
    hits.push({ start: i, end: i + f.length, entry, acronym: false });
  };
  if (cjk) known.names.forEach((x, k) => { for (const i of occurrences(folded, x.folded, true)) take(k, i); });
  else {
    const nNames = known.names.length;
    for (const [k, i] of allOccurrences(folded, known.needles)) {
      if (k < nNames) take(k, i);
      else bodies.push([i, i + known.needles[k].length]);
    }
  }
  const acronyms = acronymList(lex, lang);
  const seen = new Set<string>();
  for (const [k, i] of allOccurrences(text, acronyms.needles)) {
    const a = acronyms.needles[k];
    const key = `${i}:${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push({ start: i, end: i + a.length, entry: acronyms.entries[k], acronym: true });
  }
  return { hits, bodies };
}

const acronymLists = new Map<string, { needles: string[]; entries: KnownEntry[] }>();
/**
 * The acronyms matched in a text of `lang`, in look-up order: the language's own, then (for
 * languages other than English and Chinese) the English ones. Built once per language.
 */
function acronymList(lex: PreparedLexicon, lang: string): { needles: string[]; entries: KnownEntry[] } {
  let list = acronymLists.get(lang);
  if (!list) {
    const acronymSources: PreparedLexicon[] = [lex];
    if (lang !== 'en' && lang !== 'zh') {
      const en = prepareLexicon('en');
      if (en) acronymSources.push(en);
    }
    list = { needles: [], entries: [] };
    for (const src of acronymSources) {
      for (const entry of src.lex.known ?? []) {
        for (const a of entry.acronyms ?? []) { list.needles.push(a); list.entries.push(entry); }
      }
    }
    acronymLists.set(lang, list);
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
