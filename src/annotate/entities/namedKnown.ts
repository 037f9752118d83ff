import { foldLoose } from '../../text/fold.js';
import type { KnownEntry, PreparedLexicon } from './namedLexicon.js';
import { prepareLexicon } from './namedLexicon.js';

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

/** All gazetteer hits in the text (overlapping hits included; the caller resolves them). */
export function findKnown(text: string, lang: string): KnownHit[] {
  const lex = prepareLexicon(lang);
  if (!lex) return [];
  const folded = foldLoose(text);
  const cjk = lang === 'zh';
  const hits: KnownHit[] = [];
  for (const entry of lex.lex.known ?? []) {
    for (const name of entry.names) {
      const f = foldLoose(name);
      const capital = /^\p{Lu}/u.test(name);
      for (const i of occurrences(folded, f, cjk)) {
        // "Objectifs de développement durable" names the goals; lower-case "objectifs de …" is a description
        if (capital && !/^\p{Lu}/u.test(text[i])) continue;
        hits.push({ start: i, end: i + f.length, entry, acronym: false });
      }
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
  for (const e of lex.lex.known ?? []) if (e.names.some((n) => foldLoose(n) === f)) return e.id;
  return null;
}
