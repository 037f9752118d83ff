import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UnreadableInputError } from '../types.js';

/**
 * Reads the body of an Akoma Ntoso document into paragraph blocks. Concord's own AKN
 * is recognised by its Concord data (meta/proprietary) and read by eId (para_N), with
 * the text exactly as written; other AKN is read one block per <p>/<heading> in the
 * preface, preamble and mainBody, white space collapsed, the enclosing <num> kept.
 * Parsing is fast-xml-parser in order-preserving mode (mixed content keeps its order;
 * entities and character references decoded in text and attributes alike; DOCTYPE
 * entities are not expanded).
 * Reads: the XML string. Writes: nothing. Throws UnreadableInputError for malformed XML
 * or a root that is not <akomaNtoso>.
 */
export interface AknBlock {
  eId: string | null;
  text: string;
  /** The printed number without punctuation ("1", "a", "IV"). */
  num: string | null;
}

/** A parsed element: enough of the DOM for the readers here and in src/export/akn. */
export interface XmlElement {
  tagName: string;
  attributes: Array<{ name: string; value: string }>;
  children: XmlElement[];
  getAttribute(name: string): string | null;
  readonly textContent: string;
}

export interface AknBody {
  blocks: AknBlock[];
  title: string | null;
  /** True when the file carries Concord's analysis data. */
  concord: boolean;
  /** The root element (<akomaNtoso>). */
  root: XmlElement;
}

type RawNode = Record<string, unknown>;

class Element implements XmlElement {
  readonly attributes: Array<{ name: string; value: string }>;
  readonly children: XmlElement[] = [];
  /** Text and element children in document order (text as strings). */
  readonly content: Array<string | Element> = [];
  constructor(
    readonly tagName: string,
    attrs: Record<string, unknown> | undefined,
  ) {
    this.attributes = Object.entries(attrs ?? {}).map(([name, value]) => ({ name, value: String(value) }));
  }
  getAttribute(name: string): string | null {
    return this.attributes.find((a) => a.name === name)?.value ?? null;
  }
  get textContent(): string {
    return this.content.map((c) => (typeof c === 'string' ? c : c.textContent)).join('');
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  commentPropName: '#comment',
});

function build(nodes: RawNode[], parent: Element): void {
  for (const node of nodes) {
    if ('#text' in node) {
      parent.content.push(String(node['#text']));
      continue;
    }
    const tag = Object.keys(node).find((k) => k !== ':@');
    if (!tag || tag === '#comment' || tag.startsWith('?') || tag.startsWith('!')) continue;
    const el = new Element(tag, node[':@'] as Record<string, unknown> | undefined);
    build((node[tag] as RawNode[]) ?? [], el);
    parent.children.push(el);
    parent.content.push(el);
  }
}

/** "1." → "1", "(a)" → "a", "IV." → "IV". */
export function stripNumPunctuation(num: string): string | null {
  const s = num.trim().replace(/^[([]+|[.)\]、:]+$/gu, '').trim();
  return s || null;
}

export function localName(el: XmlElement): string {
  return el.tagName.replace(/^.*:/, '');
}

/** All elements under `el` in document order. */
export function* walk(el: XmlElement): Generator<XmlElement> {
  for (const c of el.children) {
    yield c;
    yield* walk(c);
  }
}

export function parseAknXml(xml: string): XmlElement {
  const check = XMLValidator.validate(xml);
  if (check !== true) {
    throw new UnreadableInputError(
      `the Akoma Ntoso file is not well-formed XML (line ${check.err.line}: ${check.err.msg})`,
      'ingest/akn-malformed',
      'repair the XML or export it again',
    );
  }
  const doc = new Element('#document', undefined);
  build(parser.parse(xml) as RawNode[], doc);
  const root = doc.children[0];
  if (!root || localName(root) !== 'akomaNtoso') {
    throw new UnreadableInputError('the XML file is not Akoma Ntoso (its root element is not <akomaNtoso>)', 'ingest/akn-not-akn', 'give an Akoma Ntoso 3.0 document');
  }
  return root;
}

function directChild(el: XmlElement, name: string): XmlElement | null {
  return el.children.find((c) => localName(c) === name) ?? null;
}

const BODY_PARTS = new Set(['preface', 'preamble', 'mainBody', 'body', 'conclusions']);
const PARA_EID = /^para_\d+$/;

export function readAknBody(xml: string): AknBody {
  const root = parseAknXml(xml);
  const all = [...walk(root)];
  const concord = all.some((e) => e.tagName === 'concord:analysis');
  const frbrName = all.find((e) => localName(e) === 'FRBRname')?.getAttribute('value') ?? null;
  const docTitle = all.find((e) => localName(e) === 'docTitle')?.textContent ?? null;
  const title = frbrName ?? (docTitle ? docTitle.replace(/\s+/g, ' ').trim() : null);
  // Body parts not nested in another one (a <body> inside <components> is read with its part).
  const parts = all.filter((e) => BODY_PARTS.has(localName(e)));
  const blocks: AknBlock[] = [];
  if (concord) {
    for (const part of parts) {
      for (const el of walk(part)) {
        const eId = el.getAttribute('eId');
        if (!eId || !PARA_EID.test(eId)) continue;
        const whole = el.textContent;
        const numText = directChild(el, 'num')?.textContent ?? null;
        const text = numText !== null ? `${numText} ${whole.slice(numText.length)}` : whole;
        blocks.push({ eId, text, num: numText !== null ? stripNumPunctuation(numText) : null });
      }
    }
  } else {
    const parentOf = new Map<XmlElement, XmlElement>();
    for (const e of [root, ...all]) for (const c of e.children) parentOf.set(c, e);
    for (const part of parts) {
      for (const el of walk(part)) {
        const name = localName(el);
        if (name !== 'p' && name !== 'heading') continue;
        const text = el.textContent.replace(/\s+/g, ' ').trim();
        if (!text) continue;
        // The <num> of the enclosing hierarchy belongs to its first block.
        let num: string | null = null;
        const up = parentOf.get(el);
        const parent = name === 'heading' ? up : up ? parentOf.get(up) : undefined;
        const numEl = parent ? directChild(parent, 'num') : null;
        const firstBlock = parent ? [...walk(parent)].find((x) => localName(x) === 'p' || localName(x) === 'heading') : null;
        if (numEl && firstBlock === el) num = stripNumPunctuation(numEl.textContent);
        blocks.push({ eId: el.getAttribute('eId'), text: num && numEl ? `${numEl.textContent.trim()} ${text}` : text, num });
      }
    }
  }
  return { blocks, title, concord, root };
}
