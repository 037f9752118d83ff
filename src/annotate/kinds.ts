import type { Paragraph } from '../types.js';
import type { AnnotateContext } from './context.js';

/** Stage: paragraph kinds operative vs preamble. (Stub: to be implemented.) */
export function refineKinds(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  void paragraphs;
  void ctx;
}
