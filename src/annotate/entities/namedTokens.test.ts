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

/** The tokenizer's definition by its two patterns, each run on the next 200 characters (what the hand-written scan must give). */
const CLITIC = /^(?:[LlDdNnSsJjCcMmTt]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]/u;
const WORD = /^[\p{L}\p{M}\p{N}]+(?:[-‑.][\p{L}\p{M}\p{N}]+)*(?:['’]s(?![\p{L}])|['’](?=\s))?/u;
const MARK_KINDS: Record<string, string> = { '"': 'quote', '«': 'open', '“': 'open', '„': 'open', '‹': 'open', '(': 'open', '[': 'open', '»': 'close', '”': 'close', '›': 'close', ')': 'close', ']': 'close' };
function tokenizeByPatterns(text: string, lang: string, spaces: boolean): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ws = /^\s+/u.exec(text.slice(i));
    if (ws) { if (spaces) out.push(`space:${ws[0]}@${i}`); i += ws[0].length; continue; }
    const rest = text.slice(i, i + 200);
    const c = lang === 'fr' ? CLITIC.exec(rest) : null;
    if (c && /[\p{L}\p{N}]/u.test(text[i + c[0].length] ?? '')) { out.push(`word:${c[0]}@${i}`); i += c[0].length; continue; }
    const w = WORD.exec(rest);
    if (w) {
      const t = lang === 'fr' && /['’]$/u.test(w[0]) ? w[0].slice(0, -1) : w[0];
      out.push(`${/^\p{N}+$/u.test(t) ? 'num' : 'word'}:${t}@${i}`);
      i += t.length;
      continue;
    }
    out.push(`${MARK_KINDS[text[i]] ?? 'punct'}:${text[i]}@${i}`);
    i += 1;
  }
  return out;
}

describe('tokenize against its definition by patterns (fuzzed)', () => {
  it('gives the same tokens on random texts of words, clitics, joins, apostrophes, marks, surrogates and long runs', () => {
    const pieces = ['l’', "d'", 'qu’', "Jusqu'", 'lorsqu’', 'OCS', 'Convention', 'cadre', 'é', 'État', '2024', '١٢', 'Ⅻ', 'и', 'Договор', "'s", '’s', "'", '’', '-', '‑', '.', ' ', '  ', '\u00a0', '\n', ',', '«', '»', '“', '”', '"', '(', ')', '𝐓', 'e\u0301', 'U.N', 'x'.repeat(60), 'ab-cd', 's', 'S'];
    const long = ['a'.repeat(250), `${'a'.repeat(197)}'s b`, `${'a'.repeat(198)}’ b`, `x ${'b'.repeat(150)}-${'c'.repeat(60)}.d`, `${'7'.repeat(205)} l’${'é'.repeat(199)}𝐓`];
    for (const text of long) for (const lang of ['fr', 'en']) expect(tokenize(text, lang, true).map((t) => `${t.kind}:${t.text}@${t.start}`)).toEqual(tokenizeByPatterns(text, lang, true));
    let seed = 12345;
    const random = (k: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % k; };
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = 1 + random(40);
      for (let k = 0; k < len; k++) text += pieces[random(pieces.length)];
      for (const lang of ['fr', 'en']) {
        for (const spaces of [true, false]) {
          const got = tokenize(text, lang, spaces).map((t) => `${t.kind}:${t.text}@${t.start}`);
          expect(got, JSON.stringify(text)).toEqual(tokenizeByPatterns(text, lang, spaces));
        }
      }
    }
  });
});
