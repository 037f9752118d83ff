import { createHash } from 'node:crypto';
import type { Analysis } from '../types.js';
import { encodeAnalysis } from './analysisCodec.js';
import { rowsOfAnalysis, type ParagraphRows } from './rows.js';

/**
 * An analysis turned into what the store writes, before any transaction opens: the index rows
 * (stemmed terms, item mentions: the slow part), the deflated JSON and the document fields the
 * store reads. Pure and free of the database, so that an import worker (analysisWorker.ts) can
 * do it beside the analysis while the main thread writes the previous document; it crosses
 * threads by structured clone.
 */
export interface PreparedDocument {
  /** The document fields the store reads, as the analysis gave them (the store checks their types). */
  document: Pick<Analysis['document'], 'id' | 'language' | 'organization' | 'title' | 'date' | 'place'>;
  /** The source the analysis names (used when the import gives none). */
  analysisSource: string | null;
  /** sha256 of the input bytes, else the analysis' own contentHash, else a hash of its JSON. */
  contentHash: string;
  /** The whole Analysis JSON, deflated (analysisCodec.ts). */
  encoded: Uint8Array;
  rows: ParagraphRows[];
}

export type PrepareResult = { ok: true; prepared: PreparedDocument } | { ok: false; reason: string };

/** Whether `analysis` has the shape the store needs (document and paragraphs). */
export function isAnalysis(analysis: unknown): analysis is Analysis {
  const a = analysis as Analysis | null | undefined;
  return !!a && typeof a === 'object' && !!a.document && Array.isArray(a.paragraphs);
}

/** Prepares `analysis` (already checked with isAnalysis); `reason` of a failure is safe to show. */
export function prepareAnalysis(analysis: Analysis, contentHash?: string, debug = false): PrepareResult {
  const json = JSON.stringify(analysis);
  const hash = contentHash ?? analysis.document.contentHash ?? createHash('sha256').update(json).digest('hex');
  let rows: ParagraphRows[];
  try {
    rows = rowsOfAnalysis(analysis);
  } catch (e) {
    return { ok: false, reason: `cannot index the analysis${debug ? ` (${(e as Error)?.message ?? String(e)})` : ''}` };
  }
  const d = analysis.document;
  return {
    ok: true,
    prepared: {
      document: { id: d.id, language: d.language, organization: d.organization, title: d.title, date: d.date, place: d.place },
      analysisSource: d.source ?? null,
      contentHash: hash,
      encoded: encodeAnalysis(json),
      rows,
    },
  };
}
