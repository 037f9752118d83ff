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

/** Needles grouped by their first code unit (those starting with a word character), and the rest. */
interface NeedleIndex { byFirst: Map<number, number[]>; others: number[] }
const needleIndexes = new WeakMap<string[], NeedleIndex>();

/**
 * Every word-bounded occurrence of every needle, as [needle index, position] sorted by needle then
 * position: exactly what calling occurrences(hay, needle, false) for each needle in turn gives.
 * A needle that starts with a word character can only occur where a word starts, so instead of
 * one indexOf scan of the paragraph per needle (the hot spot of this file), the paragraph's word
 * starts are visited once and only the needles with that first character are compared there.
 */
function allOccurrences(hay: string, needles: string[]): [number, number][] {
  let index = needleIndexes.get(needles);
  if (!index) {
    index = { byFirst: new Map(), others: [] };
    needles.forEach((nd, k) => {
      if (!nd) return; // occurrences() finds nothing for an empty needle
      const c = nd.charCodeAt(0);
      if (!isWordCode(c)) { index!.others.push(k); return; }
      const list = index!.byFirst.get(c);
      if (list) list.push(k); else index!.byFirst.set(c, [k]);
    });
    needleIndexes.set(needles, index);
  }
  const out: [number, number][] = [];
  const n = hay.length;
  let prevWord = false;
  for (let p = 0; p < n; p++) {
    const c = hay.charCodeAt(p);
    const word = isWordCode(c);
    if (word && !prevWord) {
      const list = index.byFirst.get(c);
      if (list) {
        for (const k of list) {
          const nd = needles[k];
          const e = p + nd.length;
          if (hay.startsWith(nd, p) && !(e < n && isWordCode(hay.charCodeAt(e)))) out.push([k, p]);
        }
      }
    }
    prevWord = word;
  }
  for (const k of index.others) for (const p of occurrences(hay, needles[k], false)) out.push([k, p]);
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
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
  /** names[k].folded, for allOccurrences */
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
    hit = { names, needles: names.map((x) => x.folded), refByName };
    foldedNames.set(lex, hit);
  }
  return hit;
}

/** All gazetteer hits in the text (overlapping hits included; the caller resolves them). */
export function findKnown(text: string, lang: string): KnownHit[] {
  const lex = prepareLexicon(lang);
  if (!lex) return [];
  const folded = foldLooseOnce(text);
  const cjk = lang === 'zh';
  const hits: KnownHit[] = [];
  const known = knownNames(lex);
  // "Objectifs de développement durable" names the goals; lower-case "objectifs de …" is a description
  const take = (k: number, i: number) => {
    const { entry, folded: f, capital } = known.names[k];
    if (capital && !/^\p{Lu}/u.test(text[i])) return;
    hits.push({ start: i, end: i + f.length, entry, acronym: false });
  };
  if (cjk) known.names.forEach((x, k) => { for (const i of occurrences(folded, x.folded, true)) take(k, i); });
  else for (const [k, i] of allOccurrences(folded, known.needles)) take(k, i);
  const acronyms = acronymList(lex, lang);
  const seen = new Set<string>();
  for (const [k, i] of allOccurrences(text, acronyms.needles)) {
    const a = acronyms.needles[k];
    const key = `${i}:${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push({ start: i, end: i + a.length, entry: acronyms.entries[k], acronym: true });
  }
  return hits;
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

/** The gazetteer entry whose name equals this span's text (folded), if any: gives a descriptor-built mention its ref. */
export function refForName(name: string, lang: string): string | null {
  const lex = prepareLexicon(lang);
  if (!lex) return null;
  const f = foldLoose(name).replace(/\s+/g, ' ').trim();
  return knownNames(lex).refByName.get(f) ?? null;
}
