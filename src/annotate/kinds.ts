import type { Paragraph } from '../types.js';
import type { AnnotateContext } from './context.js';
import { readingOf } from './clause/readDocument.js';

/**
 * Stage: operative vs preamble (GUIDELINES §1), for paragraphs the segmenter left as
 * operative (headings and fragments keep their shape kind). Reads subject and actions;
 * writes `kind` and `kindRule`:
 * - the opening formula ("… déclarent ce qui suit", "declare the following") → preamble;
 * - a paragraph where the members act, or someone else is the subject → operative;
 * - a paragraph with no action (context, the "We, the Leaders …, met" formula) → preamble.
 */
export function refineKinds(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  for (const p of paragraphs) {
    if (p.kind === 'heading' || p.kind === 'fragment') continue;
    if (readingOf(p, ctx)?.openingFormula) {
      p.kind = 'preamble';
      p.kindRule = 'kinds/opening-formula';
    } else if (p.actions.length > 0) {
      p.kind = 'operative';
      p.kindRule = 'kinds/members-act';
    } else if (p.subject.scope === 'other') {
      p.kind = 'operative';
      p.kindRule = 'kinds/other-subject';
    } else {
      p.kind = 'preamble';
      p.kindRule = 'kinds/no-action';
    }
  }
}
