import type { Analysis } from '../types.js';
import type { Store } from '../store/index.js';

export type {
  DocumentSummary,
  DocumentFilter,
  SearchQuery,
  SearchHit,
  SearchResult,
  Item,
  ItemFilter,
  ItemTimeline,
  TimelineEntry,
  DocumentDiff,
  ParagraphDiff,
  ImportOutcome,
  Stance,
} from '../store/index.js';

/**
 * What the HTTP server needs from the corpus layer: the corpus store's own interface
 * (src/store, helper "store"), except that `kind` may also be "memory" for the in-memory
 * stand-in of memoryStore.ts. Every method reads the store only; none takes a user path
 * (importFile is used by the `start` command on bundled examples, never by a route).
 */
export type ServerStore = Omit<Store, 'kind'> & { readonly kind: string };

/** Per-document counts shown in the library (computed from the analysis; the store does not keep them). */
export interface DocumentCounts {
  actions: number;
  entities: number;
  commitments: number;
  proposals: number;
  states: number;
}

/** Counts of findings in one analysis. */
export function countFindings(a: Analysis): DocumentCounts {
  let actions = 0;
  let entities = 0;
  let commitments = 0;
  let proposals = 0;
  const states = new Set<string>();
  for (const p of a.paragraphs) {
    actions += p.actions.length;
    entities += p.entities.length;
    commitments += p.commitments ?? (p.commitment ? 1 : 0);
    proposals += p.proposals.length;
    for (const s of p.subject.states) states.add(s);
    for (const e of p.entities) if (e.type === 'state' && e.ref) states.add(e.ref);
  }
  return { actions, entities, commitments, proposals, states: states.size };
}
