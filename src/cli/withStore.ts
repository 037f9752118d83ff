import { openStore, StoreError, type Store } from '../store/index.js';
import { UsageError } from './errors.js';

/** Opens the store for a command, turning store errors (bad URL, unreachable server) into usage errors. */
export async function openStoreForCli(url: string | undefined): Promise<Store> {
  try {
    return await openStore(url);
  } catch (e) {
    if (e instanceof StoreError) throw new UsageError(e.message, 'pass --db sqlite:PATH or --db postgres://… (or set CONCORD_DB)');
    throw e;
  }
}

/** Runs `f` on an open store and always closes it; store errors become one-line usage errors. */
export async function withStore<T>(url: string | undefined, f: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStoreForCli(url);
  try {
    return await f(store);
  } catch (e) {
    if (e instanceof StoreError) throw new UsageError(e.message);
    throw e;
  } finally {
    await store.close();
  }
}
