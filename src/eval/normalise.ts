/**
 * Text normalisation used to pair paragraphs of two analyses of the same document
 * (and to map entity offsets onto that normalised text). Two analyses may differ in
 * Unicode form, runs of white space and apostrophe style without differing in their
 * segmentation, so none of those should count as a mismatch.
 */

const APOSTROPHES = /[\u2019\u2018\u02BC\u0060\u00B4\u2032]/g;

/** Paragraph text → its comparison key: NFC, apostrophes folded to ', white space collapsed and trimmed. */
export function normaliseParagraphText(text: string): string {
  return normalisePrefix(text).trimEnd();
}

/** Same as the key, without trimming the end: used to measure prefixes. */
function normalisePrefix(text: string): string {
  return text.normalize('NFC').replace(APOSTROPHES, "'").replace(/\s+/gu, ' ').replace(/^ /, '');
}

/**
 * The position in the normalised paragraph text that corresponds to `offset` in the
 * original text, so mentions of two analyses whose texts differ only in white space or
 * Unicode form can still be compared by overlap. Offsets are clamped to the text.
 */
export function normalisedOffset(text: string, offset: number): number {
  const o = Math.max(0, Math.min(text.length, Math.trunc(Number.isFinite(offset) ? offset : 0)));
  return normalisePrefix(text.slice(0, o)).length;
}
