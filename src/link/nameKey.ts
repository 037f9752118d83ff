import { loadLinkData } from './linkData.js';
import { termsOf } from './terms.js';

/**
 * Language-independent keys for item names: the name's stemmed, folded terms, with function
 * words dropped and every word or word sequence found in the concept glossary replaced by its
 * concept id, so "SCO Development Bank" and "Banque de développement de l'OCS" both give
 * "bank development sco". Unknown words keep their stem (proper names often agree across
 * Latin-script languages).
 */
export function conceptsOf(name: string, lang: string): string[] {
  const data = loadLinkData();
  const terms = termsOf(name, lang);
  const stop = data.stop.get(lang) ?? new Set<string>();
  const own = data.concepts.get(lang) ?? new Map<string, string>();
  const all = data.concepts.get('*')!;
  const out: string[] = [];
  for (let i = 0; i < terms.length; ) {
    let matched = false;
    for (let len = Math.min(data.maxConceptTerms, terms.length - i); len >= 1; len--) {
      const seq = terms.slice(i, i + len).join(' ');
      const id = own.get(seq) ?? all.get(seq);
      if (id) {
        out.push(id);
        i += len;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const t = terms[i]!;
    if (!stop.has(t) && t.length > 1) out.push(t);
    i++;
  }
  return out;
}

/** Sorted unique concepts of a name joined by spaces: the item key ('' when nothing is left). */
export function nameKey(name: string, lang: string): string {
  return [...new Set(conceptsOf(name, lang))].sort().join(' ');
}
