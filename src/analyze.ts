import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ANNOTATION_STAGES, type AnnotateContext } from './annotate/index.js';
import { extractFacts } from './facts/index.js';
import { ingestBytes, normaliseText, type IngestResult, type IngestOptions } from './ingest/index.js';
import { detectLanguage, PER_PARAGRAPH_MIN_CHARS, resolveDocumentLanguage } from './language/detectLanguage.js';
import { segmentDocument } from './segment/index.js';
import type { Analysis, Message } from './types.js';

/**
 * The Concord pipeline, in order:
 *   ingest (bytes → normalised text, src/ingest) → segment (paragraphs, eIds, shape kinds,
 *   src/segment) → language (src/language) → annotate (one stage per fact kind,
 *   src/annotate/index.ts lists them) → facts (src/facts).
 * Linking across documents, storage and export come after, on the Analysis this returns.
 */
export interface AnalyzeOptions extends IngestOptions {
  /** 'auto' (default) or an ISO 639-1 code that overrides detection. */
  lang?: string;
  /** Document id; by default made from organisation, year and place, else the file name. */
  id?: string;
  /** Skip institutional facts (faster when only paragraphs are wanted). */
  facts?: boolean;
}

/** bytes of any supported format → Analysis. Throws UnreadableInputError only for unreadable input. */
export async function analyzeBytes(bytes: Uint8Array, options: AnalyzeOptions = {}): Promise<Analysis> {
  const ingested = await ingestBytes(bytes, options);
  const analysis = analyzeIngested(ingested, options);
  analysis.document.contentHash = createHash('sha256').update(bytes).digest('hex');
  return analysis;
}

/** A string of plain text → Analysis (synchronous; used by tests and benchmarks). */
export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeIngested({ text: normaliseText(text), blocks: [], format: 'txt', messages: [] }, options);
}

export function analyzeIngested(ingested: IngestResult, options: AnalyzeOptions = {}): Analysis {
  const messages: Message[] = [...ingested.messages];
  const paragraphs = segmentDocument(ingested.text, ingested.blocks);
  if (paragraphs.length === 0) {
    messages.push({
      severity: 'error',
      stage: 'segment',
      ruleId: 'segment/empty',
      message: ingested.text.length === 0 ? 'the input is empty: there is nothing to analyse' : 'the input holds only white space: there is nothing to analyse',
    });
  }
  const lang = resolveDocumentLanguage(ingested.text, options.lang);
  messages.push(...lang.messages);
  if (lang.source === 'detected') {
    for (const p of paragraphs) {
      if (p.text.length < PER_PARAGRAPH_MIN_CHARS) continue;
      const g = detectLanguage(p.text.slice(0, 600));
      if (g.reliable && g.language !== lang.language && g.language !== 'und') p.language = g.language;
    }
  }
  const source = options.filename ? basename(options.filename) : null;
  const ctx: AnnotateContext = {
    language: lang.language,
    messages,
    document: {
      id: options.id ?? '',
      language: lang.language,
      languageSource: lang.source,
      organization: null,
      title: ingested.title ?? null,
      date: null,
      place: null,
      source,
      paragraphCount: paragraphs.length,
      length: ingested.text.length,
    },
  };
  for (const [, stage] of ANNOTATION_STAGES) stage(paragraphs, ctx);
  if (!ctx.document.id) ctx.document.id = fallbackId(source);
  if (options.id) ctx.document.id = options.id;
  const analysis: Analysis = { schemaVersion: '1', document: ctx.document, paragraphs, messages };
  if (options.facts !== false) analysis.facts = extractFacts(analysis);
  return analysis;
}

function fallbackId(source: string | null): string {
  if (!source) return 'document';
  return source.replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-|-$/g, '') || 'document';
}
