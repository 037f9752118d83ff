import { extractFacts } from '../facts/index.js';
import type { Store } from '../store/index.js';

/** The part of a store the model reads (the server's stand-in store has it too). */
export type OrgStoreReader = Pick<Store, 'listDocuments' | 'getAnalysis'>;
import type { Analysis } from '../types.js';
import type { OrgDocument } from './types.js';

/** Most declarations read from a store for one organisation (a bound on work and memory). */
export const MAX_ORG_DOCUMENTS = 2000;

/**
 * An analysed declaration as the organisation model reads it. Uses the analysis's own `facts`
 * when it has them; an analysis stored before facts existed gets them extracted here (on a
 * copy, so the stored object is not changed).
 */
export function orgDocumentFromAnalysis(analysis: Analysis, fallback: Partial<OrgDocument> = {}): OrgDocument {
  const doc = analysis.document;
  const facts = Array.isArray(analysis.facts) ? analysis.facts : extractFacts({ ...analysis, messages: [] });
  return {
    id: doc.id || fallback.id || 'document',
    organization: doc.organization ?? fallback.organization ?? null,
    date: doc.date ?? fallback.date ?? null,
    place: doc.place ?? fallback.place ?? null,
    title: doc.title ?? fallback.title ?? null,
    language: doc.language ?? fallback.language ?? 'und',
    facts,
  };
}

/**
 * The declarations of one organisation in a store (src/store): lists the documents of the
 * organisation and reads each stored analysis (facts included). A document whose analysis is
 * missing is skipped and named in `skipped`.
 */
export async function loadOrgDocuments(store: OrgStoreReader, orgId: string): Promise<{ documents: OrgDocument[]; skipped: string[] }> {
  const summaries = await store.listDocuments({ org: orgId, limit: MAX_ORG_DOCUMENTS });
  const documents: OrgDocument[] = [];
  const skipped: string[] = [];
  for (const s of summaries) {
    const analysis = await store.getAnalysis(s.id);
    if (!analysis) {
      skipped.push(s.id);
      continue;
    }
    const d = orgDocumentFromAnalysis(analysis, { id: s.id, organization: s.organization, date: s.date, place: s.place, title: s.title, language: s.language });
    // The store's id and metadata are the ones links point at.
    d.id = s.id;
    d.organization = d.organization ?? s.organization;
    d.date = d.date ?? s.date;
    documents.push(d);
  }
  return { documents, skipped };
}
