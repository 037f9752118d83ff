import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { KyselyStore } from '../kyselyStore.js';
import { migrationProvider } from '../migrations.js';
import type { DB } from '../schema.js';
import { FacetIndex } from './facetIndex.js';
import { SqliteRowWriter } from './rowWriter.js';
import { StoreError, type Store } from '../types.js';

/**
 * Opens (creating and migrating) the SQLite store at `path` (absolute, or ':memory:').
 * WAL journal + synchronous=NORMAL: each document's transaction is atomic and durable against
 * a killed process (a power loss may lose the last commits, never half of one).
 * `rowWriter: false` writes the paragraph rows through Kysely and `facetIndex: false` counts facets
 * in SQL, as on PostgreSQL (tests compare the two ways).
 */
export async function openSqliteStore(path: string, options: { rowWriter?: boolean; facetIndex?: boolean } = {}): Promise<Store> {
  let database: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    database = new Database(path);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
  } catch (e) {
    throw new StoreError('unavailable', `cannot open the SQLite database at ${path}: ${(e as Error).message}`);
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
  const { error } = await new Migrator({ db, provider: migrationProvider('sqlite') }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw new StoreError('unavailable', `cannot prepare the SQLite database at ${path} (is it a Concord store?)`);
  }
  return new KyselyStore(db, 'sqlite', async () => {
    await db.destroy();
  }, { ...(options.rowWriter === false ? {} : { rowWriter: new SqliteRowWriter(database) }), ...(options.facetIndex === false ? {} : { facetIndex: new FacetIndex() }) });
}
