import type { Analysis } from '../../src/types.js';

/**
 * The part of an analysis that golden files pin: what a reader of the declaration would
 * check by hand (kinds, subjects, actions, commitments, entities, proposals, topics).
 * Rule ids and timing-free extras are left out so that renaming a rule does not churn
 * every golden file.
 */
export function projectForGolden(a: Analysis): unknown {
  return {
    document: {
      id: a.document.id,
      language: a.document.language,
      organization: a.document.organization,
      date: a.document.date,
      place: a.document.place,
      paragraphCount: a.document.paragraphCount,
    },
    paragraphs: a.paragraphs.map((p) => ({
      eId: p.eId,
      kind: p.kind,
      subject: [p.subject.scope, ...p.subject.states].join(' '),
      actions: p.actions.map((x) => `${x.category}: ${x.text}`),
      commitments: p.commitments,
      entities: p.entities.map((e) => `${e.type}: ${e.text}${e.ref ? ` → ${e.ref}` : ''}${e.value ? ` = ${e.value}` : ''}`),
      proposals: p.proposals.map((x) => `${x.proposer} ${x.stance}: ${x.text}`),
      topics: p.topics,
    })),
  };
}
