import { describe, expect, it } from 'vitest';
import { foldForMatch, foldForMatchCached, foldLoose, foldLooseCached, foldPunctuation, lowerSameLength, stripAccentsSameLength } from './fold.js';

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
    const texts = ['É', 'L’Organisation de Coopération de Shanghai – OCS', 'Déclaration d’Astana\u00A0: États membres', 'ПРИНЯТО В МОСКВЕ 10 ноября 2020 года', 'ΟΔΥΣΣΕΑΣ ΚΑΙ Η ΠΗΝΕΛΟΠΗ στην Ιθάκη', 'İSTANBUL ZİRVESİ — déclaration 😀 finale'];
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

describe('cached folding of texts that differ little', () => {
  it('tells apart texts of the same length that differ in one unit', () => {
    const a = 'x'.repeat(40);
    const b = `${'x'.repeat(5)}É${'x'.repeat(34)}`;
    for (let round = 0; round < 3; round++) {
      expect(foldLooseCached(a)).toBe(a);
      expect(foldLooseCached(b)).toBe(`${'x'.repeat(5)}e${'x'.repeat(34)}`);
      expect(foldForMatchCached(b)).toBe(`${'x'.repeat(5)}é${'x'.repeat(34)}`);
      expect(foldForMatchCached(a.slice(0, 39) + 'x')).toBe(a);
    }
  });
});

describe('cached folding of many texts with the same bucket key', () => {
  // The cache files texts under their length and three code units (first, middle, last): these all
  // share one key, so its chains grow long and lose entries from their middle as older texts are
  // dropped (more texts than the cache keeps), and every answer must still be the text's own.
  it('answers each text with its own folds, across evictions and for equal texts made apart', () => {
    const texts: string[] = [];
    for (let k = 0; k < 6000; k++) texts.push(`É${String(k).padStart(5, '0')}${k % 3 === 0 ? 'Ç' : 'c'}x-middle-of-the-text-x${'É'.repeat(k % 5)}${'e'.repeat(4 - (k % 5))}Z`);
    expect(new Set(texts.map((t) => `${t.length}${t[0]}${t[t.length >> 1]}${t[t.length - 1]}`)).size).toBe(1);
    for (let round = 0; round < 2; round++) {
      for (let k = 0; k < texts.length; k += round + 1) {
        const t = round === 0 ? texts[k]! : [...texts[k]!].join(''); // round 1: equal texts, other string objects
        expect(foldLooseCached(t)).toBe(foldLoose(t));
        expect(foldForMatchCached(t)).toBe(foldForMatch(t));
      }
    }
  });
});

describe('table folds agree with the string folds', () => {
  const byMatch = (s: string) => lowerSameLength(foldPunctuation(s));
  const byLoose = (s: string) => stripAccentsSameLength(byMatch(s));
  it('on every code unit, alone and between words', () => {
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      for (const s of [ch, `Ab${ch}`, `${ch}cd`, `ΑΣ${ch} x`]) {
        expect(foldForMatch(s)).toBe(byMatch(s));
        expect(foldLoose(s)).toBe(byLoose(s));
      }
    }
  });
  it('on random texts mixing scripts, accents, typographic punctuation, sigma, İ and surrogates', () => {
    const pool = [
      'a', 'Z', ' ', '-', "'", 'É', 'é', 'ç', 'Ő', 'ß', 'Σ', 'σ', 'İ', 'ı', 'Ё', 'й', 'Д', 'α', 'Ά', '中', 'ア',
      '\u2019', '\u2013', '\u00A0', '\u202F', '\u0301', '\u0308', '\uFEFF', '\u1E9E', '\u01C5', '\uD83D\uDE00',
      '\uD801\uDC00', '\uD800', '\uDC00', 'ǅ', 'Ω', 'K', 'Å', '\u0130', '\u1F88', 'ŉ', '\u00DF', 'ﬁ',
    ];
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    for (let k = 0; k < 20000; k++) {
      let s = '';
      const len = rand(40);
      for (let j = 0; j < len; j++) s += pool[rand(pool.length)];
      expect(foldForMatch(s)).toBe(byMatch(s));
      expect(foldLoose(s)).toBe(byLoose(s));
      // both forms at once, as the cache folds a text of 24 code units or more (the loose one asked first, as the entity stage does)
      const t = `${s}${pool[rand(pool.length)].repeat(24)}`;
      expect(foldLooseCached(t)).toBe(byLoose(t));
      expect(foldForMatchCached(t)).toBe(byMatch(t));
    }
  });
});
