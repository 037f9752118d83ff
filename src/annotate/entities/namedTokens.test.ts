import { describe, expect, it } from 'vitest';
import { isCapitalised, tokenize } from './namedTokens.js';

/** Token texts and kinds, for comparing two tokenisations. */
const shape = (text: string, lang: string) => tokenize(text, lang, true).map((t) => `${t.kind}:${t.text}@${t.start}`);

describe('tokenize', () => {
  it('splits French clitics, keeps joins and the English possessive, and tells numbers, quotes and marks apart', () => {
    expect(tokenize('l’OCS et la Convention-cadre « Paix » (2024).', 'fr', false).map((t) => [t.text, t.kind])).toEqual([
      ['l’', 'word'], ['OCS', 'word'], ['et', 'word'], ['la', 'word'], ['Convention-cadre', 'word'], ['«', 'open'], ['Paix', 'word'],
      ['»', 'close'], ['(', 'open'], ['2024', 'num'], [')', 'close'], ['.', 'punct'],
    ]);
    expect(tokenize("the Leaders' Statement and BRICS's plan", 'en', false).map((t) => t.text)).toEqual(['the', "Leaders'", 'Statement', 'and', "BRICS's", 'plan']);
  });

  it('gives the same tokens whatever form the string has in memory (flat, sliced, concatenated, one- or two-byte)', () => {
    // The scanners read code units with String.prototype.charCodeAt.call: every representation must read alike.
    const fr = 'Nous saluons la Déclaration d’Astana et le plan d’action de l’OCS pour 2024-2029.';
    const en = 'We welcome the Paris Agreement and the 2030 Agenda for Sustainable Development.';
    const padded = `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx ${fr} yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy`;
    const sliced = padded.slice(41, 41 + fr.length);
    const half = Math.floor(fr.length / 2);
    const joined = fr.slice(0, half) + fr.slice(half);
    expect(sliced).toBe(fr);
    for (const form of [sliced, joined, [...fr].join('')]) expect(shape(form, 'fr')).toEqual(shape(fr, 'fr'));
    const enJoined = en.slice(0, 20) + en.slice(20);
    expect(shape(enJoined, 'en')).toEqual(shape(en, 'en'));
    // after many representations have been seen, still the same answer
    for (let k = 0; k < 50; k++) { tokenize(`${fr.slice(k)}x`, 'fr'); tokenize(en.slice(k), 'en', false); }
    expect(shape(fr, 'fr')).toEqual(shape(sliced, 'fr'));
    expect(shape(fr, 'fr').filter((s) => s.startsWith('word:')).length).toBe(16);
  });

  it('reads the capital of a word token', () => {
    const [a, b, c] = tokenize('Déclaration déclaration 4e', 'fr', false);
    expect([isCapitalised(a), isCapitalised(b), isCapitalised(c)]).toEqual([true, false, false]);
  });
});
