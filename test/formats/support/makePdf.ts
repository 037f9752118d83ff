import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * Test helper: lays paragraphs out into a real PDF with pdf-lib, like a typeset
 * declaration: A4, Helvetica 11 pt (a standard font with WinAnsi encoding, which covers
 * French accents, œ, « », ’ and the dashes; pdf-lib cannot embed a TTF without
 * @pdf-lib/fontkit, which is not installed), a running header and a page number on
 * every page, long words hyphenated at line ends, and optionally two columns.
 */
export interface PdfLayout {
  columns?: 1 | 2;
  header?: string | null;
  pageNumbers?: boolean;
  hyphenate?: boolean;
  fontSize?: number;
  /** Justify full lines, drawing word by word (as many typesetters do). */
  justify?: boolean;
  /** Indent first lines by this many points. */
  indent?: number;
  /** Extra space between paragraphs, in font sizes (default 0.8; 0 = none). */
  paragraphGap?: number;
}

const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 60;

function wrap(text: string, font: PDFFont, size: number, width: number, hyphenate: boolean): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  for (let w of words) {
    for (;;) {
      const candidate = line ? `${line} ${w}` : w;
      if (fits(candidate)) {
        line = candidate;
        break;
      }
      // Hyphenate plain words of 8+ letters: the longest head that still fits.
      if (hyphenate && /^\p{Ll}[\p{L}]{7,}[,.;:]?$/u.test(w) && line) {
        let split = -1;
        for (let k = w.replace(/[,.;:]$/, '').length - 3; k >= 4; k--) {
          if (fits(`${line} ${w.slice(0, k)}-`)) {
            split = k;
            break;
          }
        }
        if (split > 0) {
          lines.push(`${line} ${w.slice(0, split)}-`);
          line = '';
          w = w.slice(split);
          continue;
        }
      }
      if (!line) {
        line = w; // a single word wider than the column: let it overflow
        break;
      }
      lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function makePdf(paragraphs: string[], layout: PdfLayout = {}): Promise<Uint8Array> {
  const columns = layout.columns ?? 1;
  const size = layout.fontSize ?? 11;
  const leading = size * 1.3;
  const hyphenate = layout.hyphenate ?? true;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const gutter = 24;
  const colW = (PAGE_W - 2 * MARGIN - (columns - 1) * gutter) / columns;
  const top = PAGE_H - MARGIN;
  const bottom = MARGIN;
  let page: PDFPage = doc.addPage([PAGE_W, PAGE_H]);
  let col = 0;
  let y = top;
  const nextColumn = () => {
    col++;
    if (col >= columns) {
      page = doc.addPage([PAGE_W, PAGE_H]);
      col = 0;
    }
    y = top;
  };
  const indent = layout.indent ?? 0;
  for (const para of paragraphs) {
    // The first line is narrower by the indent: wrap it alone, then the rest.
    const first = wrap(para, font, size, colW - indent, hyphenate)[0] ?? '';
    const restText = para.slice(para.indexOf(first.replace(/-$/, '')) + first.replace(/-$/, '').length);
    const rest = first.endsWith('-') && /^\p{L}/u.test(restText) ? wrap(restText, font, size, colW, hyphenate) : wrap(restText.trim(), font, size, colW, hyphenate);
    const wrapped = [first, ...rest].filter(Boolean);
    wrapped.forEach((line, k) => {
      if (y - leading < bottom) nextColumn();
      y -= leading;
      const x = MARGIN + col * (colW + gutter) + (k === 0 ? indent : 0);
      const width = colW - (k === 0 ? indent : 0);
      const words = line.split(' ');
      if (layout.justify && k < wrapped.length - 1 && words.length > 1) {
        const natural = words.reduce((w, word) => w + font.widthOfTextAtSize(word, size), 0);
        const space = (width - natural) / (words.length - 1);
        let cx = x;
        for (const word of words) {
          page.drawText(word, { x: cx, y, size, font });
          cx += font.widthOfTextAtSize(word, size) + space;
        }
      } else {
        page.drawText(line, { x, y, size, font });
      }
    });
    y -= size * (layout.paragraphGap ?? 0.8);
  }
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    if (layout.header !== null) p.drawText(layout.header ?? 'Declaration', { x: MARGIN, y: PAGE_H - 35, size: 8, font });
    if (layout.pageNumbers !== false) p.drawText(String(i + 1), { x: PAGE_W / 2, y: 30, size: 9, font });
  });
  return doc.save();
}
