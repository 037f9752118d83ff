import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import type { Message } from '../../types.js';
import type { IngestOptions, IngestResult } from '../types.js';
import { DEFAULT_MAX_BYTES, UnreadableInputError } from '../types.js';
import { assembleBlocks } from '../html/assembleBlocks.js';
import { extractHtmlBlocks } from '../html/htmlBlocks.js';
import { computeListNumbers } from './listNumbers.js';
import { checkZipBomb } from './zipGuard.js';

/**
 * The DOCX importer: a Word file → paragraphs, through mammoth (DOCX → semantic HTML)
 * and the HTML block reader (Word's automatic list numbers become each block's `num`).
 * The archive's declared sizes are checked before mammoth inflates anything.
 * Reads: bytes. Writes: an IngestResult. Errors: UnreadableInputError for oversized,
 * bomb-like or malformed files.
 */
export async function ingestDocx(bytes: Uint8Array, options: IngestOptions = {}): Promise<IngestResult> {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit) {
    throw new UnreadableInputError(`the DOCX file is ${(bytes.length / 1048576).toFixed(1)} MB, over the limit of ${(limit / 1048576).toFixed(0)} MB`, 'ingest/too-large', 'split it, or raise the limit with --max-bytes');
  }
  const entries = checkZipBomb(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new UnreadableInputError('the ZIP file is not a Word document (it has no word/document.xml)', 'ingest/docx-malformed', 'give a .docx file saved by a word processor');
  }
  let html: string;
  const messages: Message[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images carry no text: keep them out instead of letting mammoth inline them as base64.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
    const warnings = result.messages.filter((m) => m.type === 'error');
    if (warnings.length) messages.push({ severity: 'warning', stage: 'ingest', ruleId: 'ingest/docx-conversion', message: `parts of the DOCX could not be read: ${warnings.map((m) => m.message).slice(0, 3).join('; ')}` });
  } catch (e) {
    throw new UnreadableInputError(`the DOCX could not be read (${(e as Error).message.slice(0, 200)})`, 'ingest/docx-malformed', 'open it in a word processor and save it again as .docx');
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  // Word's own number formats (mammoth keeps lists, not formats); used when they line up
  // one to one with mammoth's ordered-list items.
  let listNumbers: string[] | null = null;
  try {
    listNumbers = computeListNumbers(bytes, entries);
  } catch {
    listNumbers = null;
  }
  const items = document.querySelectorAll('ol > li').length;
  if (listNumbers && listNumbers.length !== items) {
    if (items > 0) messages.push({ severity: 'info', stage: 'ingest', ruleId: 'ingest/docx-list-numbers', message: 'automatic paragraph numbers were counted from list positions (Word number formats could not be matched)' });
    listNumbers = null;
  }
  const raw = extractHtmlBlocks(document.body as unknown as Parameters<typeof extractHtmlBlocks>[0], listNumbers);
  const { text, blocks } = assembleBlocks(raw);
  const title = document.querySelector('h1')?.textContent?.trim() || null;
  return { text, blocks, format: 'docx', messages, title };
}

