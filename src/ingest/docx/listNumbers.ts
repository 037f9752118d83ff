import { XMLParser } from 'fast-xml-parser';
import { formatListNumber } from '../html/htmlBlocks.js';
import { readZipEntry, type ZipEntryInfo } from './zipGuard.js';

/**
 * The printed numbers of a Word document's automatically numbered paragraphs, in
 * document order ("1", "2", "a", "IV"…), computed from word/numbering.xml (formats and
 * start values), word/styles.xml (numbering given by a paragraph style) and
 * word/document.xml (which paragraph uses which list and level). Mammoth keeps the
 * lists but not their number formats, so the DOCX importer hands these numbers to the
 * HTML block reader. Bulleted paragraphs are skipped (mammoth makes them <ul>).
 * Reads: the archive (entries already size-checked). Writes: nothing. Returns null
 * when the document has no numbering part.
 */
interface Level {
  fmt: string;
  start: number;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute });

type Node = Record<string, unknown>;
const arr = (x: unknown): Node[] => (Array.isArray(x) ? (x as Node[]) : x ? [x as Node] : []);
const val = (n: Node | undefined, key: string): string | null => {
  const el = n ? arr(n[key])[0] : undefined;
  const v = el?.['@val'];
  return typeof v === 'string' ? v : null;
};

const FORMATS: Record<string, string | null> = { decimal: '1', decimalZero: '01', lowerLetter: 'a', upperLetter: 'A', lowerRoman: 'i', upperRoman: 'I', bullet: null, none: null };

function formatNumber(n: number, fmt: string): string {
  const type = FORMATS[fmt] ?? '1';
  if (type === '01') return String(n).padStart(2, '0');
  return formatListNumber(n, type);
}

export function computeListNumbers(bytes: Uint8Array, entries: ZipEntryInfo[]): string[] | null {
  const entry = (name: string) => entries.find((e) => e.name === name);
  const numberingEntry = entry('word/numbering.xml');
  const documentEntry = entry('word/document.xml');
  if (!numberingEntry || !documentEntry) return null;
  const decode = (e: ZipEntryInfo) => new TextDecoder('utf-8').decode(readZipEntry(bytes, e));
  const numbering = arr(parser.parse(decode(numberingEntry)).numbering)[0] ?? {};
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of arr(numbering.abstractNum)) {
    const levels = new Map<number, Level>();
    for (const l of arr(a.lvl)) levels.set(Number(l['@ilvl'] ?? 0), { fmt: val(l, 'numFmt') ?? 'decimal', start: Number(val(l, 'start') ?? 1) });
    abstract.set(String(a['@abstractNumId']), levels);
  }
  const nums = new Map<string, { abstractId: string; startOverride: Map<number, number> }>();
  for (const n of arr(numbering.num)) {
    const startOverride = new Map<number, number>();
    for (const o of arr(n.lvlOverride)) {
      const s = val(o, 'startOverride');
      if (s !== null) startOverride.set(Number(o['@ilvl'] ?? 0), Number(s));
    }
    nums.set(String(n['@numId']), { abstractId: val(n, 'abstractNumId') ?? '', startOverride });
  }
  // Paragraph styles that carry numbering.
  const styleNum = new Map<string, { numId: string; ilvl: number }>();
  const stylesEntry = entry('word/styles.xml');
  if (stylesEntry) {
    for (const st of arr(arr(parser.parse(decode(stylesEntry)).styles)[0]?.style)) {
      const numPr = arr(arr(st.pPr)[0]?.numPr)[0];
      const numId = val(numPr, 'numId');
      if (numId) styleNum.set(String(st['@styleId']), { numId, ilvl: Number(val(numPr, 'ilvl') ?? 0) });
    }
  }
  const out: string[] = [];
  const counters = new Map<string, number[]>();
  const seenNums = new Set<string>();
  const body = arr(arr(parser.parse(decode(documentEntry)).document)[0]?.body)[0] ?? {};
  const visit = (node: Node) => {
    for (const p of arr(node.p)) {
      const pPr = arr(p.pPr)[0];
      const numPr = arr(pPr?.numPr)[0];
      let numId = val(numPr, 'numId');
      let ilvl = Number(val(numPr, 'ilvl') ?? 0);
      if (!numId) {
        const style = styleNum.get(val(pPr, 'pStyle') ?? '');
        if (style) ({ numId, ilvl } = style);
      }
      const num = numId ? nums.get(numId) : undefined;
      if (!num || numId === '0') continue;
      const level = abstract.get(num.abstractId)?.get(ilvl) ?? { fmt: 'decimal', start: 1 };
      if (FORMATS[level.fmt] === null) continue;
      const key = num.abstractId;
      const c = counters.get(key) ?? [];
      const override = num.startOverride.get(ilvl);
      // A list instance with a start override restarts the count the first time it is used.
      if (override !== undefined && !seenNums.has(`${numId}:${ilvl}`)) c[ilvl] = undefined as unknown as number;
      seenNums.add(`${numId}:${ilvl}`);
      c[ilvl] = c[ilvl] === undefined ? override ?? level.start : c[ilvl] + 1;
      c.length = ilvl + 1; // deeper levels restart
      counters.set(key, c);
      out.push(formatNumber(c[ilvl], level.fmt));
    }
    // Numbered paragraphs inside tables are not visited: the caller then sees a count that
    // differs from mammoth's list items and falls back to list positions.
  };
  visit(body);
  return out;
}
