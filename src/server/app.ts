import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { PACKAGE_ROOT } from '../paths.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from './limits.js';
import { installProblemHandlers, problemSchema } from './problem.js';
import { AnalysisCache, apiRoutes } from './routes/api.js';
import { orgRoutes } from './routes/org.js';
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

export { DEFAULT_MAX_UPLOAD_BYTES };
export const WEB_ROOT = join(PACKAGE_ROOT, 'web', 'dist');

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
  await app.register(apiRoutes, { prefix: '/api', store: options.store, maxUploadBytes, org: true, cache });
  await app.register(uploadRoutes, { prefix: '/api', store: options.store, maxUploadBytes, cache });
  // Helper "org"'s routes (src/server/routes/org.ts): /api/orgs, /api/orgs/:id.
  await app.register(orgRoutes, { prefix: '/api', store: options.store });

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
