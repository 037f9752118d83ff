import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installProblemHandlers, problemSchema } from '../../src/server/problem.js';
import { orgRoutes } from '../../src/server/routes/org.js';
import type { OrgStoreReader } from '../../src/org/index.js';
import type { Analysis } from '../../src/types.js';

const gold = JSON.parse(readFileSync(new URL('../fixtures/gold/sco-2024-astana.fr.json', import.meta.url), 'utf8')) as Analysis;

/** A store with the Astana declaration only (the two methods the routes read). */
const store: OrgStoreReader = {
  async listDocuments(filter) {
    if (filter?.org && filter.org !== 'sco') return [];
    return [{
      id: 'sco-2024-astana', workId: 'sco-2024-astana', language: 'fr', organization: 'sco', title: null, date: '2024-07-04', year: 2024,
      place: 'astana', source: null, contentHash: 'x', version: 1, paragraphCount: 121, importedAt: '2024-07-05T00:00:00Z',
    }];
  },
  async getAnalysis(id) {
    return id === 'sco-2024-astana' ? structuredClone(gold) : null;
  },
};

const app = Fastify();
beforeAll(async () => {
  installProblemHandlers(app);
  app.addSchema(problemSchema);
  await app.register(orgRoutes, { prefix: '/api', store });
  await app.ready();
});
afterAll(() => app.close());

describe('GET /api/orgs/:id', () => {
  it('gives the organisation on a date with the paragraphs behind each element', async () => {
    const before = await app.inject({ url: '/api/orgs/sco?on=2024-07-03' });
    expect(before.statusCode).toBe(200);
    expect(before.json().members).toHaveLength(9);
    const res = await app.inject({ url: '/api/orgs/sco?on=2024-07-05' });
    const s = res.json();
    expect(s.members).toHaveLength(10);
    expect(s.chair.state).toBe('CN');
    expect(s.members.find((m: { state: string }) => m.state === 'BY').support).toMatchObject([{ docId: 'sco-2024-astana', eId: 'para_118' }]);
    expect(s.proposals).toHaveLength(13);
  });

  it('refuses bad ids and dates with a problem, and answers 404 for an unknown organisation', async () => {
    for (const url of ['/api/orgs/SCO!', '/api/orgs/sco?on=yesterday', '/api/orgs/sco?on=2024-02-31x', '/api/orgs/sco?on=2024-13-45']) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBe(400);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const r = await app.inject({ url: '/api/orgs/nosuchorg?on=2024-01-01' });
    expect(r.statusCode).toBe(404);
    expect(r.json().type).toBe('urn:concord:problem:not-found');
  });

  it('lists organisations that have members', async () => {
    const r = await app.inject({ url: '/api/orgs' });
    const ids = r.json().map((o: { id: string }) => o.id);
    expect(ids).toContain('sco');
    expect(ids).toContain('brics');
    expect(ids).not.toContain('sco-secretariat');
  });
});
