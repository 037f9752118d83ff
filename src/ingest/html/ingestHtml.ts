import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Message } from '../../types.js';
import type { IngestOptions, IngestResult } from '../types.js';
import { DEFAULT_MAX_BYTES, UnreadableInputError } from '../types.js';
import { decodeBytes } from '../decode.js';
import { assembleBlocks } from './assembleBlocks.js';
import { extractHtmlBlocks } from './htmlBlocks.js';

/**
 * The HTML importer: a web page → its main content as paragraphs. Navigation, page
 * headers and footers (outside <main>/<article>), scripts, styles and forms are removed
 * first; then @mozilla/readability picks the main content. When the page has a single
 * <main> or <article>, or Readability finds nothing, that element (else <body>) is used.
 * Reads: bytes. Writes: an IngestResult. Errors: UnreadableInputError when too large.
 */
const NOISE = 'script, style, noscript, template, nav, aside, form, iframe, svg, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';

const NOISE_NAMES = /(?:^|[\s_-])(?:cookies?|consent|gdpr|newsletter|share|sharing|social|breadcrumbs?|skip-?link|subscribe|banner|popup|modal)(?:$|[\s_-])/i;

/** The charset a page declares in its first 1 KiB (<meta charset> or http-equiv), if any. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Decodes a page: valid UTF-8 is read as UTF-8 whatever the page says (mislabelled pages are
 * common); otherwise the declared charset (windows-1251, gb2312/gbk, big5, koi8-r… via the
 * WHATWG decoders in Node's ICU), else the generic decoder (Latin-1 fallback with a warning).
 */
function decodeHtmlBytes(bytes: Uint8Array): { text: string; messages: Message[] } {
  const declared = sniffHtmlCharset(bytes);
  if (declared && !/^utf-?8$/.test(declared)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      try {
        return { text: new TextDecoder(declared).decode(bytes), messages: [] };
      } catch {
        // An unknown label: fall through to the generic decoder.
      }
    }
  }
  return decodeBytes(bytes);
}

export function ingestHtml(bytes: Uint8Array, options: IngestOptions = {}): IngestResult {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit) {
    throw new UnreadableInputError(`the HTML file is ${(bytes.length / 1048576).toFixed(1)} MB, over the limit of ${(limit / 1048576).toFixed(0)} MB`, 'ingest/too-large', 'split it, or raise the limit with --max-bytes');
  }
  const decoded = decodeHtmlBytes(bytes);
  const messages = [...decoded.messages];
  const { document } = parseHTML(decoded.text);
  const pageTitle = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim() || null;
  for (const el of Array.from(document.querySelectorAll(NOISE))) el.remove();
  // Banners that Readability does not know as noise (cookie and consent notices, share bars…).
  for (const el of Array.from(document.querySelectorAll('[class], [id]'))) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (NOISE_NAMES.test(names) && !el.closest('main, article')) el.remove();
  }
  // Page-level header and footer: those not inside the main content.
  for (const el of Array.from(document.querySelectorAll('header, footer'))) {
    if (!el.closest('main, article')) el.remove();
  }
  const mains = document.querySelectorAll('main, article, [role="main"]');
  let root: unknown = mains.length === 1 ? mains[0] : null;
  let title = pageTitle;
  if (!root) {
    const article = new Readability(document.cloneNode(true) as unknown as Document, { charThreshold: 200 }).parse();
    if (article?.content) {
      const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      root = content.body;
      title = article.title?.trim() || pageTitle;
    } else {
      root = document.body ?? document.documentElement;
      messages.push({ severity: 'info', stage: 'ingest', ruleId: 'ingest/html-no-main-content', message: 'no main content was recognised in the page; the whole body was read' });
    }
  }
  const raw = extractHtmlBlocks(root as Parameters<typeof extractHtmlBlocks>[0]);
  const { text, blocks } = assembleBlocks(raw);
  // The content's own <h1> names the document better than <title>, which carries the site's name.
  // (Looked up in the page, after noise removal: Readability turns <h1> into <h2>.)
  const h1 = document.querySelector('h1');
  const h1Text = (h1?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (h1Text) title = h1Text;
  return { text, blocks, format: 'html', messages, title };
}

