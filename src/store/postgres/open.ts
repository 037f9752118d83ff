import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { KyselyStore } from '../kyselyStore.js';
import { migrationProvider } from '../migrations.js';
import type { DB } from '../schema.js';
import { StoreError, type Store } from '../types.js';

/**
 * Opens (creating and migrating) the PostgreSQL store at `url` (postgres://user@host:port/db).
 * Counts come back as strings from pg; the store converts them. Fails with
 * StoreError('unavailable') when the server does not answer.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {
    /* idle client errors surface on the next query */
  });
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new StoreError('unavailable', `cannot connect to PostgreSQL (${(e as NodeJS.ErrnoException).code ?? 'error'}); check the URL and that the server runs`);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  // Kysely looks for its migration tables in every schema; name ours so that two stores in
  // two schemas of one database (search_path in the URL) do not see each other's.
  let schema = 'public';
  try {
    const r = await sql<{ s: string | null }>`SELECT current_schema() AS s`.execute(db);
    schema = r.rows[0]?.s ?? 'public';
  } catch {
    /* keep public */
  }
  const { error } = await new Migrator({ db, provider: migrationProvider('postgres'), migrationTableSchema: schema }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw new StoreError('unavailable', `cannot prepare the PostgreSQL database${process.env.CONCORD_DEBUG ? ` (${(error as Error).message})` : ''}`);
  }
  return new KyselyStore(db, 'postgres', async () => {
    await db.destroy();
  });
}
