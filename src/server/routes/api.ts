import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FORMATTERS } from '../../export/index.js';
import { SPEC_DIR } from '../../paths.js';
import { StoreError } from '../../store/index.js';
import type { Analysis } from '../../types.js';
import { HttpProblem } from '../problem.js';
import { diffSchema, exportSchema, getDocumentSchema, itemTimelineSchema, listDocumentsSchema, listItemsSchema, metaSchema, searchSchema } from '../schemas.js';
import { countFindings, type DocumentCounts, type SearchQuery, type ServerStore } from '../storeApi.js';
import { uploadFormats } from './upload.js';

export interface ApiOptions {
  store: ServerStore;
  maxUploadBytes: number;
  /** True when the org plugin (helper "org") is mounted. */
  org: boolean;
  cache: AnalysisCache;
}

interface CacheEntry {
  hash: string;
  analysis: Analysis;
  json: string;
  gzip: Buffer;
  etag: string;
  counts: DocumentCounts;
}

/**
 * Analyses and their serialised JSON by document id and content hash, bounded. The reader's
 * document page is the hot path; uploads replace entries because the hash changes.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly countsByKey = new Map<string, DocumentCounts>();
  constructor(private readonly store: ServerStore, private readonly max = 64) {}

  /** The cached entry for `id`, loading it from the store when missing or stale; null when there is no such document. */
  async get(id: string, hash?: string): Promise<CacheEntry | null> {
    const hit = this.entries.get(id);
    if (hit && (hash === undefined || hit.hash === hash)) return hit;
    const analysis = await this.store.getAnalysis(id);
    if (!analysis) return null;
    const json = JSON.stringify(analysis);
    const entry: CacheEntry = {
      hash: hash ?? analysis.document.contentHash ?? '',
      analysis,
      json,
      // Compressed once per version: the document page is ~100 KB of JSON and is asked for often.
      gzip: gzipSync(json, { level: 6 }),
      etag: `"${createHash('sha1').update(json).digest('base64url')}"`,
      counts: countFindings(analysis),
    };
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id, entry);
    return entry;
  }

  /** Counts of findings for the library, kept for many more documents than whole analyses. */
  async counts(id: string, hash: string): Promise<DocumentCounts | undefined> {
    const key = `${id}@${hash}`;
    let c = this.countsByKey.get(key);
    if (!c) {
      c = (await this.get(id, hash))?.counts;
      if (!c) return undefined;
      if (this.countsByKey.size >= 20_000) this.countsByKey.clear();
      this.countsByKey.set(key, c);
    }
    return c;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}

/** Topic ids and labels from spec/topics.json, for the web app's legend and facets. */
function loadTopics(): Array<{ id: string; label: string }> {
  try {
    return (JSON.parse(readFileSync(join(SPEC_DIR, 'topics.json'), 'utf8')) as { topics: Array<{ id: string; label: string }> }).topics;
  } catch {
    return [];
  }
}

const PASSAGE = 260;
/** A window of `text` around the first highlight, with highlights made relative to it. */
export function makePassage(text: string, highlights: Array<{ start: number; end: number }>): { text: string; highlights: Array<{ start: number; end: number }> } {
  const first = highlights[0]?.start ?? 0;
  let from = Math.max(0, first - 80);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < first) from = space + 1;
  }
  let to = Math.min(text.length, from + PASSAGE);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > first) to = space;
  }
  const prefix = from > 0 ? '… ' : '';
  return {
    text: prefix + text.slice(from, to) + (to < text.length ? ' …' : ''),
    highlights: highlights.filter((h) => h.start >= from && h.end <= to).map((h) => ({ start: h.start - from + prefix.length, end: h.end - from + prefix.length })),
  };
}

/** Store errors become problems; the store's messages are safe to show (never SQL). */
function toProblem(e: unknown): never {
  if (e instanceof StoreError || (e as Error)?.name === 'StoreError') {
    const code = (e as StoreError).code;
    if (code === 'not-found') throw new HttpProblem(404, 'not-found', 'Not found', (e as Error).message);
    if (code === 'bad-query') throw new HttpProblem(400, 'bad-query', 'Unusable query', (e as Error).message);
    if (code === 'unavailable') throw new HttpProblem(503, 'unavailable', 'Store unavailable', (e as Error).message);
  }
  throw e;
}

