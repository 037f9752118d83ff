import type { IngestOptions, IngestResult, IngestedBlock } from '../types.js';
import { DEFAULT_MAX_BYTES, UnreadableInputError } from '../types.js';
import { decodeBytes, normaliseText } from '../decode.js';
import { readAknBody } from './readAknBody.js';

/**
 * The Akoma Ntoso importer: an AKN 3.0 XML file (Concord's own export or another
 * producer's) → one block per paragraph with its printed number. Reads: bytes.
 * Writes: an IngestResult. Errors: UnreadableInputError for oversized or malformed files.
 */
export function ingestAkn(bytes: Uint8Array, options: IngestOptions = {}): IngestResult {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit) {
    throw new UnreadableInputError(`the Akoma Ntoso file is ${(bytes.length / 1048576).toFixed(1)} MB, over the limit of ${(limit / 1048576).toFixed(0)} MB`, 'ingest/too-large', 'split it, or raise the limit with --max-bytes');
  }
  const decoded = decodeBytes(bytes);
  const body = readAknBody(decoded.text);
  const blocks: IngestedBlock[] = [];
  let text = '';
  for (const b of body.blocks) {
    const t = normaliseText(b.text).replace(/\n/g, ' ');
    if (text) text += '\n';
    blocks.push({ start: text.length, end: text.length + t.length, num: b.num });
    text += t;
  }
  const messages = [...decoded.messages];
  if (blocks.length === 0) {
    messages.push({ severity: 'warning', stage: 'ingest', ruleId: 'ingest/akn-empty', message: 'the Akoma Ntoso file has no paragraphs in its preface, preamble or body' });
  }
  return { text, blocks, format: 'akn', messages, title: body.title };
}

