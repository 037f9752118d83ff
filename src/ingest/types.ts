import type { Message } from '../types.js';

/**
 * The contract every importer fulfils: bytes in, normalised text with positions out.
 * No NLP here: only decoding, extraction and layout repair.
 */
export interface IngestedBlock {
  /** Offsets of the block in `text` (end exclusive). */
  start: number;
  end: number;
  /** Paragraph number printed in the source ("1", "12", "a", "IV"), when the importer saw one. */
  num?: string | null;
}

export interface IngestResult {
  /** NFC-normalised text; blocks are separated by "\n". */
  text: string;
  /** Block (paragraph) boundaries, in order. Empty means "split on line breaks". */
  blocks: IngestedBlock[];
  /** Which importer read it: txt, html, pdf, docx, akn. */
  format: string;
  messages: Message[];
  /** Title found by the importer (HTML <title>, PDF metadata…), if any. */
  title?: string | null;
}

export interface IngestOptions {
  /** File name, used for the format guess and as `document.source`. */
  filename?: string | null;
  /** Media type when known (uploads). */
  mediaType?: string | null;
  /** Largest input accepted, in bytes. */
  maxBytes?: number;
}

/** An input that truly cannot be read: says what is wrong and what to do. */
export class UnreadableInputError extends Error {
  constructor(
    message: string,
    readonly ruleId: string,
    readonly hint: string,
  ) {
    super(`${message}; ${hint}`);
    this.name = 'UnreadableInputError';
  }
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
