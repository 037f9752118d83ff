/**
 * Layout repair for PDF text: positioned lines → paragraphs, with no NLP.
 *  - columns: a vertical gutter that no line crosses splits a page into columns, read
 *    left then right, band by band between lines that span the gutter;
 *  - running headers and footers: lines in the top or bottom zone of a page that recur
 *    (digits ignored) on at least half the pages, and bare page numbers, are dropped;
 *  - paragraphs: a new one starts after a vertical gap larger than the usual line
 *    spacing, after a short line ending a sentence, or at a printed paragraph number;
 *  - hyphenation: "déve-" + "loppement" → "développement", unless the hyphenated form
 *    occurs elsewhere in the document (then it is a compound and keeps its hyphen).
 * Reads: lines with coordinates (PDF points, y upwards). Writes: nothing.
 */
export interface PdfLine {
  page: number;
  x0: number;
  x1: number;
  /** Baseline, PDF coordinates (larger is higher on the page). */
  y: number;
  /** Font size (height of the line). */
  size: number;
  text: string;
}

export interface PdfParagraph {
  text: string;
  page: number;
}

const ZONE_LINES = 2;
const ZONE_SHARE = 0.08;
const PAGE_NUMBER = /^(?:(?:page|p\.|стр\.?|страница|seite)\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*(?:(?:\/|of|sur|de|из)\s*\d{1,4})?\s*[-–—]?$|^第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*\/\s*\d{1,4}$/iu;

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function recurrenceKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** Drops running headers, footers and page numbers. */
export function removePageFurniture(pages: PdfLine[][]): PdfLine[][] {
  // The top and bottom zones: at most two lines at each end, within 8 % of the page's text height.
  const zoneOf = (lines: PdfLine[]): PdfLine[] => {
    if (!lines.length) return [];
    const byY = [...lines].sort((a, b) => b.y - a.y);
    const top = byY[0].y;
    const bottom = byY[byY.length - 1].y;
    const margin = Math.max((top - bottom) * ZONE_SHARE, byY[0].size);
    const head = byY.slice(0, ZONE_LINES).filter((l) => l.y >= top - margin);
    const foot = byY.slice(-ZONE_LINES).filter((l) => l.y <= bottom + margin && !head.includes(l));
    return [...head, ...foot];
  };
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(zoneOf(lines).map((l) => recurrenceKey(l.text)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const minRepeats = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines) => {
    const zone = new Set(zoneOf(lines));
    return lines.filter((l) => {
      if (!zone.has(l)) return true;
      if (PAGE_NUMBER.test(l.text.trim())) return false;
      return pages.length < 2 || (counts.get(recurrenceKey(l.text)) ?? 0) < minRepeats;
    });
  });
}

/** Orders one page's lines in reading order, column by column within horizontal bands. */
export function orderPageLines(lines: PdfLine[]): PdfLine[] {
  const byY = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  if (lines.length < 6) return byY;
  const minX = Math.min(...lines.map((l) => l.x0));
  const maxX = Math.max(...lines.map((l) => l.x1));
  const width = maxX - minX;
  // Coverage of the middle half of the text width by narrow lines, in 1-point steps.
  const narrow = lines.filter((l) => l.x1 - l.x0 < width * 0.6);
  const from = Math.floor(minX + width * 0.25);
  const to = Math.ceil(minX + width * 0.75);
  let best: [number, number] | null = null;
  let runStart = -1;
  for (let x = from; x <= to + 1; x++) {
    const covered = x > to || narrow.some((l) => l.x0 < x && l.x1 > x);
    if (!covered && runStart < 0) runStart = x;
    if (covered && runStart >= 0) {
      if (!best || x - runStart > best[1] - best[0]) best = [runStart, x];
      runStart = -1;
    }
  }
  if (!best || best[1] - best[0] < 6) return byY;
  const gutter = (best[0] + best[1]) / 2;
  const left = narrow.filter((l) => l.x1 <= gutter);
  const right = narrow.filter((l) => l.x0 >= gutter);
  if (left.length < 3 || right.length < 3) return byY;
  const out: PdfLine[] = [];
  let bandLeft: PdfLine[] = [];
  let bandRight: PdfLine[] = [];
  const flush = () => {
    out.push(...bandLeft, ...bandRight);
    bandLeft = [];
    bandRight = [];
  };
  for (const l of byY) {
    if (l.x1 <= gutter) bandLeft.push(l);
    else if (l.x0 >= gutter) bandRight.push(l);
    else {
      flush();
      out.push(l);
    }
  }
  flush();
  return out;
}

const TERMINAL = /[.!?;:。！？；：…»"”)]$/u;
const STARTS_NUMBERED = /^(?:\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6}|[IVXLC]{1,6})[.)]|\d{1,3}\.)\s/u;
const HYPHEN_END = /(\p{L})[-\u2010\u00AD]$/u;

