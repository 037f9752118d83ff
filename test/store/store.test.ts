import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canRunAsPostgres, pgAvailable, startTestPg } from './pgServer.js';
import { defineStoreSuite } from './storeSuite.js';

/** One suite, two back ends: SQLite always; PostgreSQL at CONCORD_TEST_PG or a throwaway server. */
defineStoreSuite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-sqlite-'));
  return { url: `sqlite:${join(dir, 'store.db')}`, stop: async () => rmSync(dir, { recursive: true, force: true }) };
});

defineStoreSuite('PostgreSQL', async () => {
  if (!pgAvailable() || !canRunAsPostgres()) {
    console.warn('store suite: no PostgreSQL binaries and no CONCORD_TEST_PG: skipping the PostgreSQL run');
    return null;
  }
  return startTestPg();
});
