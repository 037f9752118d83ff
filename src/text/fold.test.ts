import { describe, expect, it } from 'vitest';
import { foldForMatch, foldForMatchCached, foldLoose, foldLooseCached } from './fold.js';

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

describe('cached folding', () => {
  it('returns the same forms as the uncached functions, for short, long, repeated and evicted texts', () => {
    const texts = ['É', 'L’Organisation de Coopération de Shanghai – OCS', 'Déclaration d’Astana\u00A0: États membres', 'ПРИНЯТО В МОСКВЕ 10 ноября 2020 года'];
    for (let k = 0; k < 5000; k++) texts.push(`Paragraphe n°${k} — Conseil des chefs d’État, ÉTÉ ${k % 7}`);
    for (let round = 0; round < 2; round++) {
      for (const t of texts) {
        expect(foldForMatchCached(t)).toBe(foldForMatch(t));
        expect(foldLooseCached(t)).toBe(foldLoose(t));
      }
    }
    expect(foldLooseCached(texts[1])).toBe('l\'organisation de cooperation de shanghai - ocs');
  });
});
