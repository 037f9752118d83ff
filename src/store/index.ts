/**
 * The corpus store (issue 3): documents, paragraphs, findings, items, full-text search,
 * on SQLite (default, ./concord.db or CONCORD_DB) or PostgreSQL (postgres://…), through one
 * Kysely query layer. See src/store/README.md.
 */
export * from './types.js';
export { openStore, resolveStoreUrl } from './open.js';
