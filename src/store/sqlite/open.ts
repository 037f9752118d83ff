import { StoreError, type Store } from '../types.js';

/** (Being implemented.) */
export async function openSqliteStore(path: string): Promise<Store> {
  void path;
  throw new StoreError('unavailable', 'the SQLite store is being implemented');
}
