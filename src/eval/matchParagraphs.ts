import type { Paragraph } from '../types.js';
import { normaliseParagraphText } from './normalise.js';

/** A gold paragraph and the predicted paragraph with the same normalised text. */
export interface ParagraphPair {
  gold: Paragraph;
  predicted: Paragraph;
}

/**
 * Pairs the paragraphs of two analyses of one document by normalised text: each gold
 * paragraph takes the first still unused predicted paragraph with the same key, so a
 * repeated line ("Ukraine" twice) pairs in document order. Reads only `text`.
 * Returns the pairs (in gold order) and the unpaired paragraphs of each side.
 */
export function matchParagraphs(predicted: Paragraph[], gold: Paragraph[]): {
  pairs: ParagraphPair[];
  unmatchedGold: Paragraph[];
  unmatchedPredicted: Paragraph[];
} {
  const byKey = new Map<string, number[]>();
  predicted.forEach((p, i) => {
    const key = normaliseParagraphText(p.text ?? '');
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const used = new Set<number>();
  const pairs: ParagraphPair[] = [];
  const unmatchedGold: Paragraph[] = [];
  for (const g of gold) {
    const list = byKey.get(normaliseParagraphText(g.text ?? ''));
    const i = list?.shift();
    if (i === undefined) unmatchedGold.push(g);
    else {
      used.add(i);
      pairs.push({ gold: g, predicted: predicted[i] });
    }
  }
  const unmatchedPredicted = predicted.filter((_, i) => !used.has(i));
  return { pairs, unmatchedGold, unmatchedPredicted };
}
