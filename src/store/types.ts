import type { ActionCategory, Analysis, LanguageCode } from '../types.js';
import type { PreparedDocument } from './prepare.js';

/**
 * The corpus store's public types (issue 3). Other parts (server, exports, org) code
 * against these; the SQLite and PostgreSQL back ends implement the same `Store`.
 */

/** How far a declaration went with an item, weakest first; 'opposed' and 'mentioned' sit outside the scale. */
export type Stance = 'mentioned' | 'noted' | 'supported' | 'decided' | 'adopted' | 'opposed';
export const STANCE_ORDER: readonly Stance[] = ['mentioned', 'noted', 'supported', 'decided', 'adopted'];

export type ItemType = 'instrument' | 'initiative' | 'body' | 'event' | 'proposal';
export const ITEM_TYPES: readonly ItemType[] = ['instrument', 'initiative', 'body', 'event', 'proposal'];

/** One stored document (the current version of one expression of a work). */
export interface DocumentSummary {
  id: string;
  /** The work this text expresses: the fr and en texts of one declaration share it. */
  workId: string;
  language: LanguageCode;
  organization: string | null;
  title: string | null;
  date: string | null;
  year: number | null;
  place: string | null;
  /** File name or path given at import. */
  source: string | null;
  contentHash: string;
  /** 1 for the first import; +1 each time a changed file replaced it. */
  version: number;
  paragraphCount: number;
  /** ISO 8601 time of the import of this version. */
  importedAt: string;
}

export interface DocumentFilter {
  org?: string;
  year?: number;
  lang?: string;
  workId?: string;
  limit?: number;
  offset?: number;
}

/** An earlier (replaced) or the current version of a document. */
export interface DocumentVersion {
  documentId: string;
  version: number;
  contentHash: string;
  source: string | null;
  importedAt: string;
  /** null for the current version. */
  replacedAt: string | null;
}

export type ImportStatus = 'imported' | 'replaced' | 'unchanged' | 'failed';

export interface ImportOutcome {
  status: ImportStatus;
  /** File path or source label. */
  source: string;
  documentId?: string;
  workId?: string;
  version?: number;
  /** Bytes read (files) or 0. */
  bytes: number;
  /** Why it failed (status 'failed'); never an SQL message. */
  reason?: string;
}

export interface ImportOptions {
  /** Where the analysis came from (path or file name): a changed file at the same source replaces its previous version. */
  source?: string;
  /** Force the work this document expresses (`--work ID`). */
  workId?: string;
  /** sha256 of the input bytes; defaults to analysis.document.contentHash, else a hash of the analysis JSON. */
  contentHash?: string;
  /** Language override for the analyser (importFile only). */
  lang?: string;
}

export interface SearchQuery {
  /** Words; "double quotes" make a phrase. Operators are not interpreted. Max 2,000 characters. */
  q: string;
  org?: string;
  year?: number;
  lang?: string;
  topic?: string;
  action?: ActionCategory | string;
  commitment?: boolean;
  /** ISO alpha-2 of a state named in the paragraph or its subject. */
  state?: string;
  limit?: number;
  offset?: number;
  /** Compute facet counts (default true). */
  facets?: boolean;
}

export interface SearchHit {
  documentId: string;
  eId: string;
  n: number;
  language: LanguageCode;
  organization: string | null;
  date: string | null;
  title: string | null;
  /** Plain paragraph text around the matches (at most ~300 characters, '…' where cut). */
  snippet: string;
  /** Offsets of the matched words in `snippet` (UTF-16, end exclusive): escape, then wrap. */
  snippetHighlights: Array<{ start: number; end: number }>;
  /** Offsets of the matched words in the whole paragraph text. */
  highlights: Array<{ start: number; end: number }>;
  /** Higher is better. */
  score: number;
}

export type FacetCounts = Record<string, number>;

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
  /** True when the facet counts were taken over the first 20,000 matches only (total is exact); PostgreSQL only: SQLite counts every match. */
  facetsSampled?: boolean;
  facets: {
    org: FacetCounts;
    year: FacetCounts;
    lang: FacetCounts;
    topic: FacetCounts;
    action: FacetCounts;
    state: FacetCounts;
    commitment: FacetCounts;
  };
}

