import { describe, expect, it } from 'vitest';
import type { Entity } from '../../types.js';
import { runClauseStages } from './testSupport.js';

/** Lines with and without proposal nouns (as tokens, or only inside longer words), each naming a state. */
const CASES: { lang: string; lines: string[]; state: [string, string] }[] = [
  {
    lang: 'en',
    state: ['Kazakhstan', 'KAZ'],
    lines: [
      'We support the proposal of Kazakhstan to establish a regional centre.',
      "We welcome Kazakhstan's initiative to host the summit, and we decide to meet again.",
      'We support the help offered by Kazakhstan and the ideas it shared.',
      'We note that Kazakhstan proposed talks; the proposals were welcomed by all.',
      'We agree to continue cooperation with Kazakhstan.',
    ],
  },
  {
    lang: 'fr',
    state: ['Kazakhstan', 'KAZ'],
    lines: [
      "Les États membres ont soutenu la proposition du Kazakhstan de créer un centre régional.",
      "Les États membres ont salué l'initiative du Kazakhstan visant à renforcer la coopération.",
      'Les États membres ont pris note des propos du Kazakhstan et ont décidé de poursuivre.',
      'Les États membres soutiennent le Kazakhstan.',
    ],
  },
];

describe('the proposal-noun flag of the clause reading (the proposals gate)', () => {
  it.each(CASES)('$lang: the proposals are those the stage finds without the flag', ({ lang, lines, state }) => {
    const entities: Record<number, [string, Entity['type'], string][]> = {};
    lines.forEach((_, i) => { entities[i] = [[state[0], 'state', state[1]]]; });
    const flags: (boolean | null)[] = [];
    const withFlag = runClauseStages(lines, lang, {
      entities,
      beforeProposals: (ctx) => { for (const p of ctx.clauseReadings!.keys()) flags.push(ctx.clauseReadings!.get(p)!.proposalNoun); },
    });
    const without = runClauseStages(lines, lang, {
      entities,
      beforeProposals: (ctx) => { for (const r of ctx.clauseReadings!.values()) r.proposalNoun = null; },
    });
    expect(withFlag.map((p) => p.proposals)).toEqual(without.map((p) => p.proposals));
    // The cases exercise both answers, and the first line holds a proposal.
    expect(flags).toContain(true);
    expect(flags).toContain(false);
    expect(withFlag[0]!.proposals.length).toBeGreaterThan(0);
  });

  it('is true only for a token equal to a noun\'s first word, not for a word that contains one; unknown where the stage does not look', () => {
    const flags: (boolean | null)[] = [];
    const lines = ['We support the proposal of Chile.', 'We support the help offered by Chile.', 'We support the proposal.', 'The proposal of Chile.'];
    runClauseStages(lines, 'en', {
      entities: { 0: [['Chile', 'state', 'CHL']], 1: [['Chile', 'state', 'CHL']], 3: [['Chile', 'state', 'CHL']] },
      beforeProposals: (ctx) => { for (const r of ctx.clauseReadings!.values()) flags.push(r.proposalNoun); },
    });
    // The third line names no state, the fourth has no action: the stage reads neither.
    expect(flags).toEqual([true, false, null, null]);
  });
});
