import type { Paragraph } from '../types.js';
import type { AnnotateContext } from './context.js';

/** Stage: document metadata (organization, title, date, place, id, members). (Stub: to be implemented.) */
export function annotateDocumentInfo(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  void paragraphs;
  void ctx;
}
