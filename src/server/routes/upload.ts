import { extname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { analyzeBytes } from '../../analyze.js';
import { IMPORTERS } from '../../ingest/index.js';
import { UnreadableInputError } from '../../ingest/types.js';
import { HttpProblem } from '../problem.js';
import { uploadSchema } from '../schemas.js';
import type { ServerStore } from '../storeApi.js';
import type { AnalysisCache } from './api.js';

/** File extension → importer format. Only formats whose importer is registered are accepted. */
const EXTENSION_FORMAT: Record<string, string> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.xml': 'akn',
  '.akn': 'akn',
};

/** Extensions the server accepts now: .txt always, the others when their importer is registered (src/ingest). */
export function uploadFormats(): string[] {
  const formats = new Set(['txt', ...IMPORTERS.map((i) => i.format)]);
  return Object.entries(EXTENSION_FORMAT)
    .filter(([, f]) => formats.has(f))
    .map(([ext]) => ext);
}

export interface UploadOptions {
  store: ServerStore;
  maxUploadBytes: number;
  cache: AnalysisCache;
}

/**
 * POST /documents: one multipart file, checked by extension against the registered
 * importers, read up to the size limit (multipart's own limit stops the stream), analysed
 * and stored. The file name is used only as a label (its base name), never as a path.
 */
export async function uploadRoutes(app: FastifyInstance, opts: UploadOptions): Promise<void> {
  app.post('/documents', { schema: uploadSchema }, async (req, reply) => {
    if (!req.isMultipart()) throw new HttpProblem(415, 'not-multipart', 'Not a multipart upload', 'send the file as multipart/form-data in a field named "file"');
    const file = await req.file({ limits: { fileSize: opts.maxUploadBytes, files: 1, fields: 4, parts: 5 } });
    if (!file) throw new HttpProblem(400, 'no-file', 'No file', 'the upload holds no file; send it in a field named "file"');
    const filename = (file.filename || 'upload.txt').replace(/[\\/]/g, '_').slice(-200);
    const ext = extname(filename).toLowerCase();
    const accepted = uploadFormats();
    if (!accepted.includes(ext)) {
      file.file.resume();
      throw new HttpProblem(415, 'unsupported-type', 'Unsupported file type', `"${ext || 'no extension'}" files cannot be imported; accepted: ${accepted.join(', ')}`);
    }
    const bytes = await file.toBuffer();
    if (file.file.truncated) {
      throw new HttpProblem(413, 'too-large', 'Upload too large', `the file is larger than the limit of ${opts.maxUploadBytes} bytes`);
    }
    if (bytes.length === 0) throw new HttpProblem(422, 'empty', 'Empty file', 'the file is empty: there is nothing to analyse');
    let analysis;
    try {
      analysis = await analyzeBytes(new Uint8Array(bytes), { filename, mediaType: file.mimetype, maxBytes: opts.maxUploadBytes });
    } catch (e) {
      if (e instanceof UnreadableInputError) throw new HttpProblem(422, 'unreadable', 'Unreadable file', e.message);
      throw e;
    }
    if (analysis.paragraphs.length === 0) {
      throw new HttpProblem(422, 'no-paragraphs', 'Nothing to analyse', (analysis.messages ?? []).map((m) => m.message).join('; ') || 'no paragraph was found in the file');
    }
    const outcome = await opts.store.importAnalysis(analysis, { source: filename, contentHash: analysis.document.contentHash });
    if (outcome.status === 'failed' || !outcome.documentId) {
      throw new HttpProblem(422, 'not-stored', 'Not stored', outcome.reason ?? 'the store refused the document');
    }
    opts.cache.forget(outcome.documentId);
    req.log.info({ id: outcome.documentId, status: outcome.status, bytes: bytes.length }, 'upload stored');
    return reply.code(201).send({ id: outcome.documentId, status: outcome.status, version: outcome.version, paragraphs: analysis.paragraphs.length, messages: (analysis.messages ?? []).filter((m) => m.severity !== 'info') });
  });
}
