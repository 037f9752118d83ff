import { readAknBody, walk } from '../../ingest/akn/readAknBody.js';
import type { Analysis, Paragraph } from '../../types.js';
import { concordChildren, readConcordElement, type ElementLike } from './concordData.js';

/**
 * Concord's own Akoma Ntoso → the Analysis it was written from, without re-running the
 * analyser: paragraph texts from the body (by eId), every finding from the Concord data
 * in meta/proprietary. Reads: the XML string. Writes: nothing. Returns null when the
 * file carries no Concord data (use the AKN importer and analyse it instead).
 */
export function readAkn(xml: string): Analysis | null {
  const body = readAknBody(xml);
  if (!body.concord) return null;
  const found = [...walk(body.root)].find((e) => e.tagName === 'concord:analysis');
  if (!found) return null;
  const root: ElementLike = found;
  const texts = new Map(body.blocks.map((b) => [b.eId, b.text]));
  const documentEl = concordChildren(root, 'document')[0];
  const paragraphs: Paragraph[] = concordChildren(root, 'paragraph').map((el) => {
    const p = readConcordElement(el) as unknown as Paragraph;
    p.text = texts.get(p.eId) ?? '';
    p.subject = readConcordElement(concordChildren(el, 'subject')[0]) as unknown as Paragraph['subject'];
    p.actions = concordChildren(el, 'action').map((a) => readConcordElement(a) as unknown as Paragraph['actions'][number]);
    p.entities = concordChildren(el, 'entity').map((a) => readConcordElement(a) as unknown as Paragraph['entities'][number]);
    p.proposals = concordChildren(el, 'proposal').map((a) => readConcordElement(a) as unknown as Paragraph['proposals'][number]);
    p.topics ??= [];
    return p;
  });
  const analysis: Analysis = {
    schemaVersion: '1',
    document: readConcordElement(documentEl) as unknown as Analysis['document'],
    paragraphs,
  };
  if (root.getAttribute('noMessages') !== 'true') analysis.messages = concordChildren(root, 'message').map((m) => readConcordElement(m) as unknown as NonNullable<Analysis['messages']>[number]);
  if (root.getAttribute('noFacts') !== 'true') analysis.facts = concordChildren(root, 'fact').map((m) => readConcordElement(m) as unknown as NonNullable<Analysis['facts']>[number]);
  return analysis;
}
