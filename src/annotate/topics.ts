import type { Paragraph } from '../types.js';
import type { AnnotateContext } from './context.js';

/** Stage: topics. (Stub: to be implemented.) */
export function annotateTopics(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  void paragraphs;
  void ctx;
}
