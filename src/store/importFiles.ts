import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { AnalysisPool, defaultWorkerCount } from './analysisPool.js';
import { analyseAndPrepare, readForImport, type StepTimes } from './importSteps.js';
import type { PreparedDocument } from './prepare.js';
import type { ImportOptions, ImportOutcome, PreparedImportStore, Store } from './types.js';

/**
 * Collects the files to import from paths given by the user (folders are walked, symbolic
 * links inside folders are not followed, hidden entries skipped) and imports them one by one,
 * reporting each outcome. One bad file never stops the run.
 */
export const IMPORTABLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.html', '.htm', '.xhtml', '.pdf', '.docx', '.xml', '.akn']);
export const MAX_FILES = 100_000;

export interface FileToImport {
  path: string;
  bytes: number;
}

/** Files under `paths`: explicit files always, folder entries when their extension is importable. */
export async function collectFiles(paths: string[]): Promise<{ files: FileToImport[]; problems: ImportOutcome[] }> {
  const files: FileToImport[] = [];
  const problems: ImportOutcome[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ status: 'failed', source: dir, bytes: 0, reason: `cannot read the folder (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (files.length >= MAX_FILES) return;
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && IMPORTABLE_EXTENSIONS.has(extname(e.name).toLowerCase())) {
        const st = await stat(p);
        if (!seen.has(p)) {
          seen.add(p);
          files.push({ path: p, bytes: st.size });
        }
      }
    }
  };
  for (const raw of paths) {
    const p = resolve(raw);
    let st;
    try {
      st = await lstat(p);
      if (st.isSymbolicLink()) st = await stat(p);
    } catch {
      problems.push({ status: 'failed', source: raw, bytes: 0, reason: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) await walk(p);
    else if (st.isFile()) {
      if (!seen.has(p)) {
        seen.add(p);
        files.push({ path: p, bytes: st.size });
      }
    } else problems.push({ status: 'failed', source: raw, bytes: 0, reason: 'not a file or folder' });
  }
  return { files, problems };
}

export interface ImportReport {
  imported: number;
  replaced: number;
  unchanged: number;
  failed: ImportOutcome[];
  outcomes: ImportOutcome[];
  bytes: number;
  seconds: number;
  /** Where the time went, when the store took prepared documents (seconds; analysis summed over the workers). */
  timing?: { workers: number; analysedInWorkers: number; analyseSeconds: number; prepareSeconds: number; storeSeconds: number };
}

export interface ImportRunOptions {
  /** Analysis worker threads (0: analyse in this thread); default defaultWorkerCount(). */
  workers?: number;
}

/**
 * Import `files` into `store` in order, calling `onOutcome` after each (for progress, in file
 * order). With a store that takes prepared documents (KyselyStore), files are read and looked
 * up here, analysed in worker threads a few files ahead, and written here one transaction per
 * document, so that analysis and storage overlap; outcomes are the same as one importFile per file.
 */
export async function importFiles(store: Store, files: FileToImport[], options: ImportOptions, onOutcome?: (o: ImportOutcome, done: number, doneBytes: number) => void, run: ImportRunOptions = {}): Promise<ImportReport> {
  const t0 = Date.now();
  const report: ImportReport = { imported: 0, replaced: 0, unchanged: 0, failed: [], outcomes: [], bytes: 0, seconds: 0 };
  let done = 0;
  const record = (f: FileToImport, o: ImportOutcome) => {
    if (!o.source) o.source = basename(f.path);
    report.outcomes.push(o);
    if (o.status === 'failed') report.failed.push(o);
    else report[o.status]++;
    report.bytes += f.bytes;
    done++;
    onOutcome?.(o, done, report.bytes);
  };
  if (!takesPrepared(store)) {
    for (const f of files) {
      let o: ImportOutcome;
      try {
        o = await store.importFile(f.path, { ...options, source: f.path });
      } catch (e) {
        o = { status: 'failed', source: f.path, bytes: f.bytes, reason: (e as Error)?.message ?? String(e) };
      }
      record(f, o);
    }
  } else {
    const workers = files.length > 1 ? (run.workers ?? defaultWorkerCount()) : 0;
    const pool = workers > 0 ? new AnalysisPool(workers) : null;
    const timing = { workers: pool?.size ?? 0, analysedInWorkers: 0, analyseSeconds: 0, prepareSeconds: 0, storeSeconds: 0 };
    // Files read and sent for analysis ahead of the one being stored: enough to keep every worker busy.
    const ahead = Math.max(1, 2 * (pool?.size ?? 0));
    const started: Array<Promise<Step>> = [];
    let next = 0;
    try {
      for (const f of files) {
        while (next < files.length && started.length < ahead) started.push(startFile(store, files[next++]!, options, pool));
        const step = await started.shift()!;
        if (step.inWorker) timing.analysedInWorkers++;
        let o: ImportOutcome;
        if (step.kind === 'done') o = step.outcome;
        else {
          timing.analyseSeconds += step.times.analyseMs / 1000;
          timing.prepareSeconds += step.times.prepareMs / 1000;
          const ts = performance.now();
          try {
            const out = await store.importPrepared(step.prepared, { ...options, source: step.source, contentHash: step.prepared.contentHash });
            o = { ...out, bytes: step.bytes };
          } catch (e) {
            o = { status: 'failed', source: f.path, bytes: f.bytes, reason: (e as Error)?.message ?? String(e) };
          }
          timing.storeSeconds += (performance.now() - ts) / 1000;
        }
        record(f, o);
      }
    } finally {
      await pool?.close();
    }
    report.timing = timing;
  }
  report.seconds = (Date.now() - t0) / 1000;
  return report;
}

type Step = { kind: 'done'; outcome: ImportOutcome; inWorker?: boolean } | { kind: 'store'; prepared: PreparedDocument; source: string; bytes: number; times: StepTimes; inWorker: boolean };

/** What Store.importFile does before its transaction: read, look up the bytes' hash, analyse (in a worker when given a pool). */
async function startFile(store: PreparedImportStore, f: FileToImport, options: ImportOptions, pool: AnalysisPool | null): Promise<Step> {
  const source = f.path;
  try {
    const read = await readForImport(f.path, source);
    if (!read.ok) return { kind: 'done', outcome: read.outcome };
    const { bytes, contentHash } = read;
    let existing;
    try {
      existing = await store.findContent(contentHash);
    } catch (e) {
      return { kind: 'done', outcome: { status: 'failed', source, bytes: bytes.length, reason: `could not read the store: database error${process.env.CONCORD_DEBUG ? ` (${(e as Error)?.message ?? String(e)})` : ''}` } };
    }
    if (existing) return { kind: 'done', outcome: { status: 'unchanged', source, bytes: bytes.length, ...existing } };
    const req = { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), filename: basename(f.path), ...(options.lang ? { lang: options.lang } : {}), contentHash };
    let result;
    let times: StepTimes = { analyseMs: 0, prepareMs: 0 };
    let inWorker = false;
    if (pool) ({ result, times, inWorker } = await pool.analyse(req));
    else result = await analyseAndPrepare(req, times);
    if (!result.ok) return { kind: 'done', outcome: { status: 'failed', source, bytes: bytes.length, reason: result.reason }, inWorker };
    return { kind: 'store', prepared: result.prepared, source, bytes: bytes.length, times, inWorker };
  } catch (e) {
    return { kind: 'done', outcome: { status: 'failed', source, bytes: f.bytes, reason: (e as Error)?.message ?? String(e) } };
  }
}

function takesPrepared(store: Store): store is PreparedImportStore {
  const s = store as Partial<PreparedImportStore>;
  return typeof s.importPrepared === 'function' && typeof s.findContent === 'function';
}
