import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * One error shape for the whole API: RFC 9457 problem details, sent as
 * application/problem+json. `type` is a stable URN per kind of problem so clients can
 * branch on it; `detail` says what went wrong and what to do.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
}

/** An error a route throws on purpose; the error handler turns it into a Problem. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 9457 problem details (media type application/problem+json).',
  properties: {
    type: { type: 'string', description: 'urn:concord:problem:<kind>' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
  },
  required: ['type', 'title', 'status', 'detail'],
} as const;

/** Writes a problem response (also used for non-error refusals). */
export function sendProblem(reply: FastifyReply, req: FastifyRequest, status: number, slug: string, title: string, detail: string): FastifyReply {
  const body: Problem = { type: `urn:concord:problem:${slug}`, title, status, detail, instance: req.url.slice(0, 300) };
  return reply.code(status).type('application/problem+json').send(JSON.stringify(body));
}

/** Installs the error and not-found handlers that answer every failure with a Problem. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    sendProblem(reply, req, 404, 'not-found', 'Not found', `nothing at ${req.method} ${req.url.split('?')[0].slice(0, 200)}`);
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HttpProblem) return sendProblem(reply, req, err.status, err.slug, err.title, err.detail);
    if (err.validation) {
      return sendProblem(reply, req, 400, 'invalid-input', 'Invalid input', `${err.message}; see /api/docs for the accepted values`);
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT') {
      return sendProblem(reply, req, 413, 'too-large', 'Upload too large', err.message);
    }
    if (err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      return sendProblem(reply, req, 415, 'not-multipart', 'Not a multipart upload', 'send the file as multipart/form-data in a field named "file"');
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      req.log.error({ err }, 'internal error');
      return sendProblem(reply, req, 500, 'internal', 'Internal error', 'the server failed on this request (a bug); the log has the details');
    }
    return sendProblem(reply, req, status, 'bad-request', 'Bad request', err.message);
  });
}
