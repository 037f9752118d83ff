import { basename, resolve } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Analysis } from '../types.js';
import { alignParagraphs } from '../link/align.js';
import { extractItemMentions } from '../link/extractItems.js';
import { conceptsOf } from '../link/nameKey.js';
import { stanceRank } from '../link/stance.js';
import { findWords, termOf } from '../link/terms.js';
import { decodeAnalysis } from './analysisCodec.js';
import { analyseAndPrepare, readForImport } from './importSteps.js';
import type { Dialect } from './migrations.js';
import { planMentions } from './mentionPlan.js';
import { isAnalysis, prepareAnalysis, type PreparedDocument } from './prepare.js';
import type { ParagraphRows } from './rows.js';
import type { DB } from './schema.js';
import { parseQuery, toFts5, toTsquery } from './searchQuery.js';
import type { FacetFilter, FacetIndex, FacetRow } from './sqlite/facetIndex.js';
import type { SqliteRowWriter } from './sqlite/rowWriter.js';
import {
  StoreError, type DocumentDiff, type DocumentFilter, type DocumentSummary, type DocumentVersion, type ImportOptions,
  type ImportOutcome, type Item, type ItemChange, type ItemFilter, type ItemTimeline, type ItemType, type ParagraphDiff,
  type PreparedImportStore, type SearchHit, type SearchQuery, type SearchResult, type Stance, type TimelineEntry,
} from './types.js';

export { MAX_FILE_BYTES } from './importSteps.js';
const MAX_LIMIT = 500;
const SNIPPET_CHARS = 300;
const BATCH = 200;
const TAG_SEP = '\u001f';
/** Facet counts read at most this many matching paragraphs. */
export const FACET_ROWS = 20_000;

type Db = Kysely<DB>;
type Tx = Transaction<DB>;

function now(): string {
  return new Date().toISOString();
}

function clampLimit(n: number | undefined, dflt: number): number {
  if (n === undefined || !Number.isFinite(n)) return dflt;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(n)));
}

function debugReason(e: unknown): string {
  return process.env.CONCORD_DEBUG ? ` (${(e as Error)?.message ?? String(e)})` : '';
}

/** Slug for ids: lower-case letters, digits, dots and dashes. */
function slug(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'document';
}

/** A Buffer over the same bytes (encoded analyses from a worker arrive as plain Uint8Arrays). */
function toBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

interface DocRow {
  id: string; work_id: string; language: string; organization: string | null; title: string | null; date: string | null;
  year: number | null; place: string | null; source: string | null; content_hash: string; version: number;
  paragraph_count: number; imported_at: string;
}

function toSummary(r: DocRow): DocumentSummary {
  return {
    id: r.id, workId: r.work_id, language: r.language, organization: r.organization, title: r.title, date: r.date,
    year: r.year === null ? null : Number(r.year), place: r.place, source: r.source, contentHash: r.content_hash,
    version: Number(r.version), paragraphCount: Number(r.paragraph_count), importedAt: r.imported_at,
  };
}

const SUMMARY_COLUMNS = ['id', 'work_id', 'language', 'organization', 'title', 'date', 'year', 'place', 'source', 'content_hash', 'version', 'paragraph_count', 'imported_at'] as const;

/**
 * The Store on a Kysely database (SQLite or PostgreSQL). Writes happen in one transaction per
 * document; full-text search uses FTS5 (SQLite) or a tsvector (PostgreSQL) over terms stemmed
 * in JS (src/link/terms.ts), so both back ends rank the same words.
 */
export class KyselyStore implements PreparedImportStore {
  /**
   * `rowWriter`: SQLite's fast path for the paragraph rows (sqlite/rowWriter.ts), on the same
   * connection as `db`; without it (PostgreSQL) the rows go through Kysely.
   */
  constructor(readonly db: Db, readonly kind: Dialect, private readonly onClose: () => Promise<void>, sqliteParts: { rowWriter?: SqliteRowWriter; facetIndex?: FacetIndex } = {}) {
    this.rowWriter = sqliteParts.rowWriter;
    this.facetIndex = sqliteParts.facetIndex;
  }

  private readonly rowWriter: SqliteRowWriter | undefined;
  private readonly facetIndex: FacetIndex | undefined;
  private facetRefresh: Promise<void> | null = null;

  /**
   * Loads the paragraphs stored since the facet index last looked (by this or another process).
   * Through Kysely, so it waits for a transaction of this store and never sees uncommitted rows.
   */
  private refreshFacetIndex(): Promise<void> {
    const index = this.facetIndex;
    if (!index) return Promise.resolve();
    this.facetRefresh ??= (async () => {
      const top = await sql<{ m: number | null }>`SELECT max(id) AS m FROM paragraphs`.execute(this.db);
      const max = Number(top.rows[0]?.m ?? 0);
      while (index.loadedTo < max) {
        const rows = await sql<FacetRow>`SELECT id, organization, year, language, commitment, tags FROM paragraphs WHERE id > ${index.loadedTo} AND id <= ${max} ORDER BY id LIMIT 50000`.execute(this.db);
        if (rows.rows.length === 0) break;
        index.add(rows.rows);
      }
    })().finally(() => {
      this.facetRefresh = null;
    });
    return this.facetRefresh;
  }

