import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { ImportOutcome } from './types.js';
import { isAnalysis, prepareAnalysis, type PrepareResult } from './prepare.js';

/**
 * The steps of importing one file, shared by Store.importFile (all in one thread) and
 * importFiles' analysis workers (read and look-up in the main thread, analysis and preparation
 * in a worker, the write in the main thread again), so both give the same outcomes and reasons.
 */

/** Files larger than this are refused (a declaration is rarely above 2 MB; PDFs a few MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Buffer; contentHash: string } | { ok: false; outcome: ImportOutcome };

/** Reads a file to import and hashes its bytes (sha256), or says why it cannot. */
export async function readForImport(path: string, source: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (!st.isFile()) return { ok: false, outcome: { status: 'failed', source, bytes: 0, reason: 'not a regular file' } };
    if (st.size > MAX_FILE_BYTES) return { ok: false, outcome: { status: 'failed', source, bytes: st.size, reason: `file too large (${st.size} bytes; at most ${MAX_FILE_BYTES})` } };
    bytes = await readFile(path);
  } catch (e) {
    return { ok: false, outcome: { status: 'failed', source, bytes: 0, reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})` } };
  }
  return { ok: true, bytes, contentHash: createHash('sha256').update(bytes).digest('hex') };
}

export interface AnalyseRequest {
  bytes: Uint8Array;
  filename: string;
  lang?: string;
  contentHash: string;
}

/** Where the time of one analyseAndPrepare went (ms), for the import's figures. */
export interface StepTimes {
  analyseMs: number;
  prepareMs: number;
}

/**
 * Analyses the bytes (src/analyze.ts) and prepares the rows to store. The analyser is imported
 * on first use, so a main thread whose workers analyse never loads its lexicons.
 */
export async function analyseAndPrepare(req: AnalyseRequest, times?: StepTimes): Promise<PrepareResult> {
  const { analyzeBytes } = await import('../analyze.js');
  const t0 = performance.now();
  let analysis;
  try {
    analysis = await analyzeBytes(req.bytes, { filename: req.filename, ...(req.lang ? { lang: req.lang } : {}) });
  } catch (e) {
    return { ok: false, reason: `cannot analyse: ${(e as Error)?.message ?? String(e)}` };
  } finally {
    if (times) times.analyseMs += performance.now() - t0;
  }
  if (!Array.isArray(analysis.paragraphs) || analysis.paragraphs.length === 0) {
    return { ok: false, reason: 'no paragraphs found (empty or unreadable text)' };
  }
  if (!isAnalysis(analysis)) return { ok: false, reason: 'not an analysis (document and paragraphs are required)' };
  const t1 = performance.now();
  const p = prepareAnalysis(analysis, req.contentHash, !!process.env.CONCORD_DEBUG);
  if (times) times.prepareMs += performance.now() - t1;
  return p;
}
