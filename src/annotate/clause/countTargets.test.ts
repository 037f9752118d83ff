import { describe, expect, it } from 'vitest';
import type { Action } from '../../types.js';
import { clauseEnd } from './countTargets.js';

/** The way clauseEnd was written before the loop: filter, map and Math.min. */
function clauseEndBefore(action: Action, actions: Action[], sentences: { start: number; end: number }[], textLength: number): number {
  const s = sentences.find((x) => action.start >= x.start && action.start < x.end);
  const end = s ? s.end : textLength;
  const next = actions.filter((a) => a.start > action.start && a.start < end).map((a) => a.start);
  return next.length ? Math.min(...next) : end;
}

const act = (start: number): Action => ({ category: 'commit', text: 'x', start, end: start + 1, rule: 'r', form: 'finite' }) as Action;

describe('clauseEnd', () => {
  it('ends at the next action of the sentence, else at the sentence end', () => {
    const sentences = [{ start: 0, end: 50 }, { start: 50, end: 100 }];
    const actions = [act(5), act(30), act(20), act(60)];
    expect(clauseEnd(actions[0]!, actions, sentences as never, 100)).toBe(20);
    expect(clauseEnd(actions[1]!, actions, sentences as never, 100)).toBe(50);
    expect(clauseEnd(actions[3]!, actions, sentences as never, 100)).toBe(100);
    expect(clauseEnd(act(120), actions, sentences as never, 130)).toBe(130);
  });

  it('answers as the filter/map/Math.min version on random actions and sentences', () => {
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let round = 0; round < 2000; round++) {
      const len = 1 + rnd(200);
      const cuts = [...new Set(Array.from({ length: rnd(6) }, () => rnd(len)))].sort((a, b) => a - b);
      const sentences: { start: number; end: number }[] = [];
      let from = rnd(3);
      for (const c of cuts) if (c > from) { sentences.push({ start: from, end: c }); from = c + rnd(2); }
      const actions = Array.from({ length: rnd(8) }, () => act(rnd(len)));
      for (const a of [...actions, act(rnd(len))]) expect(clauseEnd(a, actions, sentences as never, len)).toBe(clauseEndBefore(a, actions, sentences, len));
    }
  });
});
