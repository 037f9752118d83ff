import type { Analysis, Entity } from '../../types.js';
import { displayName, topicLabel } from './displayNames.js';
import { slugify } from './iri.js';

/**
 * The meta/references section: one TLC entry per canonical id used in the analysis
 * (states, organisations, places, events, persons, initiatives, instruments, topics).
 * Entities without a canonical id get an entry keyed by the slug of their text, so that
 * every inline element can point somewhere. Reads: the analysis. Writes: nothing.
 */
export type TlcClass = 'TLCOrganization' | 'TLCLocation' | 'TLCEvent' | 'TLCPerson' | 'TLCConcept' | 'TLCReference';

export interface TlcEntry {
  eId: string;
  cls: TlcClass;
  href: string;
  showAs: string;
  /** Required by the schema on TLCReference: what kind of document it is. */
  name?: string;
}

/** Which inline element and TLC class each entity type maps to. States are parties, hence organisations. */
export const ENTITY_MARKUP: Record<string, { element: string; cls: TlcClass | null; ontology: string }> = {
  state: { element: 'organization', cls: 'TLCOrganization', ontology: 'organizations/states' },
  organization: { element: 'organization', cls: 'TLCOrganization', ontology: 'organizations' },
  place: { element: 'location', cls: 'TLCLocation', ontology: 'locations' },
  event: { element: 'event', cls: 'TLCEvent', ontology: 'events' },
  person: { element: 'person', cls: 'TLCPerson', ontology: 'persons' },
  initiative: { element: 'concept', cls: 'TLCConcept', ontology: 'concepts/initiatives' },
  instrument: { element: 'ref', cls: 'TLCReference', ontology: 'references/instruments' },
  date: { element: 'date', cls: null, ontology: '' },
};

export interface ReferenceTable {
  entries: TlcEntry[];
  /** TLC eId of an entity (null for dates and unknown types). */
  idOf(entity: Entity): string | null;
  /** TLC eId of a topic. */
  topicId(topic: string): string;
}

function keyOf(e: Entity): string {
  return `${e.type}\u0000${e.ref ? e.ref : `text:${slugify(e.text)}`}`;
}

export function collectReferences(analysis: Analysis, reservedIds: Set<string>): ReferenceTable {
  const byKey = new Map<string, TlcEntry>();
  const used = new Set(reservedIds);
  const uniqueId = (wanted: string, type: string): string => {
    let id = wanted.replace(/\s+/g, '-') || 'x';
    if (/^[0-9.-]/.test(id)) id = `${type}-${id}`;
    if (used.has(id)) id = `${type}-${id}`;
    let n = 2;
    const base = id;
    while (used.has(id)) id = `${base}-${n++}`;
    used.add(id);
    return id;
  };
  const add = (key: string, wanted: string, type: string, cls: TlcClass, href: string, showAs: string): TlcEntry => {
    const found = byKey.get(key);
    if (found) return found;
    const entry: TlcEntry = { eId: uniqueId(wanted, type), cls, href, showAs };
    if (cls === 'TLCReference') entry.name = type;
    byKey.set(key, entry);
    return entry;
  };
  for (const p of analysis.paragraphs) {
    for (const e of p.entities) {
      const m = ENTITY_MARKUP[e.type];
      if (!m?.cls) continue;
      const canonical = e.ref ? e.ref : slugify(e.text);
      const scope = e.ref ? 'concord' : 'concord/unresolved';
      const key = keyOf(e);
      if (byKey.has(key)) continue;
      const showAs = e.ref ? displayName(e.type, e.ref, analysis.document.language, e.text) : e.text;
      add(key, e.ref ? e.ref : `${e.type}-${canonical}`, e.type, m.cls, `/akn/ontology/${m.ontology}/${scope}/${encodeURIComponent(canonical)}`, showAs);
    }
    for (const t of p.topics) add(`topic\u0000${t}`, `topic-${t}`, 'topic', 'TLCConcept', `/akn/ontology/concepts/concord/topics/${encodeURIComponent(t)}`, topicLabel(t));
  }
  return {
    entries: [...byKey.values()],
    idOf: (e) => byKey.get(keyOf(e))?.eId ?? null,
    topicId: (t) => byKey.get(`topic\u0000${t}`)?.eId ?? `topic-${t}`,
  };
}
