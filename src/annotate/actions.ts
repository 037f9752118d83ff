import type { Paragraph } from '../types.js';
import type { AnnotateContext } from './context.js';
import { readDocumentClauses, readingOf } from './clause/readDocument.js';

/**
 * Stage: operative-verb actions (GUIDELINES §3). Writes `actions`: the primary action (first
 * finite main verb) first, then the others (participle clauses included) in text order,
 * each with its lexicon entry id in `rule`, `form` and `negated`. Actions are only kept
 * where their subject is the members (or a subset): see clause/analyzeParagraph.ts.
 */
export function annotateActions(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  if (paragraphs.some((p) => !readingOf(p, ctx))) readDocumentClauses(paragraphs, ctx);
  for (const p of paragraphs) {
    const read = readingOf(p, ctx)?.actions;
    // Copies pushed onto a literal, not Array.prototype.map: map's result is a holey array when
    // optimised code inlines it and a packed one otherwise, so later stages would see both kinds
    // and deoptimise when the other appears (see segmentDocument).
    const actions: Paragraph['actions'] = [];
    if (read) for (const a of read) actions.push({ ...a });
    p.actions = actions;
  }
}
