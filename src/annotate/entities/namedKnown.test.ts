import { describe, expect, it } from 'vitest';
import { findKnown } from './namedKnown.js';

const refs = (text: string, lang: string) => findKnown(text, lang).map((h) => [text.slice(h.start, h.end), h.entry.id, h.acronym]);

describe('findKnown (one scan over the runs of the paragraph)', () => {
  it('finds a name whose first word is a single letter ("U.N. Charter")', () => {
    const hits = refs('They recalled the U.N. Charter today.', 'en');
    expect(hits.some(([t]) => t === 'U.N. Charter')).toBe(true);
  });

  it('finds names and acronyms on word boundaries only', () => {
    expect(refs('The NPT and the BWC.', 'en').map(([t]) => t)).toEqual(expect.arrayContaining(['NPT', 'BWC']));
    expect(refs('ANPT BWCs NPTx', 'en')).toEqual([]);
  });

  it('matches names without regard to case and accents, acronyms exactly', () => {
    expect(refs('le Traite sur la NON-proliferation des armes nucleaires', 'fr').map(([t]) => t)).toContain('Traite sur la NON-proliferation des armes nucleaires');
    expect(refs('le tnp', 'fr')).toEqual([]);
  });
});
