import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src/store/index.js';
import { buildServer } from '../../src/server/app.js';
import type { Analysis } from '../../src/types.js';
import { ASTANA_ID, ASTANA_PARAGRAPHS, fixtureAnalyses, HOSTILE_ID } from './fixtures.js';

/**
 * The same API on the real corpus store (src/store, SQLite in memory): the server must work
 * on the store's own answers, not only on the in-memory stand-in.
 */
let app: FastifyInstance;
let store: Store;
beforeAll(async () => {
  store = await openStore('sqlite::memory:');
  for (const a of fixtureAnalyses()) {
    const out = await store.importAnalysis(a, { source: `${a.document.id}.json` });
    expect(out.status).not.toBe('failed');
  }
  app = await buildServer({ store, maxUploadBytes: 64 * 1024 });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

async function multipart(filename: string, content: string): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const fd = new FormData();
  fd.append('file', new Blob([content]), filename);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type') ?? '' } };
}

describe('API on the SQLite store', () => {
  it('lists and returns documents', async () => {
    const { documents } = (await app.inject('/api/documents')).json() as { documents: Array<{ id: string; paragraphCount: number; counts: { actions: number } }> };
    const astana = documents.find((d) => d.id === ASTANA_ID);
    expect(astana?.paragraphCount).toBe(ASTANA_PARAGRAPHS);
    expect(astana?.counts.actions).toBeGreaterThan(50);
    const a = (await app.inject(`/api/documents/${ASTANA_ID}`)).json() as Analysis;
    expect(a.paragraphs).toHaveLength(ASTANA_PARAGRAPHS);
    expect((await app.inject('/api/documents/missing')).statusCode).toBe(404);
  });

  it('searches with passages whose highlights point at matched words', async () => {
    const res = await app.inject('/api/search?q=terrorisme');
    expect(res.statusCode).toBe(200);
    const r = res.json() as { total: number; hits: Array<{ passage: { text: string; highlights: Array<{ start: number; end: number }> } }> };
    expect(r.total).toBeGreaterThan(3);
    for (const h of r.hits) for (const s of h.passage.highlights) expect(h.passage.text.slice(s.start, s.end).toLowerCase()).toMatch(/^terror/);
  });

  it('answers hostile queries with results or a problem, never a crash', async () => {
    for (const q of ['"', "'; DROP TABLE documents; --", 'NEAR(a b)', 'a OR b*', '((((', 'x'.repeat(400)]) {
      const res = await app.inject(`/api/search?q=${encodeURIComponent(q)}`);
      expect([200, 400]).toContain(res.statusCode);
      expect(res.body).not.toMatch(/SQLITE|syntax error/i);
    }
  });

  it('lists items with timelines and diffs two documents', async () => {
    const { items } = (await app.inject('/api/items?limit=50')).json() as { items: Array<{ id: string }> };
    expect(items.length).toBeGreaterThan(0);
    const t = await app.inject(`/api/items/${encodeURIComponent(items[0].id)}`);
    expect(t.statusCode).toBe(200);
    const d = (await app.inject(`/api/diff?a=${ASTANA_ID}&b=${ASTANA_ID}`)).json() as { counts: Record<string, number> };
    expect(d.counts.same).toBe(ASTANA_PARAGRAPHS);
    expect((await app.inject(`/api/diff?a=${ASTANA_ID}&b=${HOSTILE_ID}x`)).statusCode).toBe(404);
  });

  it('stores an upload', async () => {
    const { payload, headers } = await multipart('sqlite-upload.txt', 'Test Summit Declaration\n\n1. The leaders welcome the Test Charter.\n');
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload, headers });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };
    expect((await store.getAnalysis(id))?.paragraphs.length).toBeGreaterThan(0);
  });
});
