import type { IngestedBlock } from '../ingest/types.js';

/** A paragraph as the segmenter finds it: text and where it sits in the document. */
export interface RawParagraph {
  text: string;
  start: number;
  end: number;
  num: string | null;
}

/** Above this many characters a line is split at sentence boundaries (a file with no line breaks). */
export const LONG_LINE_CHARS = 4000;
/** Target size of a paragraph rebuilt from sentences. */
const SENTENCE_GROUP_CHARS = 900;

const NUM_PATTERN = /^\s*(?:\(?([0-9]{1,3}|[a-z]|[ivxlc]{1,6}|[IVXLC]{1,6})[.)]|([0-9]{1,3})\.|([一二三四五六七八九十]{1,3})、)\s*/u;

/** The source's own paragraph number ("1.", "12)", "(a)", "IV.", "一、"), without punctuation. */
export function readParagraphNumber(text: string): string | null {
  const m = NUM_PATTERN.exec(text);
  if (!m) return null;
  return m[1] ?? m[2] ?? m[3] ?? null;
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits a very long line into paragraphs of whole sentences (Intl.Segmenter does the
 * sentence boundaries; we only group them), keeping offsets.
 */
function splitLongLine(line: string, offset: number): RawParagraph[] {
  const out: RawParagraph[] = [];
  let groupStart = -1;
  let groupEnd = -1;
  const flush = () => {
    if (groupStart < 0) return;
    pushTrimmed(out, line.slice(groupStart, groupEnd), offset + groupStart);
    groupStart = -1;
  };
  for (const seg of sentenceSegmenter.segment(line)) {
    if (groupStart < 0) groupStart = seg.index;
    groupEnd = seg.index + seg.segment.length;
    if (groupEnd - groupStart >= SENTENCE_GROUP_CHARS) flush();
  }
  flush();
  return out;
}

function pushTrimmed(out: RawParagraph[], slice: string, absStart: number): void {
  const lead = slice.length - slice.trimStart().length;
  const text = slice.trim();
  if (!text) return;
  out.push({ text, start: absStart + lead, end: absStart + lead + text.length, num: readParagraphNumber(text) });
}

/**
 * Entry of paragraph segmentation. With importer blocks, one paragraph per block;
 * otherwise one per non-empty line. Lines longer than LONG_LINE_CHARS are split at
 * sentence boundaries so that a file with no line breaks still yields paragraphs.
 */
export function splitParagraphs(text: string, blocks: IngestedBlock[] = []): RawParagraph[] {
  const out: RawParagraph[] = [];
  if (blocks.length > 0) {
    for (const b of blocks) {
      const slice = text.slice(b.start, b.end);
      const before = out.length;
      if (slice.length > LONG_LINE_CHARS) out.push(...splitLongLine(slice, b.start));
      else pushTrimmed(out, slice.replace(/\n/g, ' '), b.start);
      if (b.num && out.length === before + 1) out[before].num = b.num;
    }
    return out;
  }
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.length > LONG_LINE_CHARS) out.push(...splitLongLine(line, lineStart));
    else pushTrimmed(out, line, lineStart);
    lineStart = lineEnd + 1;
  }
  return out;
}
