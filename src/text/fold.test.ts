import { describe, expect, it } from 'vitest';
import { foldForMatch, foldLoose } from './fold.js';

describe('folding keeps offsets', () => {
  it('folds typographic apostrophes and case without changing length', () => {
    const s = 'l’Organisation de coopération de Shanghai İstanbul';
    const f = foldForMatch(s);
    expect(f.length).toBe(s.length);
    expect(f.startsWith("l'organisation")).toBe(true);
    expect(f.slice(-8)).toBe('İstanbul'.slice(0, 1) + 'stanbul');
  });
  it('strips accents in the loose form', () => {
    expect(foldLoose('République kirghize – États')).toBe('republique kirghize - etats');
    expect(foldLoose('中华人民共和国')).toBe('中华人民共和国');
  });
});
