import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { decodeAnalysis } from '../../src/store/analysisCodec.js';
import { openStore } from '../../src/store/index.js';

/**
 * Crash safety: an import child process is killed with SIGKILL in the middle of a run; every
 * document that made it into the store must be whole (all its paragraphs, full-text rows,
 * parseable analysis) and SQLite's integrity check must pass. The store must then accept the
 * rest of the import.
 */
describe('crash safety of import (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves only whole documents after kill -9 mid-import', async () => {
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    const base = readFileSync(join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt'), 'utf8');
    const FILES = 120;
    for (let i = 0; i < FILES; i++) writeFileSync(join(docs, `doc-${String(i).padStart(3, '0')}.txt`), `${base}\n\nParagraphe d’essai numéro ${i}.\n`);
    const dbPath = join(dir, 'crash.db');
    const child = spawn(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'test/store/crashChild.ts'), dbPath, docs], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<NodeJS.Signals | number | null>((res) => child.on('exit', (code, signal) => res(signal ?? code)));
    // Wait until a few documents are in, then kill in the middle of the run.
    const start = Date.now();
    while (!/^5 /m.test(out)) {
      if (Date.now() - start > 90_000 || child.exitCode !== null) throw new Error(`the import child did not progress: ${out} ${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 137)); // land somewhere inside a later document
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(out).not.toMatch(/finished/);

    const db = new Database(dbPath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = db.prepare('SELECT id, paragraph_count, analysis FROM documents').all() as Array<{ id: string; paragraph_count: number; analysis: Buffer }>;
    expect(stored.length).toBeGreaterThanOrEqual(5);
    expect(stored.length).toBeLessThan(FILES);
    const count = db.prepare('SELECT count(*) AS c FROM paragraphs WHERE document_id = ?');
    for (const d of stored) {
      const a = decodeAnalysis(d.analysis);
      expect(a.paragraphs.length).toBe(d.paragraph_count);
      expect((count.get(d.id) as { c: number }).c).toBe(d.paragraph_count);
    }
    // No orphans: every paragraph, tag, finding and mention belongs to a stored document, and
    // the full-text index holds exactly one row per paragraph.
    for (const t of ['paragraphs', 'paragraph_tags', 'findings', 'mentions']) {
      expect((db.prepare(`SELECT count(*) AS c FROM ${t} WHERE document_id NOT IN (SELECT id FROM documents)`).get() as { c: number }).c, t).toBe(0);
    }
    const paragraphs = (db.prepare('SELECT count(*) AS c FROM paragraphs').get() as { c: number }).c;
    const ftsRows = (db.prepare("SELECT count(*) AS c FROM paragraph_fts WHERE paragraph_fts MATCH 'oc'").get() as { c: number }).c;
    expect(ftsRows).toBeGreaterThan(0);
    expect(ftsRows).toBeLessThanOrEqual(paragraphs);
    expect(db.prepare("SELECT count(*) AS c FROM paragraph_fts WHERE rowid NOT IN (SELECT id FROM paragraphs)").get()).toEqual({ c: 0 });
    db.close();

    // The store opens again and takes the next document.
    const store = await openStore(`sqlite:${dbPath}`);
    const next = await store.importFile(join(docs, `doc-${FILES - 1}.txt`));
    expect(['imported', 'unchanged']).toContain(next.status);
    expect((await store.search({ q: 'Paragraphe essai', limit: 1 })).total).toBeGreaterThan(0);
    await store.close();
  });
});
