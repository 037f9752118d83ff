import type { PdfLine } from './layout.js';

/**
 * PDF bytes → positioned text lines per page, with pdfjs-dist (legacy build, the one
 * that runs in Node). Text items on one baseline are joined left to right, with a
 * space where the gap between them is wider than a quarter of the font size.
 * Reads: bytes. Writes: nothing. Throws pdfjs errors (the importer turns them into
 * UnreadableInputError).
 */
interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export const MAX_PDF_PAGES = 2000;
/** A gap wider than this many font sizes on one baseline is a column gutter, not a word space. */
const COLUMN_GAP_EM = 1.5;

export async function readPdfLines(bytes: Uint8Array): Promise<{ pages: PdfLine[][]; pageCount: number; title: string | null }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs detaches the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  const doc = await task.promise;
  try {
    const pageCount = doc.numPages;
    let title: string | null = null;
    try {
      const meta = await doc.getMetadata();
      const t = (meta.info as { Title?: unknown } | undefined)?.Title;
      if (typeof t === 'string' && t.trim()) title = t.trim();
    } catch {
      title = null;
    }
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= Math.min(pageCount, MAX_PDF_PAGES); n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = (content.items as unknown as TextItemLike[]).filter((it) => typeof it.str === 'string' && it.str.length > 0);
      pages.push(groupIntoLines(items, n));
      page.cleanup();
    }
    return { pages, pageCount, title };
  } finally {
    await doc.destroy();
  }
}

/** Text items → lines: same baseline (within 40 % of the font size), sorted by x. */
export function groupIntoLines(items: TextItemLike[], page: number): PdfLine[] {
  const parts = items.map((it) => {
    const size = Math.hypot(it.transform[2], it.transform[3]) || it.height || 10;
    return { x0: it.transform[4], x1: it.transform[4] + it.width, y: it.transform[5], size, str: it.str };
  });
  parts.sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: Array<{ y: number; size: number; parts: typeof parts }> = [];
  for (const p of parts) {
    const line = lines.find((l) => Math.abs(l.y - p.y) < Math.max(l.size, p.size) * 0.4);
    if (line) line.parts.push(p);
    else lines.push({ y: p.y, size: p.size, parts: [p] });
  }
  // A wide gap on one baseline separates columns (or table cells): split the line there.
  const out: PdfLine[] = [];
  for (const l of lines) {
    const ps = l.parts.sort((a, b) => a.x0 - b.x0);
    let text = '';
    let x0 = ps[0].x0;
    let lastX1 = -Infinity;
    const push = () => {
      const t = text.replace(/\s+/g, ' ').trim();
      if (t) out.push({ page, x0, x1: lastX1, y: l.y, size: l.size, text: t });
      text = '';
    };
    for (const p of ps) {
      const gap = p.x0 - lastX1;
      if (text && gap > l.size * COLUMN_GAP_EM) {
        push();
        x0 = p.x0;
      } else if (text && gap > l.size * 0.25 && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
      if (!text) x0 = p.str.trim() ? p.x0 : x0;
      text += p.str;
      lastX1 = Math.max(lastX1, p.x1);
    }
    push();
  }
  return out;
}
