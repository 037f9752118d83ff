import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, PACKAGE_ROOT } from '../paths.js';
import { collectFiles, importFiles } from './importFiles.js';
import { openStore } from './index.js';
import type { ImportOutcome } from './types.js';

/**
 * importFiles with analysis workers must give what one importFile per file gives: the same
 * outcomes in the same order (failures with the same reasons, a copy of an earlier file
 * 'unchanged'), the same progress calls and the same stored documents.
 */
describe('importFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-importfiles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same outcomes, progress and documents with and without workers', async () => {
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    copyFileSync(join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt'), join(docs, 'a.txt'));
    copyFileSync(join(PACKAGE_ROOT, 'test/store/fixtures/sco-2025-bishkek-test.en.txt'), join(docs, 'b.txt'));
    writeFileSync(join(docs, 'c-empty.txt'), '');
    copyFileSync(join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt'), join(docs, 'd-copy-of-a.txt'));
    writeFileSync(join(docs, 'e-bad.docx'), new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 1, 2]));
    copyFileSync(join(PACKAGE_ROOT, 'test/store/fixtures/sco-2025-bishkek-test.fr.txt'), join(docs, 'f.txt'));
    const { files } = await collectFiles([docs]);
    expect(files).toHaveLength(6);
    let runs = 0;
    const run = async (workers: number) => {
      const store = await openStore(`sqlite:${join(dir, `run${runs++}.db`)}`);
      const progress: Array<[string, number, number]> = [];
      const report = await importFiles(store, files, {}, (o, done, bytes) => progress.push([o.source, done, bytes]), { workers });
      const stored = (await store.listDocuments()).map(({ importedAt: _, ...d }) => d);
      const analyses = await Promise.all(stored.map((d) => store.getAnalysis(d.id)));
      await store.close();
      return { outcomes: report.outcomes, progress, stored, analyses, timing: report.timing };
    };
    const plain = await run(0);
    const pooled = await run(1);
    const status = (os: ImportOutcome[]) => os.map((o) => o.status);
    expect(status(plain.outcomes)).toEqual(['imported', 'imported', 'failed', 'unchanged', 'failed', 'imported']);
    expect(pooled.outcomes).toEqual(plain.outcomes);
    expect(pooled.progress).toEqual(plain.progress);
    expect(pooled.stored).toEqual(plain.stored);
    expect(pooled.analyses).toEqual(plain.analyses);
    expect(plain.timing?.workers).toBe(0);
    expect(pooled.timing?.workers).toBe(1);
    expect(pooled.timing!.analyseSeconds).toBeGreaterThan(0);
    // a, b, c, e and f at least (d may be found unchanged before it is sent), all in the worker
    expect(plain.timing?.analysedInWorkers).toBe(0);
    expect(pooled.timing!.analysedInWorkers).toBeGreaterThanOrEqual(5);

    // Workers that die (here: an 8 MB heap, too small to load the analyser) leave the work to this thread: same outcomes.
    process.env.CONCORD_IMPORT_WORKER_HEAP_MB = '8';
    try {
      const starved = await run(1);
      expect(starved.timing!.analysedInWorkers).toBe(0);
      expect(starved.outcomes).toEqual(plain.outcomes);
      expect(starved.stored).toEqual(plain.stored);
    } finally {
      delete process.env.CONCORD_IMPORT_WORKER_HEAP_MB;
    }
  });
});
