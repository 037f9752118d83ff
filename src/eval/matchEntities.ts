import type { Entity, Paragraph } from '../types.js';
import { normalisedOffset } from './normalise.js';

/** A predicted mention paired with a gold mention of the same type. */
export interface EntityPair {
  gold: Entity;
  predicted: Entity;
}

interface Span {
  entity: Entity;
  start: number;
  end: number;
}

/** Mentions of a paragraph with offsets moved onto its normalised text (see normalise.ts). */
function spansOf(p: Paragraph): Span[] {
  const text = p.text ?? '';
  return (p.entities ?? []).map((entity) => ({
    entity,
    start: normalisedOffset(text, entity.start),
    end: normalisedOffset(text, entity.end),
  }));
}

/** Overlap of two spans divided by their union (Jaccard on characters); equal empty spans count 1. */
export function overlapRatio(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const overlap = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = (a.end - a.start) + (b.end - b.start) - overlap;
  if (union <= 0) return a.start === b.start && a.end === b.end ? 1 : 0;
  return overlap / union;
}

/**
 * Pairs the mentions of two versions of one paragraph: a predicted mention can match a
 * gold mention of the same type whose overlap is at least half of their union; pairs are
 * taken one-to-one, greedily from the largest overlap (ties: earlier gold mention first).
 * Returns the pairs and the unpaired mentions of each side.
 */
export function matchEntities(predicted: Paragraph, gold: Paragraph): {
  pairs: EntityPair[];
  unmatchedGold: Entity[];
  unmatchedPredicted: Entity[];
} {
  const ps = spansOf(predicted);
  const gs = spansOf(gold);
  const candidates: Array<{ gi: number; pi: number; ratio: number }> = [];
  gs.forEach((g, gi) => {
    ps.forEach((p, pi) => {
      if (g.entity.type !== p.entity.type) return;
      const ratio = overlapRatio(g, p);
      if (ratio >= 0.5) candidates.push({ gi, pi, ratio });
    });
  });
  candidates.sort((a, b) => b.ratio - a.ratio || a.gi - b.gi || a.pi - b.pi);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: EntityPair[] = [];
  for (const c of candidates) {
    if (usedG.has(c.gi) || usedP.has(c.pi)) continue;
    usedG.add(c.gi);
    usedP.add(c.pi);
    pairs.push({ gold: gs[c.gi].entity, predicted: ps[c.pi].entity });
  }
  return {
    pairs,
    unmatchedGold: gs.filter((_, i) => !usedG.has(i)).map((s) => s.entity),
    unmatchedPredicted: ps.filter((_, i) => !usedP.has(i)).map((s) => s.entity),
  };
}
