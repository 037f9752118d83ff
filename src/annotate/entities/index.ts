import type { Paragraph } from '../../types.js';
import type { AnnotateContext } from '../context.js';

/** Stage: entities (state, organization, place, date, instrument, event, initiative, person). (Stub: to be implemented.) */
export function annotateEntities(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  void paragraphs;
  void ctx;
}
