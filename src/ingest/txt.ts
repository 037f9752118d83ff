import type { IngestOptions, IngestResult } from './types.js';
import { DEFAULT_MAX_BYTES, UnreadableInputError } from './types.js';
import { decodeBytes, normaliseText } from './decode.js';

/** The plain-text importer: decode, normalise; paragraphs are found later by the segmenter. */
export function ingestText(bytes: Uint8Array, options: IngestOptions = {}): IngestResult {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit) {
    throw new UnreadableInputError(
      `the input is ${(bytes.length / 1048576).toFixed(1)} MB, over the limit of ${(limit / 1048576).toFixed(0)} MB`,
      'ingest/too-large',
      'split the file into smaller documents, or raise the limit with --max-bytes',
    );
  }
  const decoded = decodeBytes(bytes);
  return { text: normaliseText(decoded.text), blocks: [], format: 'txt', messages: decoded.messages };
}
