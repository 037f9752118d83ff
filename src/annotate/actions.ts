import type { Paragraph } from '../types.js';
import type { AnnotateContext } from './context.js';

/** Stage: operative-verb actions. (Stub: to be implemented.) */
export function annotateActions(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  void paragraphs;
  void ctx;
}