/** A canonical item linked across declarations and languages. */
export interface Item {
  id: string;
  type: ItemType;
  /** Display name (first seen, English preferred). */
  name: string;
  /** Names as written, by language. */
  names: Record<string, string[]>;
  /** Reference-data id when the annotator gave one. */
  ref: string | null;
  documentCount: number;
  mentionCount: number;
  organizations: string[];
}

export interface ItemFilter {
  type?: ItemType | string;
  org?: string;
  /** Words that the item's name must contain (stemmed, any language). */
  q?: string;
  limit?: number;
}

export interface TimelineEntry {
  documentId: string;
  workId: string;
  organization: string | null;
  date: string | null;
  language: LanguageCode;
  eId: string;
  /** Strongest stance of the paragraph toward the item. */
  stance: Stance;
  /** The words naming the item, as written. */
  words: string;
  /** The action words that carry the stance, when any. */
  actionWords: string | null;
  /** Proposer (ISO alpha-2) when the item is a state's proposal. */
  proposer: string | null;
  start: number;
  end: number;
}

export interface ItemTimeline {
  /** The item asked for (by id), or the best match of the name words. */
  item: Item;
  /** Every item the name words matched (the item itself first); entries cover them all. */
  matched: Item[];
  /** Oldest declaration first (by date, then document id). */
  entries: Array<TimelineEntry & { itemId: string }>;
}

export type ParagraphChange = 'same' | 'changed' | 'added' | 'dropped';

export interface ItemChange {
  itemId: string;
  name: string;
  type: ItemType;
  stanceA: Stance | null;
  stanceB: Stance | null;
}

export interface ParagraphDiff {
  change: ParagraphChange;
  eIdA: string | null;
  eIdB: string | null;
  textA: string | null;
  textB: string | null;
  /** How the pair was aligned: 'order', 'number', 'anchors' (dates, names, entity refs), 'text'. */
  method: string | null;
  /** 0..1 similarity of the aligned pair. */
  similarity: number;
  commitmentA: boolean | null;
  commitmentB: boolean | null;
  actionsA: string[];
  actionsB: string[];
  items: ItemChange[];
}

export interface DocumentDiff {
  a: DocumentSummary;
  b: DocumentSummary;
  /** True when both are expressions (languages) of the same work. */
  sameWork: boolean;
  counts: { same: number; changed: number; added: number; dropped: number };
  paragraphs: ParagraphDiff[];
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  listDocuments(filter?: DocumentFilter): Promise<DocumentSummary[]>;
  getDocument(id: string): Promise<DocumentSummary | null>;
  /** The stored Analysis exactly as imported (all fields, `facts` included), or null. */
  getAnalysis(id: string): Promise<Analysis | null>;
  /** All versions of a document, newest first. */
  getHistory(id: string): Promise<DocumentVersion[]>;
  /** Analyse a file and store it (one transaction). Never throws for bad files: status 'failed'. */
  importFile(path: string, options?: ImportOptions): Promise<ImportOutcome>;
  /** Store an analysis made elsewhere (one transaction). */
  importAnalysis(analysis: Analysis, options?: ImportOptions): Promise<ImportOutcome>;
  deleteDocument(id: string): Promise<boolean>;
  /** Full-text search; throws StoreError('bad-query') for unusable queries. */
  search(query: SearchQuery): Promise<SearchResult>;
  listItems(filter?: ItemFilter): Promise<Item[]>;
  /** Timeline of an item given by id or by name words; null when nothing matches. */
  getItemTimeline(idOrName: string): Promise<ItemTimeline | null>;
  /** Aligned paragraph diff of two stored documents; throws StoreError('not-found'). */
  diff(idA: string, idB: string): Promise<DocumentDiff>;
  close(): Promise<void>;
}

/**
 * A store that also takes documents analysed and prepared elsewhere (prepare.ts): importFiles
 * analyses in worker threads and hands the results to it. KyselyStore implements it.
 */
export interface PreparedImportStore extends Store {
  /** The stored document whose input bytes have this sha256, if any. */
  findContent(contentHash: string): Promise<{ documentId: string; workId: string; version: number } | null>;
  /** Stores a prepared document (one transaction), as importAnalysis does after preparing. */
  importPrepared(prepared: PreparedDocument, options?: ImportOptions): Promise<ImportOutcome>;
}

export type StoreErrorCode = 'bad-url' | 'not-found' | 'bad-query' | 'unavailable' | 'internal';

/** The only error the store throws on purpose; `message` is safe to show (never raw SQL). */
export class StoreError extends Error {
  constructor(public readonly code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
