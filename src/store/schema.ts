import type { Generated } from 'kysely';

/** Table shapes for Kysely (one schema for SQLite and PostgreSQL; booleans are 0/1 integers). */
export interface WorksTable {
  id: string;
  organization: string | null;
  date: string | null;
  place: string | null;
  created_at: string;
}

export interface DocumentsTable {
  id: string;
  work_id: string;
  language: string;
  organization: string | null;
  title: string | null;
  date: string | null;
  year: number | null;
  place: string | null;
  source: string | null;
  content_hash: string;
  version: number;
  paragraph_count: number;
  imported_at: string;
  /** The whole Analysis as deflated JSON (analysisCodec.ts), returned exactly by getAnalysis. */
  analysis: Buffer;
}

export interface DocumentVersionsTable {
  document_id: string;
  version: number;
  content_hash: string;
  source: string | null;
  imported_at: string;
  replaced_at: string;
  analysis: Buffer;
}

export interface ParagraphsTable {
  id: Generated<number>;
  document_id: string;
  n: number;
  e_id: string;
  kind: string;
  num: string | null;
  language: string;
  organization: string | null;
  year: number | null;
  commitment: number;
  text: string;
  /** Stemmed, folded index terms separated by spaces (src/link/terms.ts). */
  terms: string;
  /** Facet tags "facet:value" joined by U+001F (the same as paragraph_tags rows). */
  tags: string;
}

export interface ParagraphTagsTable {
  paragraph_id: number;
  document_id: string;
  facet: string;
  value: string;
}

export interface FindingsTable {
  id: Generated<number>;
  paragraph_id: number;
  document_id: string;
  e_id: string;
  kind: string;
  type: string;
  text: string;
  start: number;
  end: number;
  ref: string | null;
  value: string | null;
  rule: string | null;
}

export interface ItemsTable {
  id: string;
  type: string;
  name: string;
  ref: string | null;
}

export interface ItemKeysTable {
  key: string;
  item_id: string;
}

export interface MentionsTable {
  id: Generated<number>;
  item_id: string;
  document_id: string;
  paragraph_id: number;
  e_id: string;
  language: string;
  stance: string;
  words: string;
  action_words: string | null;
  proposer: string | null;
  start: number;
  end: number;
  rule: string | null;
}

export interface DB {
  works: WorksTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  paragraphs: ParagraphsTable;
  paragraph_tags: ParagraphTagsTable;
  findings: FindingsTable;
  items: ItemsTable;
  item_keys: ItemKeysTable;
  mentions: MentionsTable;
}
