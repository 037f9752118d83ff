import { StoreError, type Store } from '../types.js';

/** (Being implemented.) */
export async function openPostgresStore(url: string): Promise<Store> {
  void url;
  throw new StoreError('unavailable', 'the PostgreSQL store is being implemented');
}
