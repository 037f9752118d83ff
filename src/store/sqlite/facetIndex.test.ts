import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../analyze.js';
import { EXAMPLES_DIR, PACKAGE_ROOT } from '../../paths.js';
import type { SearchQuery, Store } from '../types.js';
import { openSqliteStore } from './open.js';

/**
 * Facet counts from the in-memory facet index must be those of the SQL pass over the matching
 * rows (the PostgreSQL way), with every filter, and must follow later imports and replacements,
 * also those made by another connection (another process importing).
 */
const FILES = [
  join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt'),
  join(PACKAGE_ROOT, 'test/store/fixtures/sco-2025-bishkek-test.en.txt'),
  join(PACKAGE_ROOT, 'test/store/fixtures/sco-2025-bishkek-test.fr.txt'),
];
const QUERIES: SearchQuery[] = [
  { q: 'coopération' }, { q: 'cooperation', lang: 'en' }, { q: 'organisation', org: 'sco' }, { q: 'développement', year: 2024 },
  { q: 'security', commitment: true }, { q: 'sécurité', topic: 'security' }, { q: 'cooperation', action: 'support' }, { q: 'coopération', state: 'RU' },
  { q: 'coopération', lang: 'fr', offset: 3 }, { q: 'cooperation', org: 'sco', offset: 2, limit: 3 },
  { q: 'coopération', org: 'unknown-org' }, { q: 'coopération', topic: 'no-such-topic' }, { q: 'coopération', year: 1900 }, { q: '"Shanghai Cooperation Organisation"' },
];

describe('SQLite facet index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-facets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts what the SQL pass counts, after every import and replacement', async () => {
    const path = join(dir, 'f.db');
    const writer = await openSqliteStore(path, { facetIndex: false });
    const indexed = await openSqliteStore(path);
    const plain = await openSqliteStore(path, { facetIndex: false });
    const analyses = FILES.map((f) => analyzeText(readFileSync(f, 'utf8'), { filename: f }));
    const compare = async () => {
      let counted = 0;
      for (const q of QUERIES) {
        const a = await indexed.search({ limit: 5, ...q });
        const b = await plain.search({ limit: 5, ...q });
        expect(await indexed.search({ limit: 5, ...q, facets: false })).toEqual(await plain.search({ limit: 5, ...q, facets: false }));
        expect(a, JSON.stringify(q)).toEqual(b);
        counted += Object.keys(a.facets.topic).length + Object.keys(a.facets.state).length;
      }
      return counted;
    };
    const importOne = async (store: Store, i: number, hash = `h${i}`) => (await store.importAnalysis(analyses[i]!, { source: FILES[i]!, contentHash: hash })).status;
    expect(await importOne(indexed, 0)).toBe('imported');
    await compare();
    // Another connection imports: the index loads the new rows at the next search.
    expect(await importOne(writer, 1)).toBe('imported');
    expect(await importOne(writer, 2)).toBe('imported');
    expect(await compare()).toBeGreaterThan(0);
    // A replaced document: its old paragraphs are deleted, new ones added.
    const changed = structuredClone(analyses[0]!);
    changed.paragraphs = changed.paragraphs.slice(10, 60);
    expect((await writer.importAnalysis(changed, { source: FILES[0]!, contentHash: 'h-changed' })).status).toBe('replaced');
    await compare();
    for (const s of [writer, indexed, plain]) await s.close();
  });
});
