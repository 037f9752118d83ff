import type { Entity, Paragraph } from '../../types.js';
import type { AnnotateContext } from '../context.js';
import { annotateSubjects } from '../subject.js';
import { annotateActions } from '../actions.js';
import { refineKinds } from '../kinds.js';
import { annotateCommitments } from '../commitment.js';
import { annotateProposals } from '../proposals.js';

/**
 * Test helper: builds bare paragraphs from lines (a leading "1. " sets `num`), runs the
 * clause stages in pipeline order and returns the paragraphs. Entities may be given per
 * line as [text, type, ref] triples located by their first occurrence; `beforeProposals` may
 * alter the context (the clause readings) before the last stage.
 */
export function runClauseStages(
  lines: string[],
  lang: string,
  opts: { entities?: Record<number, [string, Entity['type'], string][]>; members?: string[]; beforeProposals?: (ctx: AnnotateContext) => void } = {},
): Paragraph[] {
  const paragraphs: Paragraph[] = lines.map((text, i) => {
    const num = /^(\d+)\.\s/u.exec(text)?.[1] ?? null;
    const entities: Entity[] = (opts.entities?.[i] ?? []).map(([t, type, ref]) => {
      const start = text.indexOf(t);
      if (start < 0) throw new Error(`entity "${t}" not in line ${i}`);
      return { type, text: t, start, end: start + t.length, ref };
    });
    return {
      n: i + 1, eId: `para_${i + 1}`, kind: 'operative', text, num,
      subject: { scope: 'none', states: [], qualifier: null, text: null },
      actions: [], commitment: false, commitments: 0, entities, proposals: [], topics: [],
    };
  });
  const ctx: AnnotateContext = {
    language: lang,
    messages: [],
    document: { id: 't', language: lang, organization: null, title: null, date: null, place: null, source: null, paragraphCount: lines.length, ...(opts.members ? { members: opts.members } : {}) },
  };
  for (const stage of [annotateSubjects, annotateActions, refineKinds, annotateCommitments]) stage(paragraphs, ctx);
  opts.beforeProposals?.(ctx);
  annotateProposals(paragraphs, ctx);
  return paragraphs;
}
