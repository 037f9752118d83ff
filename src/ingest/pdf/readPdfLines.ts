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
/** A column gutter is at least this many font sizes wide. */
const MIN_GUTTER_EM = 1;

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
  // Columns: split a baseline only at a gutter, an x that falls inside a wide gap on many
  // rows. Word spaces of justified text can be as wide, but they do not line up from row to row.
  const rows = lines.map((l) => ({ ...l, parts: l.parts.sort((a, b) => a.x0 - b.x0) }));
  const gutter = findGutter(rows.map((r) => r.parts));
  const out: PdfLine[] = [];
  for (const l of rows) {
    const ps = l.parts;
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
      if (text && gutter !== null && lastX1 <= gutter && p.x0 >= gutter) {
        push();
      } else if (text && gap > l.size * 0.25 && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
      if (!text) x0 = p.x0;
      text += p.str;
      lastX1 = Math.max(lastX1, p.x1);
    }
    push();
  }
  return out;
}

/**
 * The x of a column gutter on this page, or null: the middle of the widest run of x values,
 * in the middle half of the text width, that (almost) no text item covers — at most a tenth
 * of the rows, since titles may span the gutter — with text on both sides.
 */
export function findGutter(rows: Array<Array<{ x0: number; x1: number; size: number; str: string }>>): number | null {
  const parts = rows.flat().filter((p) => p.str.trim());
  if (rows.length < 6) return null;
  const minX = Math.min(...parts.map((p) => p.x0));
  const maxX = Math.max(...parts.map((p) => p.x1));
  const from = Math.floor(minX + (maxX - minX) * 0.25);
  const to = Math.ceil(minX + (maxX - minX) * 0.75);
  const allowed = Math.floor(rows.length * 0.1);
  let best: [number, number] | null = null;
  let runStart = -1;
  for (let x = from; x <= to + 1; x++) {
    const open = x <= to && parts.filter((p) => p.x0 < x && p.x1 > x).length <= allowed;
    if (open && runStart < 0) runStart = x;
    if (!open && runStart >= 0) {
      if (!best || x - runStart > best[1] - best[0]) best = [runStart, x - 1];
      runStart = -1;
    }
  }
  if (!best) return null;
  const g = (best[0] + best[1]) / 2;
  const size = median(parts.map((p) => p.size));
  if (best[1] - best[0] + 1 < size * MIN_GUTTER_EM * 0.5) return null;
  const left = parts.filter((p) => p.x1 <= g).length;
  const right = parts.filter((p) => p.x0 >= g).length;
  return left >= 3 && right >= 3 ? g : null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
