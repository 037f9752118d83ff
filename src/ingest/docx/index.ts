import type { Importer } from '../index.js';
import type { IngestOptions } from '../types.js';

/**
 * Registration of the DOCX importer: a cheap test on the first bytes; the reader
 * (./ingestDocx.ts, with mammoth and linkedom) is loaded only when a DOCX comes.
 */
export function looksLikeDocx(bytes: Uint8Array, options: IngestOptions = {}): boolean {
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!zip) return false;
  if (/\.docx$/i.test(options.filename ?? '') || /wordprocessingml/i.test(options.mediaType ?? '')) return true;
  // A DOCX names word/document.xml in its first local headers; look for it near the start.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
  return head.includes('word/') || head.includes('[Content_Types].xml');
}

export const docxImporter: Importer = {
  format: 'docx',
  accepts: (bytes, options) => looksLikeDocx(bytes, options),
  read: async (bytes, options) => (await import('./ingestDocx.js')).ingestDocx(bytes, options),
};
