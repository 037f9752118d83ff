import { openStore, resolveStoreUrl, StoreError } from '../store/index.js';
import { createMemoryStore } from './memoryStore.js';
import type { ServerStore } from './storeApi.js';

/**
 * Opens the corpus store for the server: src/store at `url` (default: CONCORD_DB, else
 * sqlite:./concord.db). When the SQLite store reports itself unavailable (not built on this
 * machine), falls back to the in-memory store and says so through `warn`, so the reader still
 * works; a PostgreSQL URL that fails is an error (a team database must not silently vanish).
 */
export async function openServerStore(url: string | undefined, warn: (message: string) => void): Promise<ServerStore> {
  const resolved = resolveStoreUrl(url);
  try {
    return await openStore(resolved);
  } catch (e) {
    const isPostgres = /^postgres(ql)?:\/\//i.test(resolved);
    if (e instanceof StoreError && e.code === 'unavailable' && !isPostgres) {
      warn(`the SQLite store cannot be opened (${e.message}): serving from memory, uploads will not be kept`);
      return createMemoryStore();
    }
    throw e;
  }
}
