import type { Paragraph } from '../types.js';
import type { AnnotateContext } from './context.js';

/** Stage: subject (all / subset / other / none). (Stub: to be implemented.) */
export function annotateSubjects(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  void paragraphs;
  void ctx;
}
