import type { Paragraph } from '../types.js';
import type { AnnotateContext } from './context.js';
import { readDocumentClauses, readingOf, NO_SUBJECT } from './clause/readDocument.js';

/**
 * Stage: subject (GUIDELINES §2). Reads each paragraph's text, its state mentions
 * (entities stage) and the organisation's members (documentInfo stage); writes
 * `subject` (scope all / subset / other / none, states, qualifier, text with offsets,
 * `absent` for a subset of named states). The clause reading it runs is cached for the
 * actions and kinds stages that follow.
 */
export function annotateSubjects(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  readDocumentClauses(paragraphs, ctx);
  for (const p of paragraphs) {
    const r = readingOf(p, ctx);
    p.subject = r ? r.subjectValue : { ...NO_SUBJECT };
  }
}
