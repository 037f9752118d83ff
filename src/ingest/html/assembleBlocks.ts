import type { IngestedBlock } from '../types.js';
import { normaliseText } from '../decode.js';

/**
 * Shared by the HTML, DOCX and PDF importers: a list of paragraphs (text and printed
 * number) → the normalised document text (paragraphs joined by "\n") and block offsets.
 * Reads: paragraphs. Writes: nothing.
 */
export interface RawBlock {
  text: string;
  num?: string | null;
}

export function assembleBlocks(raw: RawBlock[]): { text: string; blocks: IngestedBlock[] } {
  let text = '';
  const blocks: IngestedBlock[] = [];
  for (const b of raw) {
    const t = normaliseText(b.text).replace(/\s+/gu, ' ').trim();
    if (!t) continue;
    if (text) text += '\n';
    blocks.push({ start: text.length, end: text.length + t.length, num: b.num ?? null });
    text += t;
  }
  return { text, blocks };
}
