import type { Analysis } from '../../types.js';
import { writeCsv, type Cell } from './writeCsv.js';

/**
 * Analyses → four CSV tables for spreadsheets and statistics tools, one row per
 * paragraph, commitment paragraph, entity and proposal. Every row starts with the
 * document id and the paragraph eId so the tables join. Lists (states, topics, action
 * categories) are joined with "; ". Reads: analyses. Writes: nothing (returns file texts).
 */
export const CSV_FILES = ['paragraphs.csv', 'commitments.csv', 'entities.csv', 'proposals.csv'] as const;

const list = (xs: readonly string[] | undefined): string => (xs ?? []).join('; ');

export function renderCsv(analyses: Analysis[]): Record<string, string> {
  const paragraphs: Cell[][] = [];
  const commitments: Cell[][] = [];
  const entities: Cell[][] = [];
  const proposals: Cell[][] = [];
  for (const a of analyses) {
    const d = a.document;
    for (const p of a.paragraphs) {
      const categories = [...new Set(p.actions.map((x) => x.category))];
      paragraphs.push([d.id, p.eId, p.n, p.num ?? '', p.kind, p.language ?? d.language, p.subject.scope, list(p.subject.states), p.subject.text ?? '', list(categories), p.commitment, p.commitments, list(p.topics), p.entities.length, p.text]);
      if (p.commitment) {
        commitments.push([d.id, d.organization ?? '', d.date ?? '', p.eId, p.n, p.subject.scope, list(p.subject.states), p.subject.text ?? '', list(categories), list(p.actions.map((x) => x.text)), p.commitments, list(p.topics), p.commitmentRule ?? '', p.text]);
      }
      for (const e of p.entities) entities.push([d.id, p.eId, e.type, e.text, e.ref ?? '', e.value ?? '', e.start, e.end, e.rule ?? '']);
      for (const x of p.proposals) proposals.push([d.id, p.eId, x.proposer, x.stance, x.text, x.start ?? '', x.end ?? '', x.rule ?? '']);
    }
  }
  return {
    'paragraphs.csv': writeCsv(['document_id', 'eId', 'n', 'num', 'kind', 'language', 'subject_scope', 'subject_states', 'subject_text', 'action_categories', 'commitment', 'commitments', 'topics', 'entity_count', 'text'], paragraphs),
    'commitments.csv': writeCsv(['document_id', 'organization', 'date', 'eId', 'n', 'subject_scope', 'subject_states', 'subject_text', 'action_categories', 'action_texts', 'commitments', 'topics', 'rule', 'text'], commitments),
    'entities.csv': writeCsv(['document_id', 'eId', 'type', 'text', 'ref', 'value', 'start', 'end', 'rule'], entities),
    'proposals.csv': writeCsv(['document_id', 'eId', 'proposer', 'stance', 'text', 'start', 'end', 'rule'], proposals),
  };
}
