import type { Paragraph } from '../../src/types.js';

/**
 * A hand-made paragraph for unit tests: operative, spoken by all members, every finding
 * empty, then overridden by `over`.
 */
export function makeParagraph(n: number, text: string, over: Partial<Paragraph> = {}): Paragraph {
  return {
    n, eId: `para_${n}`, kind: 'operative', text,
    subject: { scope: 'all', states: [], qualifier: null, text: null },
    actions: [], commitment: false, commitments: 0, entities: [], proposals: [], topics: [],
    ...over,
  };
}
