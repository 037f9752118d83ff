import { describe, expect, it } from 'vitest';
import { buildLiteralAutomaton, scanLiterals } from './literalAutomaton.js';

/** Every (literal, start) by indexOf at every offset: what the automaton must report. */
function naive(literals: string[], text: string): string[] {
  const out: string[] = [];
  literals.forEach((s, k) => {
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) out.push(`${k}@${at}`);
  });
  return out.sort();
}

function scanned(literals: string[], text: string): string[] {
  const out: string[] = [];
  const a = buildLiteralAutomaton(literals);
  const n = scanLiterals(a, text);
  for (let h = 0; h < n; h++) out.push(`${a.hits[2 * h]}@${a.hits[2 * h + 1]}`);
  return out.sort();
}

describe('literal automaton (against indexOf at every offset)', () => {
  it('finds overlapping literals, prefixes and suffixes of each other', () => {
    const literals = ['a ', 'avons ', 'en ', 'mise en œuvre', 'mise en place', ' en place', 'en', 'ont ', 'nt ', 'présidence'];
    const text = 'nous avons mise en œuvre et mise en place la présidence en 2024, ils ont été; a  en en ';
    expect(scanned(literals, text)).toEqual(naive(literals, text));
  });

  it('agrees on random texts over a small alphabet', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const alphabet = 'abé œ\'';
    const word = (len: number) => Array.from({ length: len }, () => alphabet[rand(alphabet.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const literals = [...new Set(Array.from({ length: 1 + rand(12) }, () => word(1 + rand(5))))];
      const text = word(rand(200)) + '\u4e2d\ud83d\ude00' + word(rand(50));
      expect(scanned(literals, text)).toEqual(naive(literals, text));
    }
  });
});
