import type { Importer } from '../index.js';
import type { Message } from '../../types.js';
import type { IngestOptions, IngestResult } from '../types.js';
import { DEFAULT_MAX_BYTES, UnreadableInputError } from '../types.js';
import { assembleBlocks } from '../html/assembleBlocks.js';
import { buildParagraphs, orderPageLines, removePageFurniture } from './layout.js';
import { MAX_PDF_PAGES, readPdfLines } from './readPdfLines.js';

/**
 * The PDF importer: a PDF with a text layer → paragraphs (columns in reading order,
 * running headers, footers and page numbers dropped, lines joined, hyphenation undone).
 * A PDF without a text layer (a scan) is refused: OCR is not this importer's job.
 * Reads: bytes. Writes: an IngestResult. Errors: UnreadableInputError (too large,
 * encrypted, malformed, no text layer).
 */
export const NO_TEXT_LAYER = 'this PDF has no text layer; run OCR first';

export function looksLikePdf(bytes: Uint8Array, options: IngestOptions = {}): boolean {
  // "%PDF" may follow a little junk; the specification lets readers look in the first 1 KiB.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-') || (/\.pdf$/i.test(options.filename ?? '') && bytes.length > 0 && head.includes('%PDF'));
}

export async function ingestPdf(bytes: Uint8Array, options: IngestOptions = {}): Promise<IngestResult> {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit) {
    throw new UnreadableInputError(`the PDF is ${(bytes.length / 1048576).toFixed(1)} MB, over the limit of ${(limit / 1048576).toFixed(0)} MB`, 'ingest/too-large', 'split it, or raise the limit with --max-bytes');
  }
  let read: Awaited<ReturnType<typeof readPdfLines>>;
  try {
    read = await readPdfLines(bytes);
  } catch (e) {
    const name = (e as Error)?.name ?? '';
    if (name === 'PasswordException') throw new UnreadableInputError('the PDF is encrypted with a password', 'ingest/pdf-encrypted', 'save an unprotected copy and import that');
    throw new UnreadableInputError(`the PDF could not be read (${((e as Error)?.message ?? String(e)).slice(0, 200)})`, 'ingest/pdf-malformed', 'check that the file is a complete PDF, or export it again');
  }
  const messages: Message[] = [];
  const chars = read.pages.reduce((n, lines) => n + lines.reduce((m, l) => m + l.text.replace(/\s/g, '').length, 0), 0);
  if (chars < 20) throw new UnreadableInputError(NO_TEXT_LAYER, 'ingest/pdf-no-text', 'the pages are images; convert the file with an OCR tool (e.g. ocrmypdf) and import the result');
  const empty = read.pages.map((lines, i) => (lines.length === 0 ? i + 1 : 0)).filter(Boolean);
  if (empty.length) {
    messages.push({ severity: 'warning', stage: 'ingest', ruleId: 'ingest/pdf-pages-without-text', message: `page(s) ${empty.slice(0, 10).join(', ')}${empty.length > 10 ? '…' : ''} have no text layer and were skipped; run OCR if they hold text` });
  }
  if (read.pageCount > MAX_PDF_PAGES) {
    messages.push({ severity: 'warning', stage: 'ingest', ruleId: 'ingest/pdf-too-many-pages', message: `only the first ${MAX_PDF_PAGES} of ${read.pageCount} pages were read` });
  }
  const pages = removePageFurniture(read.pages);
  const ordered = pages.flatMap((lines) => orderPageLines(lines));
  const paragraphs = buildParagraphs(ordered);
  const { text, blocks } = assembleBlocks(paragraphs.map((p) => ({ text: p.text })));
  return { text, blocks, format: 'pdf', messages, title: read.title };
}

export const pdfImporter: Importer = {
  format: 'pdf',
  accepts: (bytes, options) => looksLikePdf(bytes, options),
  read: ingestPdf,
};
