import { XMLValidator } from 'fast-xml-parser';
import { DOMParser } from 'linkedom';
import { UnreadableInputError } from '../types.js';

/**
 * Reads the body of an Akoma Ntoso document into paragraph blocks. Concord's own AKN
 * is recognised by its Concord data (meta/proprietary) and read by eId (para_N), with
 * the text exactly as written; other AKN is read one block per <p>/<heading> in the
 * preface, preamble and mainBody, white space collapsed, the enclosing <num> kept.
 * Reads: the XML string. Writes: nothing. Throws UnreadableInputError for malformed XML
 * or a root that is not <akomaNtoso>.
 */
export interface AknBlock {
  eId: string | null;
  text: string;
  /** The printed number without punctuation ("1", "a", "IV"). */
  num: string | null;
}

export interface AknBody {
  blocks: AknBlock[];
  title: string | null;
  /** True when the file carries Concord's analysis data. */
  concord: boolean;
  /** The parsed document (for readers of the Concord data). */
  document: Document;
}

type El = Element;

/** "1." → "1", "(a)" → "a", "IV." → "IV". */
export function stripNumPunctuation(num: string): string | null {
  const s = num.trim().replace(/^[([]+|[.)\]、:]+$/gu, '').trim();
  return s || null;
}

export function parseAknXml(xml: string): Document {
  const check = XMLValidator.validate(xml);
  if (check !== true) {
    throw new UnreadableInputError(
      `the Akoma Ntoso file is not well-formed XML (line ${check.err.line}: ${check.err.msg})`,
      'ingest/akn-malformed',
      'repair the XML or export it again',
    );
  }
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  const root = doc.documentElement;
  if (!root || root.tagName.replace(/^.*:/, '') !== 'akomaNtoso') {
    throw new UnreadableInputError('the XML file is not Akoma Ntoso (its root element is not <akomaNtoso>)', 'ingest/akn-not-akn', 'give an Akoma Ntoso 3.0 document');
  }
  return doc;
}

function localName(el: El): string {
  return el.tagName.replace(/^.*:/, '');
}

function directChild(el: El, name: string): El | null {
  for (const c of Array.from(el.children)) if (localName(c) === name) return c;
  return null;
}

/** All elements under `el` in document order. */
function* walk(el: El): Generator<El> {
  for (const c of Array.from(el.children)) {
    yield c;
    yield* walk(c);
  }
}

const BODY_PARTS = new Set(['preface', 'preamble', 'mainBody', 'body', 'conclusions']);
const PARA_EID = /^para_\d+$/;

export function readAknBody(xml: string): AknBody {
  const document = parseAknXml(xml);
  const root = document.documentElement as El;
  const all = [...walk(root)];
  const concord = all.some((e) => e.tagName === 'concord:analysis');
  const frbrName = all.find((e) => localName(e) === 'FRBRname')?.getAttribute('value') ?? null;
  const docTitle = all.find((e) => localName(e) === 'docTitle')?.textContent ?? null;
  const title = frbrName ?? (docTitle ? docTitle.replace(/\s+/g, ' ').trim() : null);
  const parts = all.filter((e) => BODY_PARTS.has(localName(e)));
  const blocks: AknBlock[] = [];
  if (concord) {
    for (const part of parts) {
      for (const el of walk(part)) {
        const eId = el.getAttribute('eId');
        if (!eId || !PARA_EID.test(eId)) continue;
        const whole = el.textContent ?? '';
        const numEl = directChild(el, 'num');
        const numText = numEl?.textContent ?? null;
        const text = numText !== null ? `${numText} ${whole.slice(numText.length)}` : whole;
        blocks.push({ eId, text, num: numText !== null ? stripNumPunctuation(numText) : null });
      }
    }
  } else {
    for (const part of parts) {
      for (const el of walk(part)) {
        const name = localName(el);
        if (name !== 'p' && name !== 'heading') continue;
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (!text) continue;
        // The <num> of the enclosing hierarchy belongs to its first block.
        let num: string | null = null;
        const parent = name === 'heading' ? el.parentElement : el.parentElement?.parentElement ?? null;
        const numEl = parent ? directChild(parent as El, 'num') : null;
        const firstBlock = parent ? [...walk(parent as El)].find((x) => localName(x) === 'p' || localName(x) === 'heading') : null;
        if (numEl && firstBlock === el) num = stripNumPunctuation(numEl.textContent ?? '');
        blocks.push({ eId: el.getAttribute('eId'), text: num && numEl ? `${(numEl.textContent ?? '').trim()} ${text}` : text, num });
      }
    }
  }
  return { blocks, title, concord, document };
}
