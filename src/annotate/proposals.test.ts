import { describe, expect, it } from 'vitest';
import { minimalSubstrings } from './proposals.js';

describe('minimalSubstrings (the early stop of the proposals stage)', () => {
  it('drops words that contain another word, and duplicates', () => {
    expect(minimalSubstrings(['proposal', 'proposals', 'initiative', 'initiatives', 'idea', 'idea'])).toEqual(['proposal', 'initiative', 'idea']);
  });

  it('a text includes one of the kept words exactly when it includes one of the words', () => {
    const words = ['proposition', 'propositions', 'offre', 'offres', 'projet'];
    const kept = minimalSubstrings(words);
    for (const text of ['les propositions du', 'une offre', 'rien', 'projets', 'proposit']) {
      expect(kept.some((w) => text.includes(w))).toBe(words.some((w) => text.includes(w)));
    }
  });
});
