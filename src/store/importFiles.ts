import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { ImportOptions, ImportOutcome, Store } from './types.js';

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
}

/** Import `files` into `store` in order, calling `onOutcome` after each (for progress). */
export async function importFiles(store: Store, files: FileToImport[], options: ImportOptions, onOutcome?: (o: ImportOutcome, done: number, doneBytes: number) => void): Promise<ImportReport> {
  const t0 = Date.now();
  const report: ImportReport = { imported: 0, replaced: 0, unchanged: 0, failed: [], outcomes: [], bytes: 0, seconds: 0 };
  let done = 0;
  for (const f of files) {
    let o: ImportOutcome;
    try {
      o = await store.importFile(f.path, { ...options, source: f.path });
    } catch (e) {
      o = { status: 'failed', source: f.path, bytes: f.bytes, reason: (e as Error)?.message ?? String(e) };
    }
    if (!o.source) o.source = basename(f.path);
    report.outcomes.push(o);
    if (o.status === 'failed') report.failed.push(o);
    else report[o.status]++;
    report.bytes += f.bytes;
    done++;
    onOutcome?.(o, done, report.bytes);
  }
  report.seconds = (Date.now() - t0) / 1000;
  return report;
}
