import { describe, expect, it } from 'vitest';
import { WordFilter } from './wordFilter.js';

describe('WordFilter', () => {
  it('never rejects a word of its set, and rejects words whose shape no set word has', () => {
    const words = ['note', 'welcome', 'we', "s'", 'états', '', 'x'.repeat(40)];
    const f = new WordFilter(words);
    for (const w of words) expect(f.mayHave(w)).toBe(true);
    expect(f.mayHave('the')).toBe(false);
    expect(f.mayHave('notes')).toBe(false);
    expect(f.mayHave('y'.repeat(40))).toBe(false);
  });
});
