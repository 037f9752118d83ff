import type { Paragraph } from '../types.js';
import type { AnnotateContext } from './context.js';

/** Stage: proposals of named states. (Stub: to be implemented.) */
export function annotateProposals(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  void paragraphs;
  void ctx;
}