  private async guard<T>(what: string, f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      if (e instanceof StoreError) throw e;
      throw new StoreError('internal', `could not ${what}: database error${debugReason(e)}`);
    }
  }

  async listDocuments(filter: DocumentFilter = {}): Promise<DocumentSummary[]> {
    return this.guard('list documents', async () => {
      let q = this.db.selectFrom('documents').select([...SUMMARY_COLUMNS]);
      if (filter.org) q = q.where('organization', '=', filter.org);
      if (filter.year !== undefined) q = q.where('year', '=', filter.year);
      if (filter.lang) q = q.where('language', '=', filter.lang);
      if (filter.workId) q = q.where('work_id', '=', filter.workId);
      const rows = await q.orderBy('date').orderBy('id').limit(clampLimit(filter.limit, 100)).offset(Math.max(0, filter.offset ?? 0)).execute();
      return rows.map((r) => toSummary(r as DocRow));
    });
  }

  async getDocument(id: string): Promise<DocumentSummary | null> {
    return this.guard('read the document', async () => {
      const r = await this.db.selectFrom('documents').select([...SUMMARY_COLUMNS]).where('id', '=', String(id)).executeTakeFirst();
      return r ? toSummary(r as DocRow) : null;
    });
  }

  async getAnalysis(id: string): Promise<Analysis | null> {
    return this.guard('read the analysis', async () => {
      const r = await this.db.selectFrom('documents').select('analysis').where('id', '=', String(id)).executeTakeFirst();
      return r ? decodeAnalysis(r.analysis) : null;
    });
  }

  async getHistory(id: string): Promise<DocumentVersion[]> {
    return this.guard('read the history', async () => {
      const cur = await this.db.selectFrom('documents').select(['id', 'version', 'content_hash', 'source', 'imported_at']).where('id', '=', id).executeTakeFirst();
      const old = await this.db.selectFrom('document_versions').select(['document_id', 'version', 'content_hash', 'source', 'imported_at', 'replaced_at']).where('document_id', '=', id).orderBy('version', 'desc').execute();
      const out: DocumentVersion[] = [];
      if (cur) out.push({ documentId: cur.id, version: Number(cur.version), contentHash: cur.content_hash, source: cur.source, importedAt: cur.imported_at, replacedAt: null });
      for (const o of old) out.push({ documentId: o.document_id, version: Number(o.version), contentHash: o.content_hash, source: o.source, importedAt: o.imported_at, replacedAt: o.replaced_at });
      return out;
    });
  }

  async importFile(path: string, options: ImportOptions = {}): Promise<ImportOutcome> {
    const source = options.source ?? resolve(path);
    const read = await readForImport(path, source);
    if (!read.ok) return read.outcome;
    const { bytes, contentHash } = read;
    let existing;
    try {
      existing = await this.findByHash(contentHash);
    } catch (e) {
      return { status: 'failed', source, bytes: bytes.length, reason: `could not read the store: database error${debugReason(e)}` };
    }
    if (existing) return { status: 'unchanged', source, bytes: bytes.length, documentId: existing.id, workId: existing.work_id, version: Number(existing.version) };
    const p = await analyseAndPrepare({ bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), filename: basename(path), ...(options.lang ? { lang: options.lang } : {}), contentHash });
    if (!p.ok) return { status: 'failed', source, bytes: bytes.length, reason: p.reason };
    const out = await this.importPrepared(p.prepared, { ...options, source, contentHash });
    return { ...out, bytes: bytes.length };
  }

  private async findByHash(hash: string): Promise<{ id: string; work_id: string; version: number } | undefined> {
    return this.db.selectFrom('documents').select(['id', 'work_id', 'version']).where('content_hash', '=', hash).executeTakeFirst();
  }

  async importAnalysis(analysis: Analysis, options: ImportOptions = {}): Promise<ImportOutcome> {
    const source = options.source ?? analysis?.document?.source ?? null;
    const label = source ?? analysis?.document?.id ?? 'analysis';
    if (!isAnalysis(analysis)) {
      return { status: 'failed', source: label, bytes: 0, reason: 'not an analysis (document and paragraphs are required)' };
    }
    const p = prepareAnalysis(analysis, options.contentHash, !!process.env.CONCORD_DEBUG);
    if (!p.ok) return { status: 'failed', source: label, bytes: 0, reason: p.reason };
    return this.importPrepared(p.prepared, options);
  }

  /**
   * Stores a prepared analysis (prepare.ts) in one transaction: what importAnalysis does after
   * preparing, and what importFiles' workers hand to the main thread.
   */
  async importPrepared(prepared: PreparedDocument, options: ImportOptions = {}): Promise<ImportOutcome> {
    const source = options.source ?? prepared.analysisSource ?? null;
    const label = source ?? prepared.document.id ?? 'analysis';
    try {
      return await this.db.transaction().execute(async (trx) => this.writeDocument(trx, prepared, source, options.workId, label));
    } catch (e) {
      if (e instanceof StoreError) return { status: 'failed', source: label, bytes: 0, reason: e.message };
      return { status: 'failed', source: label, bytes: 0, reason: `could not store the document: database error${debugReason(e)}` };
    }
  }

  /** The stored document with these input bytes (sha256), if any. */
  async findContent(contentHash: string): Promise<{ documentId: string; workId: string; version: number } | null> {
    const r = await this.findByHash(contentHash);
    return r ? { documentId: r.id, workId: r.work_id, version: Number(r.version) } : null;
  }

  private async writeDocument(trx: Tx, prepared: PreparedDocument, source: string | null, workOption: string | undefined, label: string): Promise<ImportOutcome> {
    const { contentHash, rows } = prepared;
    const same = await trx.selectFrom('documents').select(['id', 'work_id', 'version']).where('content_hash', '=', contentHash).executeTakeFirst();
    if (same) return { status: 'unchanged', source: label, bytes: 0, documentId: same.id, workId: same.work_id, version: Number(same.version) };
    const doc = prepared.document;
    const stamp = now();
    const date = typeof doc.date === 'string' ? doc.date : null;
    const yearMatch = date ? /^(\d{4})/.exec(date) : null;
    const year = yearMatch ? Number(yearMatch[1]) : null;
    const lang = typeof doc.language === 'string' && doc.language ? doc.language : 'und';
    const previous = source ? await trx.selectFrom('documents').selectAll().where('source', '=', source).executeTakeFirst() : undefined;
    let id: string;
    let version = 1;
    let workId: string;
    if (previous) {
      id = previous.id;
      version = Number(previous.version) + 1;
      await trx.insertInto('document_versions').values({
        document_id: previous.id, version: Number(previous.version), content_hash: previous.content_hash, source: previous.source,
        imported_at: previous.imported_at, replaced_at: stamp, analysis: previous.analysis,
      }).execute();
      await this.deleteRows(trx, id);
      workId = workOption ?? (await this.findWork(trx, doc.organization, date, doc.place, id)) ?? previous.work_id;
      await trx.deleteFrom('documents').where('id', '=', id).execute();
    } else {
      const base = slug(String(doc.id || (source ? basename(source).replace(/\.[^.]+$/, '') : 'document')));
      id = await this.uniqueDocumentId(trx, base, lang);
      workId = workOption ?? (await this.findWork(trx, doc.organization, date, doc.place, null)) ?? (await this.uniqueWorkId(trx, base.replace(/\.(fr|en|ru|zh|[a-z]{2})$/, '')));
    }
    const work = await trx.selectFrom('works').select('id').where('id', '=', workId).executeTakeFirst();
    if (!work) await trx.insertInto('works').values({ id: workId, organization: doc.organization ?? null, date, place: doc.place ?? null, created_at: stamp }).execute();
    await trx.insertInto('documents').values({
      id, work_id: workId, language: lang, organization: doc.organization ?? null, title: doc.title ?? null, date, year,
      place: doc.place ?? null, source, content_hash: contentHash, version, paragraph_count: rows.length, imported_at: stamp, analysis: toBuffer(prepared.encoded),
    }).execute();
    if (this.rowWriter) this.rowWriter.writeParagraphs(id, doc.organization ?? null, year, rows);
    else await this.writeParagraphs(trx, id, doc.organization ?? null, year, rows);
    return { status: previous ? 'replaced' : 'imported', source: label, bytes: 0, documentId: id, workId, version };
  }

  private async uniqueDocumentId(trx: Tx, base: string, lang: string): Promise<string> {
    const candidates = [base, base.endsWith('.' + lang) ? null : `${base}.${lang}`].filter((x): x is string => !!x);
    for (const c of candidates) if (!(await trx.selectFrom('documents').select('id').where('id', '=', c).executeTakeFirst())) return c;
    for (let i = 2; ; i++) {
      const c = `${base}-${i}`;
      if (!(await trx.selectFrom('documents').select('id').where('id', '=', c).executeTakeFirst())) return c;
    }
  }

  private async uniqueWorkId(trx: Tx, base: string): Promise<string> {
    for (let i = 1; ; i++) {
      const c = i === 1 ? base : `${base}-${i}`;
      const used = await trx.selectFrom('works').select('id').where('id', '=', c).executeTakeFirst();
      if (!used) return c;
    }
  }

  /** The work with the same organisation, date and place (all known), other than `exceptDoc`'s own. */
  private async findWork(trx: Tx, org: string | null | undefined, date: string | null, place: string | null | undefined, exceptDoc: string | null): Promise<string | null> {
    if (!org || !date || !place) return null;
    let q = trx.selectFrom('documents').select('work_id').where('organization', '=', org).where('date', '=', date).where('place', '=', place);
    if (exceptDoc) q = q.where('id', '!=', exceptDoc);
    const r = await q.executeTakeFirst();
    return r?.work_id ?? null;
  }

  private async deleteRows(trx: Tx, id: string): Promise<void> {
    if (this.kind === 'sqlite') await sql`DELETE FROM paragraph_fts WHERE rowid IN (SELECT id FROM paragraphs WHERE document_id = ${id})`.execute(trx);
    await trx.deleteFrom('mentions').where('document_id', '=', id).execute();
    await trx.deleteFrom('findings').where('document_id', '=', id).execute();
    await trx.deleteFrom('paragraph_tags').where('document_id', '=', id).execute();
    await trx.deleteFrom('paragraphs').where('document_id', '=', id).execute();
  }

  private async writeParagraphs(trx: Tx, documentId: string, organization: string | null, year: number | null, rows: ParagraphRows[]): Promise<void> {
    const ids: number[] = [];
    for (const batch of chunks(rows, BATCH)) {
      const inserted = await trx.insertInto('paragraphs').values(batch.map((r) => ({
        document_id: documentId, n: r.n, e_id: r.eId, kind: r.kind, num: r.num, language: r.language, organization, year,
        commitment: r.commitment, text: r.text, terms: r.terms, tags: r.tags.map((t) => `${t.facet}:${t.value}`).join(TAG_SEP),
      }))).returning('id').execute();
      for (const x of inserted) ids.push(Number(x.id));
    }
    if (this.kind === 'sqlite') {
      for (const batch of chunks(rows.map((r, i) => ({ id: ids[i]!, terms: r.terms })), BATCH)) {
        await sql`INSERT INTO paragraph_fts(rowid, terms) VALUES ${sql.join(batch.map((b) => sql`(${b.id}, ${b.terms})`))}`.execute(trx);
      }
    } else {
      await sql`UPDATE paragraphs SET tsv = to_tsvector('simple', terms) WHERE document_id = ${documentId}`.execute(trx);
    }
    const tags = rows.flatMap((r, i) => r.tags.map((t) => ({ paragraph_id: ids[i]!, document_id: documentId, facet: t.facet, value: t.value })));
    for (const batch of chunks(tags, BATCH * 2)) await trx.insertInto('paragraph_tags').values(batch).execute();
    const findings = rows.flatMap((r, i) => r.findings.map((f) => ({ paragraph_id: ids[i]!, document_id: documentId, e_id: r.eId, ...f })));
    for (const batch of chunks(findings, BATCH)) await trx.insertInto('findings').values(batch).execute();
    await this.writeMentions(trx, documentId, rows, ids);
  }

  /** Resolve each mention to a canonical item (reference id, else name key) and store it. */
  private async writeMentions(trx: Tx, documentId: string, rows: ParagraphRows[], ids: number[]): Promise<void> {
    const all = rows.flatMap((r, i) => r.mentions.map((m) => ({ m, r, pid: ids[i]! })));
    if (all.length === 0) return;
    const keys = [...new Set(all.map((x) => x.m.key).filter((k) => k))];
    const known = new Map<string, string>();
    for (const batch of chunks(keys, BATCH)) {
      // A key may name several items (a reference id and a name-only item); the first one stored wins.
      for (const k of await trx.selectFrom('item_keys').select(['key', 'item_id']).where('key', 'in', batch).orderBy('item_id').execute()) if (!known.has(k.key)) known.set(k.key, k.item_id);
    }
    const refs = [...new Set(all.map((x) => x.m.ref).filter((r): r is string => !!r))];
    const existingItems = new Set<string>();
    const wantIds = [...new Set([...refs, ...known.values()])];
    for (const batch of chunks(wantIds, BATCH)) {
      for (const it of await trx.selectFrom('items').select('id').where('id', 'in', batch).execute()) existingItems.add(it.id);
    }
    const plan = planMentions(rows, ids, known, existingItems);
    const mentionRows = plan.mentions.map(({ itemId, m, r, paragraphId }) => ({
      item_id: itemId, document_id: documentId, paragraph_id: paragraphId, e_id: r.eId, language: r.language, stance: m.stance,
      words: m.text, action_words: m.actionWords, proposer: m.proposer, start: m.start, end: m.end, rule: m.rule,
    }));
    for (const batch of chunks(plan.items, BATCH)) await trx.insertInto('items').values(batch).onConflict((oc) => oc.column('id').doNothing()).execute();
    for (const batch of chunks(plan.keys, BATCH)) await trx.insertInto('item_keys').values(batch).onConflict((oc) => oc.columns(['key', 'item_id']).doNothing()).execute();
    for (const batch of chunks(mentionRows, BATCH)) await trx.insertInto('mentions').values(batch).execute();
  }

  async deleteDocument(id: string): Promise<boolean> {
    return this.guard('delete the document', async () =>
      this.db.transaction().execute(async (trx) => {
        const r = await trx.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
        if (!r) return false;
        await this.deleteRows(trx, id);
        await trx.deleteFrom('documents').where('id', '=', id).execute();
        return true;
      }),
    );
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const parsed = parseQuery(query?.q, query.lang);
    const limit = clampLimit(query.limit, 20);
    const offset = Math.max(0, Math.min(10_000, Math.floor(query.offset ?? 0)));
    return this.guard('search', async () => {
      const conds = [];
      if (query.org) conds.push(sql`p.organization = ${String(query.org)}`);
      if (query.year !== undefined && Number.isFinite(query.year)) conds.push(sql`p.year = ${Math.floor(query.year)}`);
      if (query.lang) conds.push(sql`p.language = ${String(query.lang)}`);
      if (query.commitment !== undefined) conds.push(sql`p.commitment = ${query.commitment ? 1 : 0}`);
      const tagConds: Array<[string, string]> = [];
      for (const [facet, value] of [['topic', query.topic], ['action', query.action], ['state', query.state]] as const) {
        if (value) tagConds.push([facet, String(value)]);
        if (value) conds.push(sql`EXISTS (SELECT 1 FROM paragraph_tags t WHERE t.paragraph_id = p.id AND t.facet = ${facet} AND t.value = ${String(value)})`);
      }
      const sqlite = this.kind === 'sqlite';
      const expr = sqlite ? toFts5(parsed) : toTsquery(parsed);
      const from = sqlite
        ? sql`paragraph_fts JOIN paragraphs p ON p.id = paragraph_fts.rowid`
        : sql`paragraphs p`;
      const match = sqlite ? sql`paragraph_fts MATCH ${expr}` : sql`p.tsv @@ to_tsquery('simple', ${expr})`;
      const where = sql.join([match, ...conds], sql` AND `);
      const rank = sqlite ? sql`bm25(paragraph_fts)` : sql`-ts_rank(p.tsv, to_tsquery('simple', ${expr}))`;
      const indexFilter: FacetFilter = {
        ...(query.org ? { org: String(query.org) } : {}),
        ...(query.year !== undefined && Number.isFinite(query.year) ? { year: Math.floor(query.year) } : {}),
        ...(query.lang ? { lang: String(query.lang) } : {}),
        ...(query.commitment !== undefined ? { commitment: query.commitment ? 1 : 0 } : {}),
        tags: tagConds.map(([facet, value]) => `${facet}:${value}`),
      };
      /** Ids of every match (with the filters) when the facet index found them. */
      let matched: number[] | null = null;
      type HitRow = { id: number; document_id: string; e_id: string; n: number; language: string; text: string; organization: string | null; date: string | null; title: string | null; rank: number };
      let hitRows: HitRow[];
      if (sqlite && conds.length === 0) {
        // Fast path: FTS5 ranks and cuts by itself when the query touches the FTS table alone.
        const top = await sql<{ id: number; rank: number }>`SELECT rowid AS id, rank FROM paragraph_fts WHERE paragraph_fts MATCH ${expr} ORDER BY rank LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
        const ids = top.rows.map((r) => Number(r.id));
        const byId = new Map<number, HitRow>();
        if (ids.length) {
          const rows = await sql<HitRow>`SELECT p.id, p.document_id, p.e_id, p.n, p.language, p.text, d.organization, d.date, d.title, 0 AS rank
            FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id IN (${sql.join(ids)})`.execute(this.db);
          for (const r of rows.rows) byId.set(Number(r.id), r);
        }
        hitRows = top.rows.flatMap((t) => {
          const r = byId.get(Number(t.id));
          return r ? [{ ...r, rank: Number(t.rank) }] : [];
        });
      } else if (this.facetIndex) {
        // SQLite with filters: every match with its rank from FTS5, filtered in the facet index
        // instead of joining each matching paragraph row; the same order as ORDER BY rank, p.id.
        await this.refreshFacetIndex();
        const ranked = await sql<{ id: number; rank: number }>`SELECT rowid AS id, rank FROM paragraph_fts WHERE ${match} ORDER BY rank, rowid`.execute(this.db);
        const rankOf = new Map<number, number>();
        for (const r of ranked.rows) rankOf.set(Number(r.id), Number(r.rank));
        matched = this.facetIndex.filter(ranked.rows.map((r) => Number(r.id)), indexFilter);
        const page = matched.slice(offset, offset + limit);
        const byId = new Map<number, HitRow>();
        if (page.length) {
          const rows = await sql<HitRow>`SELECT p.id, p.document_id, p.e_id, p.n, p.language, p.text, d.organization, d.date, d.title, 0 AS rank
            FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id IN (${sql.join(page)})`.execute(this.db);
          for (const r of rows.rows) byId.set(Number(r.id), r);
        }
        hitRows = page.flatMap((id) => {
          const r = byId.get(id);
          return r ? [{ ...r, rank: rankOf.get(id)! }] : [];
        });
      } else {
        hitRows = (await sql<HitRow>`
          SELECT p.id, p.document_id, p.e_id, p.n, p.language, p.text, d.organization, d.date, d.title, ${rank} AS rank
          FROM ${from} JOIN documents d ON d.id = p.document_id
          WHERE ${where} ORDER BY rank, p.id LIMIT ${limit} OFFSET ${offset}`.execute(this.db)).rows;
      }
      let facets: SearchResult['facets'] = { org: {}, year: {}, lang: {}, topic: {}, action: {}, state: {}, commitment: {} };
      let total: number;
      let facetsSampled = false;
      if (matched || (this.facetIndex && query.facets !== false)) {
        // SQLite: the full-text row ids, filtered and counted in the in-memory facet index
        // (sqlite/facetIndex.ts); exact over every match, and the total comes with it.
        if (!matched) {
          await this.refreshFacetIndex();
          const ids = await sql<{ id: number }>`SELECT rowid AS id FROM paragraph_fts WHERE ${match} ORDER BY rowid`.execute(this.db);
          matched = this.facetIndex!.filter(ids.rows.map((r) => Number(r.id)), indexFilter);
        }
        total = matched.length;
        if (total > 0 && query.facets !== false) facets = this.facetIndex!.count(matched);
      } else {
        const countFrom = sqlite && conds.length === 0 ? sql`paragraph_fts WHERE ${match}` : sql`${from} WHERE ${where}`;
        const c = await sql<{ c: number }>`SELECT count(*) AS c FROM ${countFrom}`.execute(this.db);
        total = Number(c.rows[0]?.c ?? 0);
        if (query.facets !== false && total > 0) {
          // Facets count at most FACET_ROWS matching paragraphs (bounded work on huge result sets);
          // facetsSampled says when the counts are of a sample.
          facetsSampled = total > FACET_ROWS;
          // One pass over the matching paragraphs; the tag list is split here rather than joined in SQL.
          const rows = await sql<{ organization: string | null; year: number | null; language: string; commitment: number; tags: string }>`
            SELECT p.organization, p.year, p.language, p.commitment, p.tags FROM ${from} WHERE ${where} LIMIT ${FACET_ROWS}`.execute(this.db);
          const add = (k: keyof SearchResult['facets'], v: string | null) => {
            if (v === null || v === '') return;
            facets[k][v] = (facets[k][v] ?? 0) + 1;
          };
          for (const r of rows.rows) {
            add('org', r.organization);
            add('year', r.year === null ? null : String(r.year));
            add('lang', r.language);
            add('commitment', Number(r.commitment) === 1 ? 'true' : 'false');
            if (!r.tags) continue;
            for (const t of r.tags.split(TAG_SEP)) {
              const colon = t.indexOf(':');
              const f = t.slice(0, colon);
              if (f === 'topic' || f === 'action' || f === 'state') add(f, t.slice(colon + 1));
            }
          }
        }
      }
      if (query.facets !== false && total > 0) for (const k of Object.keys(facets) as Array<keyof SearchResult['facets']>) facets[k] = topCounts(facets[k], 50);
      const hitsQ = { rows: hitRows };
      const hits: SearchHit[] = hitsQ.rows.map((r) => {
        const highlights = highlightWords(r.text, r.language, parsed.terms);
        const { snippet, snippetHighlights } = makeSnippet(r.text, highlights);
        return {
          documentId: r.document_id, eId: r.e_id, n: Number(r.n), language: r.language, organization: r.organization, date: r.date, title: r.title,
          snippet, snippetHighlights, highlights, score: Math.round(-Number(r.rank) * 1000) / 1000,
        };
      });
      return { query: query.q, total, hits, facets, ...(facetsSampled ? { facetsSampled } : {}) };
    });
  }

  async listItems(filter: ItemFilter = {}): Promise<Item[]> {
    return this.guard('list items', async () => {
      let q = this.db.selectFrom('items').innerJoin('mentions', 'mentions.item_id', 'items.id').innerJoin('documents', 'documents.id', 'mentions.document_id')
        .select(['items.id', 'items.type', 'items.name', 'items.ref'])
        .select((eb) => [eb.fn.count<number>('mentions.id').as('mentions'), eb.fn.count<number>('mentions.document_id').distinct().as('docs')])
        .groupBy(['items.id', 'items.type', 'items.name', 'items.ref']);
      if (filter.type) q = q.where('items.type', '=', String(filter.type));
      if (filter.org) q = q.where('documents.organization', '=', String(filter.org));
      let ids: string[] | null = null;
      if (filter.q) {
        ids = await this.itemIdsMatching(filter.q);
        if (ids.length === 0) return [];
        q = q.where('items.id', 'in', ids.slice(0, 1000));
      }
      const rows = await q.orderBy('docs', 'desc').orderBy('mentions', 'desc').orderBy('items.id').limit(clampLimit(filter.limit, 100)).execute();
      return this.decorateItems(rows.map((r) => ({ id: r.id, type: r.type, name: r.name, ref: r.ref, mentions: Number(r.mentions), docs: Number(r.docs) })));
    });
  }

  private async decorateItems(rows: Array<{ id: string; type: string; name: string; ref: string | null; mentions: number; docs: number }>): Promise<Item[]> {
    if (rows.length === 0) return [];
    const names = new Map<string, Record<string, string[]>>();
    const orgs = new Map<string, Set<string>>();
    for (const batch of chunks(rows.map((r) => r.id), BATCH)) {
      const ms = await this.db.selectFrom('mentions').innerJoin('documents', 'documents.id', 'mentions.document_id')
        .select(['mentions.item_id', 'mentions.language', 'mentions.words', 'documents.organization']).where('mentions.item_id', 'in', batch).limit(20_000).execute();
      for (const m of ms) {
        const byLang = names.get(m.item_id) ?? {};
        const list = (byLang[m.language] ??= []);
        if (!list.includes(m.words) && list.length < 10) list.push(m.words);
        names.set(m.item_id, byLang);
        if (m.organization) {
          const s = orgs.get(m.item_id) ?? new Set<string>();
          s.add(m.organization);
          orgs.set(m.item_id, s);
        }
      }
    }
    return rows.map((r) => {
      const byLang = names.get(r.id) ?? {};
      return {
        id: r.id, type: r.type as ItemType, name: byLang.en?.[0] ?? r.name, names: byLang, ref: r.ref,
        documentCount: r.docs, mentionCount: r.mentions, organizations: [...(orgs.get(r.id) ?? [])].sort(),
      };
    });
  }

  /** Items whose key holds every concept of the words (any language); best (most documents) first. */
  private async itemIdsMatching(words: string): Promise<string[]> {
    const want = new Set<string>();
    for (const lang of ['en', 'fr', 'ru', 'zh']) {
      const c = conceptsOf(words.slice(0, 300), lang);
      if (c.length) want.add(c.join(' '));
    }
    if (want.size === 0) return [];
    const alternatives = [...want].map((w) => [...new Set(w.split(' '))]);
    // Narrow in SQL with the rarest-looking concept, then check every concept in JS.
    const first = alternatives.map((a) => a.reduce((x, y) => (y.length > x.length ? y : x)));
    const cands = new Map<string, string>();
    for (const f of new Set(first)) {
      const rows = await this.db.selectFrom('item_keys').select(['key', 'item_id']).where('key', 'like', `%${f.replace(/[%_\\]/g, '')}%`).limit(5000).execute();
      for (const r of rows) cands.set(r.key, r.item_id);
    }
    const ids = new Set<string>();
    for (const [key, id] of cands) {
      const have = new Set(key.split(' '));
      if (alternatives.some((a) => a.every((c) => have.has(c)))) ids.add(id);
    }
    const direct = await this.db.selectFrom('items').select('id').where((eb) => eb.or([eb('id', '=', words), eb('ref', '=', words)])).execute();
    for (const d of direct) ids.add(d.id);
    return [...ids];
  }

  async getItemTimeline(idOrName: string): Promise<ItemTimeline | null> {
    if (typeof idOrName !== 'string' || !idOrName.trim()) throw new StoreError('bad-query', 'name an item (an id or some words of its name)');
    if (idOrName.length > 500) throw new StoreError('bad-query', 'the item name is too long (at most 500 characters)');
    return this.guard('read the timeline', async () => {
      const exact = await this.db.selectFrom('items').select('id').where((eb) => eb.or([eb('id', '=', idOrName), eb('ref', '=', idOrName)])).execute();
      const ids = exact.length ? exact.map((e) => e.id) : await this.itemIdsMatching(idOrName);
      if (ids.length === 0) return null;
      const items = await this.listItemsByIds(ids.slice(0, 200));
      if (items.length === 0) return null;
      const entries: ItemTimeline['entries'] = [];
      for (const batch of chunks(items.map((i) => i.id), BATCH)) {
        const rows = await this.db.selectFrom('mentions').innerJoin('documents', 'documents.id', 'mentions.document_id')
          .select(['mentions.item_id', 'mentions.document_id', 'documents.work_id', 'documents.organization', 'documents.date', 'mentions.language', 'mentions.e_id', 'mentions.stance', 'mentions.words', 'mentions.action_words', 'mentions.proposer', 'mentions.start', 'mentions.end', 'mentions.paragraph_id'])
          .where('mentions.item_id', 'in', batch).limit(5000).execute();
        for (const r of rows) {
          entries.push({
            itemId: r.item_id, documentId: r.document_id, workId: r.work_id, organization: r.organization, date: r.date, language: r.language,
            eId: r.e_id, stance: r.stance as Stance, words: r.words, actionWords: r.action_words, proposer: r.proposer, start: Number(r.start), end: Number(r.end),
          } satisfies TimelineEntry & { itemId: string });
        }
      }
      entries.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.documentId.localeCompare(b.documentId) || a.eId.localeCompare(b.eId, undefined, { numeric: true }) || a.start - b.start);
      return { item: items[0]!, matched: items, entries };
    });
  }

  private async listItemsByIds(ids: string[]): Promise<Item[]> {
    const rows = await this.db.selectFrom('items').innerJoin('mentions', 'mentions.item_id', 'items.id')
      .select(['items.id', 'items.type', 'items.name', 'items.ref'])
      .select((eb) => [eb.fn.count<number>('mentions.id').as('mentions'), eb.fn.count<number>('mentions.document_id').distinct().as('docs')])
      .where('items.id', 'in', ids).groupBy(['items.id', 'items.type', 'items.name', 'items.ref'])
      .orderBy('docs', 'desc').orderBy('mentions', 'desc').orderBy('items.id').execute();
    return this.decorateItems(rows.map((r) => ({ id: r.id, type: r.type, name: r.name, ref: r.ref, mentions: Number(r.mentions), docs: Number(r.docs) })));
  }

  async diff(idA: string, idB: string): Promise<DocumentDiff> {
    const [a, b] = await Promise.all([this.getDocument(idA), this.getDocument(idB)]);
    if (!a) throw new StoreError('not-found', `no document with id ${JSON.stringify(String(idA).slice(0, 100))}`);
    if (!b) throw new StoreError('not-found', `no document with id ${JSON.stringify(String(idB).slice(0, 100))}`);
    const [xa, xb] = await Promise.all([this.getAnalysis(a.id), this.getAnalysis(b.id)]);
    if (!xa || !xb) throw new StoreError('not-found', 'a document vanished while reading it');
    return diffAnalyses(a, xa, b, xb);
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}

function topCounts(c: Record<string, number>, n: number): Record<string, number> {
  return Object.fromEntries(Object.entries(c).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, n));
}

/** Offsets of the words of `text` whose index term is one of `terms`. */
export function highlightWords(text: string, lang: string, terms: Set<string>): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const w of findWords(text, lang)) if (terms.has(termOf(w.word, lang))) out.push({ start: w.start, end: w.end });
  return out;
}

/** A window of the paragraph around its first highlight, cut at word boundaries. */
export function makeSnippet(text: string, highlights: Array<{ start: number; end: number }>): { snippet: string; snippetHighlights: Array<{ start: number; end: number }> } {
  if (text.length <= SNIPPET_CHARS) return { snippet: text, snippetHighlights: highlights };
  const first = highlights[0]?.start ?? 0;
  let from = Math.max(0, first - 80);
  if (from > 0) {
    const sp = text.indexOf(' ', from);
    if (sp !== -1 && sp < first) from = sp + 1;
  }
  let to = Math.min(text.length, from + SNIPPET_CHARS);
  if (to < text.length) {
    const sp = text.lastIndexOf(' ', to);
    if (sp > from + 100) to = sp;
  }
  const pre = from > 0 ? '…' : '';
  const snippet = pre + text.slice(from, to) + (to < text.length ? '…' : '');
  const snippetHighlights = highlights.filter((h) => h.start >= from && h.end <= to).map((h) => ({ start: h.start - from + pre.length, end: h.end - from + pre.length }));
  return { snippet, snippetHighlights };
}

/** Aligned paragraph diff of two analyses (pure: reads only the two analyses). */
export function diffAnalyses(a: DocumentSummary, xa: Analysis, b: DocumentSummary, xb: Analysis): DocumentDiff {
  const sameWork = a.workId === b.workId;
  const pa = xa.paragraphs ?? [];
  const pb = xb.paragraphs ?? [];
  const pairs = alignParagraphs(pa, String(a.language), pb, String(b.language), sameWork);
  const sameLang = a.language === b.language;
  const counts = { same: 0, changed: 0, added: 0, dropped: 0 };
  const paragraphs: ParagraphDiff[] = pairs.map((pair) => {
    const x = pair.a === null ? null : pa[pair.a]!;
    const y = pair.b === null ? null : pb[pair.b]!;
    const actionsA = x ? (x.actions ?? []).map((t) => t.category) : [];
    const actionsB = y ? (y.actions ?? []).map((t) => t.category) : [];
    const items = itemChanges(x ? extractItemMentions(x, String(a.language)) : [], y ? extractItemMentions(y, String(b.language)) : []);
    let change: ParagraphDiff['change'];
    if (!x) change = 'added';
    else if (!y) change = 'dropped';
    else {
      const textSame = sameLang ? x.text === y.text : true;
      const structSame = Boolean(x.commitment) === Boolean(y.commitment) && [...actionsA].sort().join() === [...actionsB].sort().join() && items.every((i) => i.stanceA === i.stanceB);
      change = textSame && structSame ? 'same' : 'changed';
    }
    counts[change]++;
    return {
      change, eIdA: x?.eId ?? null, eIdB: y?.eId ?? null, textA: x?.text ?? null, textB: y?.text ?? null, method: pair.method, similarity: pair.similarity,
      commitmentA: x ? Boolean(x.commitment) : null, commitmentB: y ? Boolean(y.commitment) : null, actionsA, actionsB,
      items: change === 'same' ? [] : items,
    };
  });
  return { a, b, sameWork, counts, paragraphs };
}

/**
 * Pairs the item mentions of two aligned paragraphs: same reference id, else same name key,
 * else the most similar keys (Jaccard of concepts ≥ 0.5), since the two texts may name a thing
 * with more or fewer words ("SCO Development Fund (Special Account)" vs "Fonds de développement").
 */
function itemChanges(ma: ReturnType<typeof extractItemMentions>, mb: ReturnType<typeof extractItemMentions>): ItemChange[] {
  type M = ReturnType<typeof extractItemMentions>[number];
  const strongest = (ms: M[]): Stance => ms.reduce<Stance>((cur, m) => (stanceRank(m.stance) > stanceRank(cur) ? m.stance : cur), ms[0]!.stance);
  const group = (ms: M[]) => {
    const g = new Map<string, M[]>();
    for (const m of ms) {
      const k = m.ref ?? `${m.type}:${m.key}`;
      const list = g.get(k) ?? [];
      list.push(m);
      g.set(k, list);
    }
    return [...g.entries()].map(([id, list]) => ({ id, list, ref: list[0]!.ref, key: new Set(list[0]!.key.split(' ')) }));
  };
  const ga = group(ma);
  const gb = group(mb);
  const used = new Set<number>();
  const out: ItemChange[] = [];
  const sim = (x: Set<string>, y: Set<string>) => {
    let inter = 0;
    for (const t of x) if (y.has(t)) inter++;
    return inter / Math.max(1, x.size + y.size - inter);
  };
  for (const a of ga) {
    let best = -1;
    let bestScore = 0;
    gb.forEach((b, j) => {
      if (used.has(j)) return;
      const score = a.ref && b.ref ? (a.ref === b.ref ? 2 : 0) : sim(a.key, b.key);
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    });
    const first = a.list[0]!;
    if (best >= 0 && bestScore >= 0.5) {
      used.add(best);
      out.push({ itemId: a.id, name: first.text, type: first.type, stanceA: strongest(a.list), stanceB: strongest(gb[best]!.list) });
    } else out.push({ itemId: a.id, name: first.text, type: first.type, stanceA: strongest(a.list), stanceB: null });
  }
  gb.forEach((b, j) => {
    if (used.has(j)) return;
    const first = b.list[0]!;
    out.push({ itemId: b.id, name: first.text, type: first.type, stanceA: null, stanceB: strongest(b.list) });
  });
  return out;
}
