import type { ActionCategory, InstitutionalFact } from '../types.js';
import { entitiesIn, makeFact, sentenceAt, type ParagraphFacts } from './context.js';

/** The lifecycle of a proposal across declarations, in order. */
export const PROPOSAL_STAGES = ['proposed', 'noted', 'supported', 'decided', 'implemented'] as const;
export type ProposalStage = (typeof PROPOSAL_STAGES)[number];

/** The stage an action of the members gives a proposal (GUIDELINES action categories). */
export const STAGE_OF_CATEGORY: Record<ActionCategory, ProposalStage> = {
  note: 'noted', consider: 'noted', stress: 'noted', affirm: 'noted',
  welcome: 'supported', support: 'supported', call: 'supported',
  decide: 'decided', adopt: 'decided', commit: 'decided',
  oppose: 'proposed',
};

/** The later of two stages. */
export function laterStage(a: ProposalStage, b: ProposalStage): ProposalStage {
  return PROPOSAL_STAGES.indexOf(a) >= PROPOSAL_STAGES.indexOf(b) ? a : b;
}

/**
 * Proposals of member states (paragraph.proposals from the core analysis) as facts with a
 * lifecycle stage. Reads the proposal (proposer, text, stance), finds its offsets in the
 * paragraph when it has none, and raises the stage with every later action of the members in
 * the same sentence ("ont soutenu la proposition … et ont décidé de créer" → decided).
 * Writes kind `proposal` {proposer, proposal, stance, stage, refs} where refs are the
 * organisation/instrument/initiative ids named inside the proposal (used to follow it
 * across declarations).
 */
export function extractProposals(pf: ParagraphFacts): InstitutionalFact[] {
  const facts: InstitutionalFact[] = [];
  for (const p of pf.paragraph.proposals ?? []) {
    let start = p.start ?? -1;
    let end = p.end ?? -1;
    if (start < 0 || end <= start) {
      start = pf.paragraph.text.indexOf(p.text);
      end = start >= 0 ? start + p.text.length : -1;
    }
    const located = start >= 0;
    const span = located ? { start, end } : { start: 0, end: pf.paragraph.text.length };
    let stage: ProposalStage = STAGE_OF_CATEGORY[p.stance] ?? 'proposed';
    if (located) {
      const sentence = sentenceAt(pf, start);
      // Only the action that carries the stance and those after it: an earlier verb of the
      // sentence governs something else ("Ils préconisent X … et ont pris note de la proposition").
      const stanceAction = [...pf.actions].reverse().find((a) => a.category === p.stance && a.start >= sentence.start && a.end <= start);
      const from = stanceAction?.start ?? start;
      for (const a of pf.actions) {
        if (a.negated || a.start < Math.max(sentence.start, from) || a.end > sentence.end) continue;
        stage = laterStage(stage, STAGE_OF_CATEGORY[a.category] ?? 'proposed');
      }
    }
    const refs: string[] = [];
    // A loop, not map().filter(): the map's array kind changed when this was optimised (a deopt).
    if (located) for (const e of entitiesIn(pf, span, ['organization', 'instrument', 'initiative', 'event'])) if (e.ref) refs.push(e.ref);
    facts.push(makeFact(pf, 'proposal', p.rule ?? 'facts/proposal', [span], {
      org: pf.org, proposer: p.proposer, proposal: p.text, stance: p.stance, stage, refs, located,
    }));
  }
  return facts;
}
