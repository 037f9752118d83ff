import type { Paragraph } from '../types.js';
import type { AnnotateContext } from './context.js';

/** Stage: commitment flag and count. (Stub: to be implemented.) */
export function annotateCommitments(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  void paragraphs;
  void ctx;
}
