import type { FastifyInstance } from 'fastify';
import { computeOrgState, defaultOrgRegistry, loadOrgDocuments, type OrgRegistry, type OrgStoreReader } from '../../org/index.js';
import { HttpProblem } from '../problem.js';

/** Options of the org plugin: the store to read declarations from, and (for tests) a registry. */
export interface OrgRoutesOptions {
  store: OrgStoreReader;
  registry?: OrgRegistry;
}

const ORG_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}$';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** A JSON object with any fields: the state is documented in src/org/types.ts (OrgState). */
const openObject = { type: 'object', additionalProperties: true } as const;

/**
 * The organisation routes (issue 6), mounted under /api by the server:
 *   GET /api/orgs              organisations of the reference data that have members
 *   GET /api/orgs/:id?on=DATE  the organisation on a date (default today): OrgState
 * Reads the reference data and the store (the organisation's declarations and their facts);
 * writes nothing. Bad ids and dates are refused by the schemas (400); an organisation that is
 * neither in the reference data nor in any stored declaration is 404.
 */
export async function orgRoutes(app: FastifyInstance, opts: OrgRoutesOptions): Promise<void> {
  const registry = opts.registry ?? defaultOrgRegistry();

  app.get('/orgs', {
    schema: {
      tags: ['meta'],
      summary: 'Organisations with members in the reference data',
      response: {
        200: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } }, required: ['id', 'name'] },
        },
      },
    },
  }, async () => {
    const out: Array<{ id: string; name: string; kind: string }> = [];
    for (const id of listOrgIds(registry)) {
      const r = registry.get(id);
      if (r) out.push({ id, name: r.names.en?.[0] ?? id, kind: r.kind });
    }
    return out;
  });

  app.get<{ Params: { id: string }; Querystring: { on?: string } }>('/orgs/:id', {
    schema: {
      tags: ['meta'],
      summary: 'An organisation on a date: members, chair, bodies, instruments, proposals, designations, summits',
      params: { type: 'object', properties: { id: { type: 'string', pattern: ORG_ID_PATTERN } }, required: ['id'] },
      querystring: { type: 'object', properties: { on: { type: 'string', pattern: DATE_PATTERN } }, additionalProperties: false },
      response: { 200: openObject, 404: { $ref: 'Problem#' } },
    },
  }, async (req) => {
    const on = req.query.on ?? new Date().toISOString().slice(0, 10);
    if (Number.isNaN(Date.parse(on))) throw new HttpProblem(400, 'invalid-input', 'Invalid input', `"${on}" is not a calendar date (YYYY-MM-DD)`);
    const { documents } = await loadOrgDocuments(opts.store, req.params.id);
    if (!registry.get(req.params.id) && documents.length === 0) {
      throw new HttpProblem(404, 'not-found', 'Unknown organisation', `no organisation "${req.params.id}" in the reference data or in the stored declarations`);
    }
    return computeOrgState(req.params.id, on, documents, registry);
  });
}

/** Ids of the organisations the registry knows members of (the ones an organisation page makes sense for). */
function listOrgIds(registry: OrgRegistry): string[] {
  return registry.ids().filter((id) => (registry.get(id)?.memberships.length ?? 0) > 0);
}
