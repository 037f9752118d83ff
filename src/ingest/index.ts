import type { IngestOptions, IngestResult } from './types.js';
import { ingestText } from './txt.js';
import { aknImporter } from './akn/index.js';
import { docxImporter } from './docx/index.js';
import { htmlImporter } from './html/index.js';
import { pdfImporter } from './pdf/index.js';

export * from './types.js';
export { decodeBytes, normaliseText, sniffBinaryFormat } from './decode.js';

/**
 * Entry of the ingest stage: picks the importer for the bytes (by content, then by
 * file name) and returns normalised text with block boundaries. Importers for HTML,
 * PDF, DOCX and Akoma Ntoso register in IMPORTERS (src/ingest/<format>/).
 */
export type Importer = {
  format: string;
  /** True when this importer should read these bytes. */
  accepts(bytes: Uint8Array, options: IngestOptions): boolean;
  read(bytes: Uint8Array, options: IngestOptions): IngestResult | Promise<IngestResult>;
};

export const IMPORTERS: Importer[] = [pdfImporter, docxImporter, aknImporter, htmlImporter];

export async function ingestBytes(bytes: Uint8Array, options: IngestOptions = {}): Promise<IngestResult> {
  for (const importer of IMPORTERS) {
    if (importer.accepts(bytes, options)) return importer.read(bytes, options);
  }
  return ingestText(bytes, options);
}
