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

/** Intl.Segmenter's sentence iteration slows down quadratically on long strings, so we feed it windows. */
const SEGMENT_WINDOW_CHARS = 8000;

/** Sentence boundaries (end offsets) of a long string, found window by window. */
function sentenceEnds(line: string): number[] {
  const ends: number[] = [];
  let from = 0;
  while (from < line.length) {
    const windowEnd = Math.min(line.length, from + SEGMENT_WINDOW_CHARS);
    const window = line.slice(from, windowEnd);
    const local: number[] = [];
    for (const seg of sentenceSegmenter.segment(window)) local.push(seg.index + seg.segment.length);
    // The last sentence of a window may be cut by the window: keep it for the next window unless it is the end.
    if (windowEnd < line.length && local.length > 1) local.pop();
    for (const e of local) ends.push(from + e);
    from += local[local.length - 1] ?? window.length;
  }
  return ends;
}

/**
 * Splits a very long line into paragraphs of whole sentences (Intl.Segmenter finds the
 * sentence boundaries; we only group them), keeping offsets.
 */
function splitLongLine(line: string, offset: number): RawParagraph[] {
  const out: RawParagraph[] = [];
  let groupStart = 0;
  for (const end of sentenceEnds(line)) {
    if (end - groupStart >= SENTENCE_GROUP_CHARS) {
      pushTrimmed(out, line.slice(groupStart, end), offset + groupStart);
      groupStart = end;
    }
  }
  if (groupStart < line.length) pushTrimmed(out, line.slice(groupStart), offset + groupStart);
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
