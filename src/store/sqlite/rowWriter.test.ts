import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../analyze.js';
import { EXAMPLES_DIR, PACKAGE_ROOT } from '../../paths.js';
import type { Store } from '../types.js';
import { openSqliteStore } from './open.js';

/**
 * The SQLite row writer (prepared statements) must write exactly the rows of the portable
 * Kysely path that PostgreSQL uses: same tables, same ids, same values, same full-text rows,
 * also when a document replaces an earlier version and when items are shared across documents.
 */
const FILES = [
  join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt'),
  join(PACKAGE_ROOT, 'test/store/fixtures/sco-2025-bishkek-test.en.txt'),
  join(PACKAGE_ROOT, 'test/store/fixtures/sco-2025-bishkek-test.fr.txt'),
];
const TABLES: Record<string, string> = {
  works: 'id', documents: 'id', document_versions: 'document_id, version', paragraphs: 'id', paragraph_tags: 'paragraph_id, facet, value',
  findings: 'id', items: 'id', item_keys: 'key, item_id', mentions: 'id',
};

function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  const out: Record<string, unknown[]> = {};
  for (const [t, order] of Object.entries(TABLES)) {
    out[t] = (db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all() as Array<Record<string, unknown>>).map((r) => {
      for (const k of ['imported_at', 'created_at', 'replaced_at']) if (k in r) r[k] = '';
      return r;
    });
  }
  out.fts = ['organis', 'cooper', 'develop', 'secur', 'banqu'].map((w) => db.prepare('SELECT rowid FROM paragraph_fts WHERE paragraph_fts MATCH ? ORDER BY rowid').pluck().all(`"${w}"`));
  db.close();
  return out;
}

describe('SQLite row writer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-rowwriter-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same rows as the Kysely path', async () => {
    const analyses = FILES.map((f) => analyzeText(readText(f), { filename: f }));
    // A changed second version of the first text at the same source: replaced, old rows deleted.
    const changed = structuredClone(analyses[0]!);
    changed.paragraphs = changed.paragraphs.slice(0, 40);
    const run = async (store: Store) => {
      for (const [i, a] of analyses.entries()) expect((await store.importAnalysis(a, { source: FILES[i]!, contentHash: `h${i}` })).status).toBe('imported');
      expect((await store.importAnalysis(changed, { source: FILES[0]!, contentHash: 'h-changed' })).status).toBe('replaced');
      expect((await store.importAnalysis(analyses[1]!, { source: 'elsewhere', contentHash: 'h1' })).status).toBe('unchanged');
      await store.close();
    };
    const fast = join(dir, 'fast.db');
    const portable = join(dir, 'portable.db');
    await run(await openSqliteStore(fast));
    await run(await openSqliteStore(portable, { rowWriter: false }));
    const a = dump(fast);
    const b = dump(portable);
    expect((a.mentions as unknown[]).length).toBeGreaterThan(0);
    expect((a.document_versions as unknown[]).length).toBe(1);
    for (const t of Object.keys(b)) expect(a[t], t).toEqual(b[t]);
  });
});

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
