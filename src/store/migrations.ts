import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * Schema migrations, in code so they ship with the package. Portable DDL goes through Kysely's
 * schema builder; the full-text index differs by dialect (FTS5 virtual table in SQLite, a
 * tsvector column with a GIN index in PostgreSQL) and is raw SQL without user input.
 */
export type Dialect = 'sqlite' | 'postgres';

function createMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_core': {
      async up(db: Kysely<any>): Promise<void> {
        // The analysis JSON is stored deflated (src/store/analysisCodec.ts): about a tenth of the size.
        const blob = dialect === 'sqlite' ? 'blob' : 'bytea';
        const idCol = (b: any) => (dialect === 'sqlite' ? b.primaryKey().autoIncrement() : b.primaryKey().generatedByDefaultAsIdentity());
        await db.schema.createTable('works').ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization', 'text').addColumn('date', 'text').addColumn('place', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull()).execute();
        await db.schema.createTable('documents').ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('work_id', 'text', (c) => c.notNull())
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('organization', 'text').addColumn('title', 'text').addColumn('date', 'text')
          .addColumn('year', 'integer').addColumn('place', 'text').addColumn('source', 'text')
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('paragraph_count', 'integer', (c) => c.notNull())
          .addColumn('imported_at', 'text', (c) => c.notNull())
          .addColumn('analysis', blob, (c) => c.notNull()).execute();
        await db.schema.createIndex('documents_hash').ifNotExists().on('documents').column('content_hash').execute();
        await db.schema.createIndex('documents_source').ifNotExists().on('documents').column('source').execute();
        await db.schema.createIndex('documents_work').ifNotExists().on('documents').column('work_id').execute();
        await db.schema.createTable('document_versions').ifNotExists()
          .addColumn('document_id', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('source', 'text')
          .addColumn('imported_at', 'text', (c) => c.notNull())
          .addColumn('replaced_at', 'text', (c) => c.notNull())
          .addColumn('analysis', blob, (c) => c.notNull())
          .addPrimaryKeyConstraint('document_versions_pk', ['document_id', 'version']).execute();
        await db.schema.createIndex('document_versions_hash').ifNotExists().on('document_versions').column('content_hash').execute();
        await db.schema.createTable('paragraphs').ifNotExists()
          .addColumn('id', 'integer', idCol)
          .addColumn('document_id', 'text', (c) => c.notNull())
          .addColumn('n', 'integer', (c) => c.notNull())
          .addColumn('e_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('num', 'text')
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('organization', 'text')
          .addColumn('year', 'integer')
          .addColumn('commitment', 'integer', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('terms', 'text', (c) => c.notNull()).execute();
        await db.schema.createIndex('paragraphs_doc').ifNotExists().on('paragraphs').columns(['document_id', 'n']).execute();
        await db.schema.createTable('paragraph_tags').ifNotExists()
          .addColumn('paragraph_id', 'integer', (c) => c.notNull())
          .addColumn('document_id', 'text', (c) => c.notNull())
          .addColumn('facet', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull()).execute();
        await db.schema.createIndex('paragraph_tags_fv').ifNotExists().on('paragraph_tags').columns(['facet', 'value', 'paragraph_id']).execute();
        await db.schema.createIndex('paragraph_tags_p').ifNotExists().on('paragraph_tags').columns(['paragraph_id', 'facet', 'value']).execute();
        await db.schema.createIndex('paragraph_tags_doc').ifNotExists().on('paragraph_tags').column('document_id').execute();
        await db.schema.createTable('findings').ifNotExists()
          .addColumn('id', 'integer', idCol)
          .addColumn('paragraph_id', 'integer', (c) => c.notNull())
          .addColumn('document_id', 'text', (c) => c.notNull())
          .addColumn('e_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('start', 'integer', (c) => c.notNull())
          .addColumn('end', 'integer', (c) => c.notNull())
          .addColumn('ref', 'text').addColumn('value', 'text').addColumn('rule', 'text').execute();
        await db.schema.createIndex('findings_doc').ifNotExists().on('findings').column('document_id').execute();
        await db.schema.createTable('items').ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('ref', 'text').execute();
        await db.schema.createTable('item_keys').ifNotExists()
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('item_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('item_keys_pk', ['key', 'item_id']).execute();
        await db.schema.createTable('mentions').ifNotExists()
          .addColumn('id', 'integer', idCol)
          .addColumn('item_id', 'text', (c) => c.notNull())
          .addColumn('document_id', 'text', (c) => c.notNull())
          .addColumn('paragraph_id', 'integer', (c) => c.notNull())
          .addColumn('e_id', 'text', (c) => c.notNull())
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('stance', 'text', (c) => c.notNull())
          .addColumn('words', 'text', (c) => c.notNull())
          .addColumn('action_words', 'text').addColumn('proposer', 'text')
          .addColumn('start', 'integer', (c) => c.notNull())
          .addColumn('end', 'integer', (c) => c.notNull())
          .addColumn('rule', 'text').execute();
        await db.schema.createIndex('mentions_item').ifNotExists().on('mentions').column('item_id').execute();
        await db.schema.createIndex('mentions_doc').ifNotExists().on('mentions').column('document_id').execute();
        if (dialect === 'sqlite') {
          // Contentless FTS5 over the pre-stemmed terms; contentless_delete lets rows be deleted by rowid.
          await sql`CREATE VIRTUAL TABLE IF NOT EXISTS paragraph_fts USING fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`.execute(db);
        } else {
          await sql`ALTER TABLE paragraphs ADD COLUMN IF NOT EXISTS tsv tsvector`.execute(db);
          await sql`CREATE INDEX IF NOT EXISTS paragraphs_tsv ON paragraphs USING GIN (tsv)`.execute(db);
        }
      },
    },
    '0002_paragraph_tag_list': {
      // The paragraph's facet tags in one column ("facet:value" joined by U+001F), so that facet
      // counts read each matching paragraph once instead of joining paragraph_tags.
      async up(db: Kysely<any>): Promise<void> {
        await db.schema.alterTable('paragraphs').addColumn('tags', 'text', (c) => c.notNull().defaultTo('')).execute();
        if (dialect === 'sqlite') {
          await sql`UPDATE paragraphs SET tags = coalesce((SELECT group_concat(t.facet || ':' || t.value, char(31)) FROM paragraph_tags t WHERE t.paragraph_id = paragraphs.id), '')`.execute(db);
        } else {
          await sql`UPDATE paragraphs SET tags = coalesce((SELECT string_agg(t.facet || ':' || t.value, chr(31)) FROM paragraph_tags t WHERE t.paragraph_id = paragraphs.id), '')`.execute(db);
        }
      },
    },
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => createMigrations(dialect) };
}
