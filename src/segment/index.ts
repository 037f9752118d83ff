import type { IngestedBlock } from '../ingest/types.js';
import type { Paragraph } from '../types.js';
import { classifyShape } from './classifyShape.js';
import { splitParagraphs } from './splitParagraphs.js';

export { splitParagraphs, readParagraphNumber } from './splitParagraphs.js';
export { classifyShape } from './classifyShape.js';

/** The Akoma Ntoso eId of paragraph n. Made here once; every later layer uses it. */
export function paragraphEId(n: number): string {
  return `para_${n}`;
}

/**
 * Entry of the segment stage: normalised text → empty paragraph records with n, eId,
 * offsets, source number and a first kind from shape. Annotation fills the rest.
 */
export function segmentDocument(text: string, blocks: IngestedBlock[] = []): Paragraph[] {
  const raws = splitParagraphs(text, blocks);
  // A loop pushing onto a literal, not raws.map: map's result is a holey array once optimised
  // code inlines it and a packed one before, so every stage reading the paragraphs would see
  // two array kinds and deoptimise (measured: a cascade of "wrong map" deopts some 50 runs in).
  const paragraphs: Paragraph[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const shape = classifyShape(raw, i, raws);
    paragraphs.push({
      n: i + 1,
      eId: paragraphEId(i + 1),
      kind: shape.kind,
      kindRule: shape.rule,
      text: raw.text,
      start: raw.start,
      end: raw.end,
      num: raw.num,
      subject: { scope: 'none', states: [], qualifier: null, text: null },
      actions: [],
      commitment: false,
      commitments: 0,
      entities: [],
      proposals: [],
      topics: [],
      // Fields later stages set on some paragraphs only, made here (undefined: JSON.stringify
      // leaves them out) so that every paragraph keeps one shape through the pipeline: a field
      // added to some paragraphs only splits them into up to 8 hidden classes, and every stage's
      // property reads then go polymorphic. Their order is the order the stages set them, which
      // is the order the output has always had.
      language: undefined,
      commitmentRule: undefined,
      topicRules: undefined,
    });
  }
  return paragraphs;
}