/** Words written with an inner hyphen inside lines, to tell compounds from line-end hyphenation. */
function collectHyphenated(lines: PdfLine[]): Set<string> {
  const set = new Set<string>();
  for (const l of lines) for (const m of l.text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) set.add(m[0].toLowerCase());
  return set;
}

function joinLines(prev: string, next: string, compounds: Set<string>): string {
  const m = HYPHEN_END.exec(prev);
  if (m && /^\p{Ll}/u.test(next)) {
    if (prev.endsWith('\u00AD')) return prev.slice(0, -1) + next;
    const head = /\p{L}+-$/u.exec(prev)?.[0] ?? '';
    const tail = /^\p{L}+/u.exec(next)?.[0] ?? '';
    if (compounds.has(`${head}${tail}`.toLowerCase())) return prev + next;
    return prev.slice(0, -1) + next;
  }
  return `${prev} ${next}`;
}

/** Reading-ordered lines of all pages → paragraphs. */
export function buildParagraphs(ordered: PdfLine[]): PdfParagraph[] {
  const compounds = collectHyphenated(ordered);
  const gaps: number[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const a = ordered[i - 1];
    const b = ordered[i];
    const d = a.y - b.y;
    if (a.page === b.page && d > 0 && Math.abs(a.x0 - b.x0) < a.size * 4) gaps.push(d);
  }
  const spacing = median(gaps) || 14;
  // Right edge of a line's column (lines of the same page starting near the same x), to tell
  // a short, paragraph-ending line.
  const byPage = new Map<number, PdfLine[]>();
  for (const l of ordered) {
    const list = byPage.get(l.page);
    if (list) list.push(l);
    else byPage.set(l.page, [l]);
  }
  const colRight = (l: PdfLine) => Math.max(...(byPage.get(l.page) ?? [l]).filter((c) => Math.abs(c.x0 - l.x0) < l.size * 3).map((c) => c.x1));
  const out: PdfParagraph[] = [];
  let current: { text: string; page: number } | null = null;
  let prev: PdfLine | null = null;
  for (const line of ordered) {
    const text = line.text.trim();
    if (!text) continue;
    let breakHere = !current || !prev;
    if (current && prev) {
      const sameColumn = line.page === prev.page && prev.y > line.y && Math.abs(line.x0 - prev.x0) < Math.max(prev.x1 - prev.x0, 50);
      const ended = TERMINAL.test(prev.text.trim());
      const shortPrev = prev.x1 < colRight(prev) - prev.size * 3;
      if (sameColumn) {
        const gap = prev.y - line.y;
        if (gap > spacing * 1.25) breakHere = true;
        else if (ended && (shortPrev || STARTS_NUMBERED.test(text))) breakHere = true;
        else if (ended && line.x0 > prev.x0 + line.size * 0.8) breakHere = true;
      } else {
        // New column or page: continue only a paragraph that visibly runs on.
        breakHere = ended && (shortPrev || /^[\p{Lu}\p{N}(«"“]/u.test(text));
      }
    }
    if (breakHere) {
      if (current) out.push(current);
      current = { text, page: line.page };
    } else if (current) {
      current.text = joinLines(current.text, text, compounds);
    }
    prev = line;
  }
  if (current) out.push(current);
  return out;
}
