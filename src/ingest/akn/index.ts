import type { Importer } from '../index.js';
import type { IngestOptions } from '../types.js';

/**
 * Registration of the Akoma Ntoso importer: a cheap test on the first bytes; the reader
 * (./ingestAkn.ts, with fast-xml-parser) is loaded only when an AKN file comes.
 */
export function looksLikeAkn(bytes: Uint8Array, options: IngestOptions = {}): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  if (/<(?:\w+:)?akomaNtoso[\s>]/.test(head)) return true;
  return /\.akn(?:\.xml)?$/i.test(options.filename ?? '') && /^\s*(?:\uFEFF)?</.test(head);
}

export const aknImporter: Importer = {
  format: 'akn',
  accepts: (bytes, options) => looksLikeAkn(bytes, options),
  read: async (bytes, options) => (await import('./ingestAkn.js')).ingestAkn(bytes, options),
};
