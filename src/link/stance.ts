import type { Action, ActionCategory } from '../types.js';
import { STANCE_ORDER, type Stance } from '../store/types.js';

/**
 * Stance of a declaration toward an item, from the action categories the annotator found
 * (spec/GUIDELINES.md): note/welcome/consider → noted; support/call/affirm/stress → supported;
 * commit/decide → decided; adopt → adopted; oppose (or a negated action) → opposed.
 */
export const STANCE_OF_CATEGORY: Record<ActionCategory, Stance> = {
  note: 'noted', welcome: 'noted', consider: 'noted',
  support: 'supported', call: 'supported', affirm: 'supported', stress: 'supported',
  commit: 'decided', decide: 'decided',
  adopt: 'adopted',
  oppose: 'opposed',
};

/** Stance of one action (negated support reads as opposed). */
export function stanceOfAction(a: Pick<Action, 'category' | 'negated'>): Stance {
  const s = STANCE_OF_CATEGORY[a.category as ActionCategory] ?? 'mentioned';
  if (a.negated && s !== 'opposed') return 'opposed';
  return s;
}

/**
 * The stance toward words at `start` in a paragraph: the last action before them (the verb
 * that governs them in declaration prose), else the first one after; 'mentioned' without actions.
 */
export function stanceAt(actions: readonly Action[], start: number): { stance: Stance; action: Action | null } {
  let before: Action | null = null;
  let after: Action | null = null;
  for (const a of actions) {
    if (typeof a.start !== 'number') continue;
    if (a.start <= start) {
      if (!before || a.start > before.start) before = a;
    } else if (!after || a.start < after.start) after = a;
  }
  const action = before ?? after;
  return { stance: action ? stanceOfAction(action) : 'mentioned', action };
}

/** Rank on the noted → supported → decided → adopted scale (-1 for opposed). */
export function stanceRank(s: Stance): number {
  return s === 'opposed' ? -1 : STANCE_ORDER.indexOf(s);
}
