import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { PACKAGE_ROOT } from '../paths.js';
import { installProblemHandlers, problemSchema } from './problem.js';
import { AnalysisCache, apiRoutes } from './routes/api.js';
import { uploadRoutes } from './routes/upload.js';
import { documentSummarySchema } from './schemas.js';
import type { ServerStore } from './storeApi.js';

export interface ServerOptions {
  store: ServerStore;
  /** pino logger options for Fastify; false in tests. */
  logger?: FastifyServerOptions['logger'];
  /** Largest upload accepted, in bytes (default 20 MB). */
  maxUploadBytes?: number;
  /** Folder of the built web app (default web/dist); nothing is served at / when it is missing. */
  webRoot?: string;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const WEB_ROOT = join(PACKAGE_ROOT, 'web', 'dist');

/**
 * Loads helper "org"'s Fastify plugin (src/server/routes/org.ts, export `orgRoutes`) when it
 * exists. HOOK: the import is by a computed specifier so this file compiles before that
 * module is written; once it exists it is mounted under /api like every other route.
 */
async function loadOrgPlugin(): Promise<((app: FastifyInstance, opts: { store: ServerStore }) => Promise<void>) | null> {
  const specifier = './routes/org.js';
  try {
    const mod = (await import(specifier)) as { orgRoutes?: (app: FastifyInstance, opts: { store: ServerStore }) => Promise<void> };
    return typeof mod.orgRoutes === 'function' ? mod.orgRoutes : null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return null;
    throw e;
  }
}

/**
 * Builds the Concord HTTP server: the REST API under /api (OpenAPI at /api/docs), uploads,
 * the org routes when present, and the built web app at /. Reads only from `store`.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 300 },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false } },
  });
  installProblemHandlers(app);
  app.addSchema(problemSchema);
  app.addSchema(documentSummarySchema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord API',
        description: 'Read, search, compare and upload summit declarations analysed by Concord. Errors are application/problem+json (schema Problem).',
        version: '0.1.0',
      },
      tags: [
        { name: 'documents', description: 'Declarations and their analyses' },
        { name: 'search', description: 'Full-text search with facets' },
        { name: 'items', description: 'Items tracked across declarations' },
        { name: 'diff', description: 'Comparison of two declarations' },
        { name: 'meta', description: 'Server capabilities' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 4, parts: 5 } });

  const cache = new AnalysisCache(options.store);
  const orgRoutes = await loadOrgPlugin();
  await app.register(apiRoutes, { prefix: '/api', store: options.store, maxUploadBytes, org: orgRoutes !== null, cache });
  await app.register(uploadRoutes, { prefix: '/api', store: options.store, maxUploadBytes, cache });
  if (orgRoutes) await app.register(orgRoutes, { prefix: '/api', store: options.store });

  // The web app's pages get a strict Content-Security-Policy: no inline or foreign scripts, no
  // outside connections (the map and charts are bundled). Swagger UI keeps its own needs.
  app.addHook('onSend', async (req, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !req.url.startsWith('/api/docs')) {
      reply.header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    }
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });

  const webRoot = options.webRoot ?? WEB_ROOT;
  if (existsSync(join(webRoot, 'index.html'))) {
    // @fastify/static resolves every path inside webRoot and refuses ../ escapes.
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: true, cacheControl: true, maxAge: '1h' });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('Concord API is running (see /api/docs). The web app is not built: run `npm run build`.\n'),
    );
  }
  return app;
}
