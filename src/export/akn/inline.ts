import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Entity } from '../../types.js';
import { CONCORD_NS, CONCORD_PREFIX } from './concordData.js';
import { ENTITY_MARKUP, type ReferenceTable } from './references.js';

/**
 * Writes a paragraph's text into an AKN block with its entities as inline elements
 * (<organization refersTo>, <location refersTo>, <date date>, <event>, <person>,
 * <concept>, <ref href>). Nested entities nest; an entity that crosses another's boundary
 * is left out of the markup (it stays in the Concord data, so nothing is lost).
 * Reads: text, the entities' offsets (relative to the paragraph text) and the reference
 * table. Writes: child nodes of `parent`. Text is written exactly, never re-indented.
 */
const XSD_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

interface Span {
  start: number;
  end: number;
  entity: Entity;
}

export function writeInline(parent: XMLBuilder, text: string, offset: number, entities: Entity[], refs: ReferenceTable, eIdBase: string): void {
  const spans: Span[] = entities
    .map((entity) => ({ start: entity.start - offset, end: entity.end - offset, entity }))
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const counters = new Map<string, number>();
  const nextEId = (element: string): string => {
    const k = (counters.get(element) ?? 0) + 1;
    counters.set(element, k);
    return `${eIdBase}__${element}_${k}`;
  };
  const build = (node: XMLBuilder, from: number, to: number, items: Span[]): void => {
    let cursor = from;
    let i = 0;
    while (i < items.length) {
      const s = items[i];
      if (s.start < cursor) {
        i++;
        continue;
      }
      const inner: Span[] = [];
      let j = i + 1;
      for (; j < items.length && items[j].start < s.end; j++) if (items[j].end <= s.end) inner.push(items[j]);
      if (s.start > cursor) node.txt(text.slice(cursor, s.start));
      const el = openElement(node, s.entity, refs, nextEId);
      build(el, s.start, s.end, inner);
      cursor = s.end;
      i = j;
    }
    if (to > cursor) node.txt(text.slice(cursor, to));
  };
  build(parent, 0, text.length, spans);
}

function openElement(node: XMLBuilder, e: Entity, refs: ReferenceTable, nextEId: (el: string) => string): XMLBuilder {
  if (e.type === 'date') {
    if (e.value && XSD_DATE.test(e.value)) return node.ele('date', { eId: nextEId('date'), date: e.value });
    // Ranges and partial dates ("2025/2027", "../2030", "2024-07") are not xsd:date values.
    const span = node.ele('span', { eId: nextEId('span'), class: 'date' });
    if (e.value) span.att(CONCORD_NS, `${CONCORD_PREFIX}:value`, e.value);
    return span;
  }
  const markup = ENTITY_MARKUP[e.type];
  const id = refs.idOf(e);
  if (!markup || !id) return node.ele('span', { eId: nextEId('span'), class: e.type });
  if (markup.element === 'ref') {
    const href = refs.entries.find((x) => x.eId === id)?.href ?? `#${id}`;
    return node.ele('ref', { eId: nextEId('ref'), href, refersTo: `#${id}` });
  }
  return node.ele(markup.element, { eId: nextEId(markup.element), refersTo: `#${id}` });
}
