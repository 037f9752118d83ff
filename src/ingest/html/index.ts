import type { Importer } from '../index.js';
import type { IngestOptions } from '../types.js';

/**
 * Registration of the HTML importer: a cheap test on the first bytes; the reader
 * (./ingestHtml.ts, with linkedom and Readability) is loaded only when an HTML file comes.
 */
export function looksLikeHtml(bytes: Uint8Array, options: IngestOptions = {}): boolean {
  if (options.mediaType && /html/i.test(options.mediaType)) return true;
  if (/\.x?html?$/i.test(options.filename ?? '')) return true;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(?:head|body|meta)[\s>]/.test(head);
}

export const htmlImporter: Importer = {
  format: 'html',
  accepts: (bytes, options) => looksLikeHtml(bytes, options),
  read: async (bytes, options) => (await import('./ingestHtml.js')).ingestHtml(bytes, options),
};
