import type { RawBlock } from './assembleBlocks.js';

/**
 * An HTML element tree → paragraphs. Each block element (p, h1–h6, li, td, blockquote,
 * div…) closes the paragraph before it; <br><br> inside one element also separates
 * paragraphs; a single <br> is a space. Items of an ordered list get their printed number
 * (from <ol start type> and <li value>) as `num`, since automatic numbering is not in
 * the text. Reads: a DOM node (linkedom). Writes: nothing.
 */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'head', 'button', 'select', 'input', 'textarea']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
  getAttribute?(name: string): string | null;
  parentNode?: NodeLike | null;
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

function toLetters(n: number): string {
  let s = '';
  while (n > 0) { n--; s = String.fromCharCode(97 + (n % 26)) + s; n = Math.floor(n / 26); }
  return s;
}

/** The printed number of an <ol> item, by list type ("1", "a", "A", "i", "I"). */
export function formatListNumber(n: number, type: string | null): string {
  switch (type) {
    case 'a': return toLetters(n);
    case 'A': return toLetters(n).toUpperCase();
    case 'i': return toRoman(n).toLowerCase();
    case 'I': return toRoman(n);
    default: return String(n);
  }
}

/**
 * `listNumbers`, when given, are the printed numbers of the ordered-list items in document
 * order (the DOCX importer computes them from Word's numbering definitions); they replace
 * the numbers counted from <ol> attributes.
 */
export function extractHtmlBlocks(root: NodeLike, listNumbers?: string[] | null): RawBlock[] {
  const out: RawBlock[] = [];
  let listIndex = 0;
  let buf = '';
  let pendingNum: string | null = null;
  const flush = () => {
    const parts = buf.split(/\n[ \t\f\r\u00a0]*\n/);
    for (const part of parts) {
      const t = part.replace(/\s+/gu, ' ').trim();
      if (!t) continue;
      out.push({ text: t, num: pendingNum });
      pendingNum = null;
    }
    buf = '';
  };
  const visit = (child: NodeLike) => {
    if (child.nodeType === 3) {
      buf += (child.textContent ?? '').replace(/\n/g, ' ');
      return;
    }
    if (child.nodeType !== 1) return;
    const tag = child.nodeName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      buf += '\n';
      return;
    }
    if (!BLOCK.has(tag)) {
      walk(child);
      return;
    }
    flush();
    if (tag === 'ol') walkList(child);
    else walk(child);
    flush();
  };
  const walk = (node: NodeLike) => {
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  const walkList = (ol: NodeLike) => {
    const type = ol.getAttribute?.('type') ?? null;
    const reversed = ol.getAttribute?.('reversed') !== null && ol.getAttribute?.('reversed') !== undefined;
    const items = Array.from(ol.childNodes).filter((c) => c.nodeType === 1 && c.nodeName.toLowerCase() === 'li');
    let n = Number.parseInt(ol.getAttribute?.('start') ?? '', 10);
    if (!Number.isFinite(n)) n = reversed ? items.length : 1;
    for (const child of Array.from(ol.childNodes)) {
      if (child.nodeType !== 1 || child.nodeName.toLowerCase() !== 'li') {
        visit(child);
        continue;
      }
      const value = Number.parseInt(child.getAttribute?.('value') ?? '', 10);
      if (Number.isFinite(value)) n = value;
      flush();
      pendingNum = listNumbers ? listNumbers[listIndex] ?? null : n > 0 ? formatListNumber(n, type) : null;
      listIndex++;
      walk(child);
      flush();
      pendingNum = null;
      n += reversed ? -1 : 1;
    }
  };
  walk(root);
  flush();
  return out;
}
