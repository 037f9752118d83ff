import { describe, expect, it } from 'vitest';
import { stableSort } from './stableSort.js';
import { seededIndex } from '../test/support/seededRandom.js';

describe('stableSort (insertion sort for a paragraph\'s few items)', () => {
  const random = seededIndex(3);

  it('orders as Array.prototype.sort does, ties kept in their order, short and long arrays', () => {
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    for (let t = 0; t < 500; t++) {
      // Few distinct keys: many ties, whose order only a stable sort keeps.
      const items = Array.from({ length: random(30) }, (_, id) => ({ key: random(5) / 2, id }));
      expect(stableSort([...items], byKey)).toEqual([...items].sort(byKey));
    }
  });

  it('orders spans as the builtin does with the comparators of the stages (longest first, then start)', () => {
    const longestFirst = (a: { start: number; end: number }, b: { start: number; end: number }) => (b.end - b.start) - (a.end - a.start) || a.start - b.start;
    for (let t = 0; t < 500; t++) {
      const spans = Array.from({ length: random(20) }, (_, id) => { const start = random(40); return { start, end: start + random(6), id }; });
      expect(stableSort([...spans], longestFirst)).toEqual([...spans].sort(longestFirst));
    }
  });

  it('sorts in place and returns the array it was given', () => {
    const a = [3, 1, 2];
    expect(stableSort(a, (x, y) => x - y)).toBe(a);
    expect(a).toEqual([1, 2, 3]);
    expect(stableSort([], (x: number, y: number) => x - y)).toEqual([]);
  });

  it('keeps equal items in their order (a sort that swaps ties fails here)', () => {
    const items = [{ k: 1, id: 'a' }, { k: 0, id: 'b' }, { k: 1, id: 'c' }, { k: 0, id: 'd' }];
    expect(stableSort(items, (x, y) => x.k - y.k).map((x) => x.id).join('')).toBe('bdac');
  });
});
