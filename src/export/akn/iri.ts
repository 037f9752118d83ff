import type { DocumentInfo } from '../../types.js';

/**
 * FRBR identifiers of a declaration, following the Akoma Ntoso naming convention
 * /akn/{country}/{type}/{subtype}/{author}/{date}/{number}/{lang}@ (country "int" for
 * international bodies). Reads: the document info. Writes: nothing.
 */
export interface FrbrIris {
  work: string;
  expression: string;
  manifestation: string;
  /** ISO 639-2 code used in the expression IRI and FRBRlanguage. */
  language3: string;
  /** Date in the IRI and in FRBRdate (the document date, else the export date). */
  date: string;
  dateName: 'adoption' | 'export';
}

/** ISO 639-1 → the ISO 639-2 (terminology) code Akoma Ntoso uses; unknown codes pass through. */
const LANG3: Record<string, string> = { fr: 'fra', en: 'eng', ru: 'rus', zh: 'zho', es: 'spa', ar: 'ara', de: 'deu', pt: 'por' };

export function toLanguage3(code: string): string {
  return LANG3[code] ?? (/^[a-z]{2,3}$/.test(code) ? code : 'und');
}

/** A path-safe IRI component: lowercase letters, digits and hyphens (Unicode letters folded to ASCII). */
export function slugify(text: string, max = 60): string {
  const s = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9\p{L}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return s || 'x';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function buildFrbrIris(doc: DocumentInfo, author: string, exportDate: string): FrbrIris {
  const hasDate = !!doc.date && ISO_DATE.test(doc.date);
  const date = hasDate ? (doc.date as string) : exportDate;
  const number = slugify(doc.place ?? doc.id ?? 'document');
  const work = `/akn/int/statement/declaration/${slugify(author)}/${date}/${number}`;
  const language3 = toLanguage3(doc.language);
  const expression = `${work}/${language3}@`;
  return { work, expression, manifestation: `${expression}.akn`, language3, date, dateName: hasDate ? 'adoption' : 'export' };
}
