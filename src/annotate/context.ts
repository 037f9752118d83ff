import { detectIssuer, type IssuerGuess } from '../reference/issuer.js';
import type { DocumentReading } from './clause/readDocument.js';
import type { DocumentInfo, Message, Paragraph, Severity } from '../types.js';

/** What every annotation stage can see besides the paragraphs. */
export interface AnnotateContext {
  /** The document's language (ISO 639-1) or 'und'. A paragraph's own `language`, when set, wins. */
  language: string;
  /** Document metadata; the documentInfo stage fills organization, date, place, members. */
  document: DocumentInfo;
  messages: Message[];
  /** The issuing organization guessed from the opening paragraphs, once asked (see documentIssuer). */
  issuer?: IssuerGuess | null;
  /** The clause reading of each paragraph, written by the subject stage (clause/readDocument.ts). */
  clauseReadings?: Map<Paragraph, DocumentReading>;
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

/**
 * The issuing organization, guessed from the first four annotatable paragraphs: computed once per
 * document and kept on the context, since the entities stage (context names of its bodies) and the
 * documentInfo stage (document.organization) both need it.
 */
export function documentIssuer(paragraphs: Paragraph[], ctx: AnnotateContext): IssuerGuess | null {
  if (ctx.issuer === undefined) {
    ctx.issuer = detectIssuer(paragraphs.filter(isAnnotatable).slice(0, 4).map((p) => p.text), ctx.language);
  }
  return ctx.issuer;
}
