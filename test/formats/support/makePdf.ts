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
  for (const para of paragraphs) {
    for (const line of wrap(para, font, size, colW, hyphenate)) {
      if (y - leading < bottom) nextColumn();
      y -= leading;
      page.drawText(line, { x: MARGIN + col * (colW + gutter), y, size, font });
    }
    y -= size * 0.8; // paragraph spacing
  }
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    if (layout.header !== null) p.drawText(layout.header ?? 'Declaration', { x: MARGIN, y: PAGE_H - 35, size: 8, font });
    if (layout.pageNumbers !== false) p.drawText(String(i + 1), { x: PAGE_W / 2, y: 30, size: 9, font });
  });
  return doc.save();
}
