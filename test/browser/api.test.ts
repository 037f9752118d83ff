import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import { createMemoryStore } from '../../src/server/memoryStore.js';
import type { Analysis } from '../../src/types.js';
import { ASTANA_ID, ASTANA_PARAGRAPHS, fixtureAnalyses, HOSTILE_ID, IMG_TEXT, REVISED_ID } from './fixtures.js';

/** In-process API tests (fastify.inject): no port, no browser. */
async function multipart(filename: string, content: string): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const fd = new FormData();
  fd.append('file', new Blob([content]), filename);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type') ?? '' } };
}

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ store: createMemoryStore(fixtureAnalyses()), maxUploadBytes: 64 * 1024 });
});
afterAll(async () => {
  await app?.close();
});

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  expect(String(body.type)).toMatch(/^urn:concord:problem:/);
  expect(String(body.detail).length).toBeGreaterThan(5);
  return body as { detail: string; type: string };
}

describe('documents', () => {
  it('lists documents with metadata and counts', async () => {
    const res = await app.inject('/api/documents');
    expect(res.statusCode).toBe(200);
    const { documents } = res.json() as { documents: Array<{ id: string; organization: string; date: string; paragraphCount: number; counts: { proposals: number } }> };
    const astana = documents.find((d) => d.id === ASTANA_ID);
    // The gold file has 121 paragraphs, organisation sco, dated 4 July 2024 (checked in the fixture by hand).
    expect(astana).toMatchObject({ organization: 'sco', date: '2024-07-04', paragraphCount: ASTANA_PARAGRAPHS });
    expect(astana!.counts.proposals).toBeGreaterThan(0);
    expect(documents.length).toBe(11);
  });

  it('filters by organisation and language', async () => {
    const res = await app.inject('/api/documents?org=sco&lang=fr');
    const ids = (res.json() as { documents: Array<{ id: string }> }).documents.map((d) => d.id);
    expect(ids.sort()).toEqual([ASTANA_ID, REVISED_ID]);
    const en = (await app.inject('/api/documents?org=sco&lang=en')).json() as { documents: Array<{ id: string }> };
    expect(en.documents.map((d) => d.id)).toEqual(['sco-2020-moscow.en']);
  });

  it('returns one document with every paragraph and annotation', async () => {
    const res = await app.inject(`/api/documents/${ASTANA_ID}`);
    expect(res.statusCode).toBe(200);
    const a = res.json() as Analysis;
    expect(a.paragraphs).toHaveLength(ASTANA_PARAGRAPHS);
    expect(a.paragraphs[0].entities.some((e) => e.ref === 'sco' && e.text === 'OCS')).toBe(true);
    expect(a.paragraphs.some((p) => p.subject.scope === 'subset' && p.subject.states.length > 0)).toBe(true);
  });

  it('sends the document compressed when asked, with an ETag that answers 304', async () => {
    const plain = await app.inject(`/api/documents/${ASTANA_ID}`);
    const zipped = await app.inject({ url: `/api/documents/${ASTANA_ID}`, headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await app.inject({ url: `/api/documents/${ASTANA_ID}`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('answers an unknown id with a problem', async () => {
    const body = expectProblem(await app.inject('/api/documents/no-such-doc'), 404);
    expect(body.detail).toContain('no-such-doc');
  });

  it('refuses ids that look like paths, and never serves files outside the database', async () => {
    for (const url of ['/api/documents/..%2F..%2Fetc%2Fpasswd', '/api/documents/%2Fetc%2Fpasswd', '/api/documents/.hidden', '/api/diff?a=../../etc/passwd&b=x']) {
      const res = await app.inject(url);
      expect([400, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain('root:');
    }
    for (const url of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fpackage.json']) {
      const res = await app.inject(url);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('root:');
      expect(res.body).not.toContain('"devDependencies"');
    }
  });
});

describe('validation and errors', () => {
  it('validates query parameters', async () => {
    expectProblem(await app.inject('/api/search'), 400);
    expectProblem(await app.inject('/api/search?q=x&limit=100000'), 400);
    expectProblem(await app.inject('/api/search?q=x&state=kazakhstan'), 400);
    expectProblem(await app.inject('/api/documents?year=abc'), 400);
    expectProblem(await app.inject(`/api/search?q=${'a'.repeat(600)}`), 400);
    expectProblem(await app.inject('/api/documents?unknown=1'), 400);
  });

  it('answers unknown routes with a problem', async () => {
    expectProblem(await app.inject('/api/nothing-here'), 404);
  });
});

describe('search, items, diff, export', () => {
  it('finds paragraphs with facets and passages whose highlights point at the matched words', async () => {
    const res = await app.inject('/api/search?q=terrorisme');
    expect(res.statusCode).toBe(200);
    const r = res.json() as { total: number; hits: Array<{ documentId: string; eId: string; passage: { text: string; highlights: Array<{ start: number; end: number }> } }>; facets: Record<string, Record<string, number>> };
    expect(r.total).toBeGreaterThan(3);
    expect(r.facets.org.sco).toBe(r.total);
    for (const h of r.hits) {
      expect(h.passage.highlights.length).toBeGreaterThan(0);
      for (const s of h.passage.highlights) expect(h.passage.text.slice(s.start, s.end).toLowerCase()).toMatch(/^terroris/);
    }
  });

  it('applies facet filters', async () => {
    const all = (await app.inject('/api/search?q=terrorisme')).json() as { total: number };
    const committed = (await app.inject('/api/search?q=terrorisme&commitment=true')).json() as { total: number };
    expect(committed.total).toBeLessThan(all.total);
  });

  it('survives hostile queries', async () => {
    for (const q of ['"', "'; DROP TABLE documents; --", 'NEAR(a b)', 'a OR b*', '\u0000\u0001', '((((']) {
      const res = await app.inject(`/api/search?q=${encodeURIComponent(q)}`);
      expect([200, 400]).toContain(res.statusCode);
    }
  });

  it('lists items and gives a timeline', async () => {
    const items = (await app.inject('/api/items?limit=500')).json() as { items: Array<{ id: string; documentCount: number }> };
    expect(items.items.length).toBeGreaterThan(10);
    const id = items.items[0].id;
    const t = await app.inject(`/api/items/${encodeURIComponent(id)}`);
    expect(t.statusCode).toBe(200);
    expect((t.json() as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
    expectProblem(await app.inject('/api/items/none%3Athing'), 404);
  });

  it('diffs a document with itself as all same, and finds a changed paragraph', async () => {
    const same = (await app.inject(`/api/diff?a=${ASTANA_ID}&b=${ASTANA_ID}`)).json() as { counts: Record<string, number> };
    expect(same.counts).toEqual({ same: ASTANA_PARAGRAPHS, changed: 0, added: 0, dropped: 0 });
    const d = (await app.inject(`/api/diff?a=${ASTANA_ID}&b=${HOSTILE_ID}`)).json() as { counts: Record<string, number> };
    expect(d.counts.dropped).toBeGreaterThan(100);
    // The revised copy (fixtures.ts): paragraph 3 reworded, paragraph 10 dropped, one paragraph added.
    const r = (await app.inject(`/api/diff?a=${ASTANA_ID}&b=${REVISED_ID}`)).json() as { counts: Record<string, number>; paragraphs: Array<{ change: string; eIdA: string | null; eIdB: string | null }> };
    expect(r.counts).toEqual({ same: ASTANA_PARAGRAPHS - 2, changed: 1, dropped: 1, added: 1 });
    expect(r.paragraphs.find((p) => p.change === 'changed')?.eIdA).toBe('para_3');
    expect(r.paragraphs.find((p) => p.change === 'dropped')?.eIdA).toBe('para_10');
    expect(r.paragraphs.find((p) => p.change === 'added')?.eIdB).toBe('para_999');
    expectProblem(await app.inject(`/api/diff?a=${ASTANA_ID}&b=missing`), 404);
  });

  it('exports a document and refuses unknown formats', async () => {
    const res = await app.inject(`/api/documents/${ASTANA_ID}/export?format=json&download=true`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`${ASTANA_ID}.json`);
    expect((JSON.parse(res.body) as Analysis).paragraphs).toHaveLength(ASTANA_PARAGRAPHS);
    expectProblem(await app.inject(`/api/documents/${ASTANA_ID}/export?format=nope`), 400);
    expectProblem(await app.inject(`/api/documents/${ASTANA_ID}/export?format=__proto__`), 400);
  });
});

describe('upload', () => {
  it('analyses and stores a text file', async () => {
    const text = 'Declaration of the Test Summit\n\n1. The leaders welcome the adoption of the Test Charter.\n\n2. The member states support cooperation on water.';
    const { payload, headers } = await multipart('my test.txt', text);
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload, headers });
    expect(res.statusCode).toBe(201);
    const out = res.json() as { id: string; paragraphs: number; status: string };
    expect(out.status).toBe('imported');
    expect(out.paragraphs).toBeGreaterThanOrEqual(2);
    const doc = (await app.inject(`/api/documents/${encodeURIComponent(out.id)}`)).json() as Analysis;
    expect(doc.paragraphs.map((p) => p.text).join('\n')).toContain('Test Charter');
    const again = (await app.inject({ method: 'POST', url: '/api/documents', payload, headers })).json() as { status: string };
    expect(again.status).toBe('unchanged');
  });

  it('refuses an unknown type with a clear message', async () => {
    const { payload, headers } = await multipart('virus.exe', 'MZ....');
    const body = expectProblem(await app.inject({ method: 'POST', url: '/api/documents', payload, headers }), 415);
    expect(body.detail).toContain('.exe');
    expect(body.detail).toContain('.txt');
  });

  it('refuses a file over the limit with a clear message', async () => {
    const { payload, headers } = await multipart('big.txt', 'word '.repeat(20_000));
    const body = expectProblem(await app.inject({ method: 'POST', url: '/api/documents', payload, headers }), 413);
    expect(body.detail).toMatch(/limit|large/i);
  });

  it('refuses a non-multipart body and an empty file', async () => {
    expectProblem(await app.inject({ method: 'POST', url: '/api/documents', payload: { a: 1 } }), 415);
    const { payload, headers } = await multipart('empty.txt', '');
    expectProblem(await app.inject({ method: 'POST', url: '/api/documents', payload, headers }), 422);
  });
});

describe('OpenAPI and meta', () => {
  it('publishes the OpenAPI description and the docs page', async () => {
    const spec = (await app.inject('/api/docs/json')).json() as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toMatch(/^3\./);
    for (const p of ['/api/documents', '/api/documents/{id}', '/api/search', '/api/items', '/api/items/{id}', '/api/diff', '/api/documents/{id}/export']) expect(Object.keys(spec.paths)).toContain(p);
    const page = await app.inject('/api/docs/');
    expect([200, 302]).toContain(page.statusCode);
  });

  it('reports the upload limit and formats', async () => {
    const meta = (await app.inject('/api/meta')).json() as { maxUploadBytes: number; uploadFormats: string[] };
    expect(meta.maxUploadBytes).toBe(64 * 1024);
    expect(meta.uploadFormats).toContain('.txt');
  });

  it('keeps hostile text as data in the JSON', async () => {
    const a = (await app.inject(`/api/documents/${HOSTILE_ID}`)).json() as Analysis;
    expect(a.paragraphs.some((p) => p.text.includes(IMG_TEXT))).toBe(true);
  });
});
