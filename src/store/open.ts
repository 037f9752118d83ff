import { resolve } from 'node:path';
import { StoreError, type Store } from './types.js';

/** The store URL to use: the given one, else CONCORD_DB, else sqlite:./concord.db. */
export function resolveStoreUrl(url?: string): string {
  const u = url ?? process.env.CONCORD_DB ?? 'sqlite:./concord.db';
  return u;
}

/**
 * Open (creating and migrating when needed) the store at `url`: `sqlite:PATH`, a bare path,
 * `sqlite::memory:`, or `postgres://…` / `postgresql://…`. Throws StoreError('bad-url'|'unavailable').
 */
export async function openStore(url?: string): Promise<Store> {
  const u = resolveStoreUrl(url);
  if (/^postgres(ql)?:\/\//i.test(u)) {
    const { openPostgresStore } = await import('./postgres/open.js');
    return openPostgresStore(u);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) throw new StoreError('bad-url', `unsupported store URL scheme (use sqlite:PATH or postgres://…)`);
  const path = u.startsWith('sqlite:') ? u.slice('sqlite:'.length) : u;
  if (!path) throw new StoreError('bad-url', 'empty SQLite path');
  const { openSqliteStore } = await import('./sqlite/open.js');
  return openSqliteStore(path === ':memory:' ? ':memory:' : resolve(path));
}
