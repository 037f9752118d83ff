import { describe, expect, it } from 'vitest';
import { packLists } from './packedLists.js';

describe('packLists', () => {
  it('packs lists, empty ones included, so that each is read back between its start and the next', () => {
    const lists = [[3, 1], [], [7], [], [2, 2, 9]];
    const { starts, items } = packLists(lists);
    expect([...starts]).toEqual([0, 2, 2, 3, 3, 6]);
    expect([...items]).toEqual([3, 1, 7, 2, 2, 9]);
    for (let i = 0; i < lists.length; i++) expect([...items.subarray(starts[i]!, starts[i + 1]!)]).toEqual(lists[i]);
  });
  it('packs no lists into one start and no items', () => {
    const { starts, items } = packLists([]);
    expect([...starts]).toEqual([0]);
    expect(items.length).toBe(0);
  });
});
