import { readFileSync } from 'node:fs';
import type { Action, Analysis, Entity, Paragraph, Proposal } from '../../../src/types.js';

/** A hand-annotated test declaration: words instead of offsets (test/org/fixtures/README.md). */
interface Marked { text: string; occurrence?: number }
interface FixtureParagraph {
  kind?: Paragraph['kind'];
  text: string;
  entities?: Array<Marked & Omit<Entity, 'start' | 'end' | 'text'>>;
  actions?: Array<Marked & { category: Action['category'] }>;
  proposals?: Array<Marked & { proposer: string; stance: Proposal['stance'] }>;
}
interface Fixture { document: Partial<Analysis['document']> & { id: string; language: string }; paragraphs: FixtureParagraph[] }

/** Offsets of the n-th occurrence (1-based) of words in a text; throws when they are missing. */
function locate(text: string, words: string, occurrence = 1): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(words, at + 1);
    if (at < 0) throw new Error(`fixture: "${words}" (occurrence ${occurrence}) not found in: ${text.slice(0, 80)}…`);
  }
  return { start: at, end: at + words.length };
}

/** Reads a fixture file and builds the Analysis the annotators would have produced. */
export function buildAnalysis(path: string | URL): Analysis {
  const fx = JSON.parse(readFileSync(path, 'utf8')) as Fixture;
  const paragraphs: Paragraph[] = fx.paragraphs.map((p, i) => ({
    n: i + 1,
    eId: `para_${i + 1}`,
    kind: p.kind ?? 'operative',
    text: p.text,
    subject: { scope: 'all', states: [], qualifier: null, text: null },
    actions: (p.actions ?? []).map(({ occurrence, ...a }) => ({ ...a, ...locate(p.text, a.text, occurrence) })),
    commitment: false,
    commitments: 0,
    entities: (p.entities ?? []).map(({ occurrence, ...e }) => ({ ...e, ...locate(p.text, e.text, occurrence) }) as Entity),
    proposals: (p.proposals ?? []).map(({ occurrence, ...pr }) => ({ ...pr, ...locate(p.text, pr.text, occurrence) })),
    topics: [],
  }));
  return {
    schemaVersion: '1',
    document: {
      organization: null, title: null, date: null, place: null, source: null,
      ...fx.document,
      paragraphCount: paragraphs.length,
    },
    paragraphs,
    messages: [],
  };
}
