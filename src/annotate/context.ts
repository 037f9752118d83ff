import type { DocumentInfo, Message, Paragraph, Severity } from '../types.js';

/** What every annotation stage can see besides the paragraphs. */
export interface AnnotateContext {
  /** The document's language (ISO 639-1) or 'und'. A paragraph's own `language`, when set, wins. */
  language: string;
  /** Document metadata; the documentInfo stage fills organization, date, place, members. */
  document: DocumentInfo;
  messages: Message[];
}

/** One annotation stage: reads and fills fields of the paragraphs in place. */
export type AnnotationStage = (paragraphs: Paragraph[], ctx: AnnotateContext) => void;

export function report(
  ctx: AnnotateContext,
  stage: string,
  ruleId: string,
  message: string,
  severity: Severity = 'warning',
  eId?: string,
): void {
  ctx.messages.push({ severity, stage, ruleId, message, ...(eId ? { eId } : {}) });
}

/** The language whose lexicons apply to this paragraph. */
export function paragraphLanguage(p: Paragraph, ctx: AnnotateContext): string {
  return p.language ?? ctx.language;
}

/** Headings and fragments carry no annotation (GUIDELINES §1). */
export function isAnnotatable(p: Paragraph): boolean {
  return p.kind !== 'fragment';
}
