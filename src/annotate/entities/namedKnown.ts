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

/** A known name folded once (foldLoose), with whether the data writes it with a capital. */
interface FoldedName { entry: KnownEntry; folded: string; capital: boolean }

/**
 * Per lexicon: every known name folded, in data order, and a map from folded name to the first
 * entry that has it (for refForName). Built once: folding every name of the gazetteer for every
 * paragraph was a hot spot.
 */
const foldedNames = new WeakMap<PreparedLexicon, { names: FoldedName[]; refByName: Map<string, string> }>();

function knownNames(lex: PreparedLexicon): { names: FoldedName[]; refByName: Map<string, string> } {
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
    hit = { names, refByName };
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
  for (const { entry, folded: f, capital } of knownNames(lex).names) {
    for (const i of occurrences(folded, f, cjk)) {
      // "Objectifs de développement durable" names the goals; lower-case "objectifs de …" is a description
      if (capital && !/^\p{Lu}/u.test(text[i])) continue;
      hits.push({ start: i, end: i + f.length, entry, acronym: false });
    }
  }
  const acronymSources: PreparedLexicon[] = [lex];
  if (lang !== 'en' && lang !== 'zh') {
    const en = prepareLexicon('en');
    if (en) acronymSources.push(en);
  }
  const seen = new Set<string>();
  for (const src of acronymSources) {
    for (const entry of src.lex.known ?? []) {
      for (const a of entry.acronyms ?? []) {
        for (const i of occurrences(text, a, false)) {
          const key = `${i}:${a}`;
          if (seen.has(key)) continue;
          seen.add(key);
          hits.push({ start: i, end: i + a.length, entry, acronym: true });
        }
      }
    }
  }
  return hits;
}

/** The gazetteer entry whose name equals this span's text (folded), if any: gives a descriptor-built mention its ref. */
export function refForName(name: string, lang: string): string | null {
  const lex = prepareLexicon(lang);
  if (!lex) return null;
  const f = foldLoose(name).replace(/\s+/g, ' ').trim();
  return knownNames(lex).refByName.get(f) ?? null;
}