/** The REST routes under /api: meta, documents, exports, search, items, diff. */
export async function apiRoutes(app: FastifyInstance, opts: ApiOptions): Promise<void> {
  const { store, cache } = opts;
  const topics = loadTopics();

  app.get('/meta', { schema: metaSchema }, async () => ({
    store: store.kind,
    maxUploadBytes: opts.maxUploadBytes,
    uploadFormats: uploadFormats(),
    exportFormats: Object.keys(FORMATTERS),
    topics,
    org: opts.org,
  }));

  app.get('/documents', { schema: listDocumentsSchema }, async (req) => {
    const docs = await store.listDocuments(req.query as Parameters<ServerStore['listDocuments']>[0]).catch(toProblem);
    const documents = [];
    for (const d of docs) documents.push({ ...d, counts: await cache.counts(d.id, d.contentHash) });
    return { documents };
  });

  app.get('/documents/:id', { schema: getDocumentSchema }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const entry = await cache.get(id).catch(toProblem);
    if (!entry) throw new HttpProblem(404, 'no-such-document', 'No such document', `no document with id "${id}"; GET /api/documents lists them`);
    // Pre-serialised (and pre-compressed) bytes are sent as they are: no work per request.
    reply.header('etag', entry.etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding');
    if (req.headers['if-none-match'] === entry.etag) return reply.code(304).send();
    reply.type('application/json; charset=utf-8');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(entry.gzip);
    return reply.send(entry.json);
  });

  app.get('/documents/:id/export', { schema: exportSchema }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const { format, download } = req.query as { format: string; download: boolean };
    const formatter = Object.hasOwn(FORMATTERS, format) ? FORMATTERS[format] : undefined;
    if (!formatter) throw new HttpProblem(400, 'unknown-format', 'Unknown export format', `no export format "${format}"; use one of ${Object.keys(FORMATTERS).join(', ')}`);
    const entry = await cache.get(id).catch(toProblem);
    if (!entry) throw new HttpProblem(404, 'no-such-document', 'No such document', `no document with id "${id}"`);
    const out = formatter(entry.analysis);
    if (out.kind === 'files') return reply.type('application/json; charset=utf-8').send(JSON.stringify({ files: out.files }));
    const type = format === 'json' ? 'application/json' : format === 'csv' ? 'text/csv' : /xml|akn/.test(format) ? 'application/xml' : format === 'jsonl' ? 'application/x-ndjson' : 'text/plain';
    // The id matched ID_PATTERN (no quotes, slashes or control characters), so it is safe in the header.
    if (download) reply.header('content-disposition', `attachment; filename="${id}.${format}"`);
    return reply.type(`${type}; charset=utf-8`).send(out.text);
  });

  app.get('/search', { schema: searchSchema }, async (req) => {
    const result = await store.search(req.query as SearchQuery).catch(toProblem);
    const hits = [];
    for (const h of result.hits) {
      const entry = await cache.get(h.documentId);
      const text = entry?.analysis.paragraphs.find((p) => p.eId === h.eId)?.text ?? '';
      hits.push({ ...h, title: h.title ?? entry?.analysis.document.title ?? null, passage: makePassage(text, [...h.highlights].sort((x, y) => x.start - y.start)) });
    }
    return { ...result, hits };
  });

  app.get('/items', { schema: listItemsSchema }, async (req) => ({ items: await store.listItems(req.query as Parameters<ServerStore['listItems']>[0]).catch(toProblem) }));

  app.get('/items/:id', { schema: itemTimelineSchema }, async (req) => {
    const { id } = req.params as { id: string };
    const t = await store.getItemTimeline(id).catch(toProblem);
    if (!t) throw new HttpProblem(404, 'no-such-item', 'No such item', `no item with id "${id.slice(0, 100)}"; GET /api/items lists them`);
    return t;
  });

  app.get('/diff', { schema: diffSchema }, async (req) => {
    const { a, b } = req.query as { a: string; b: string };
    return store.diff(a, b).catch(toProblem);
  });
}
