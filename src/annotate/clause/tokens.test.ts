import { describe, expect, it } from 'vitest';
import { foldLoose } from '../../text/fold.js';
import { endsWithColon, splitSentences, tokenize, WordTokens } from './tokens.js';
import { internWord, wordId } from './vocabulary.js';

/** The pattern the hand-written tokeniser follows (see tokens.ts): the reference for its output. */
const WORD = /[\p{L}\p{M}]+'|[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;
const byPattern = (text: string) => [...foldLoose(text).matchAll(WORD)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));

describe('tokenize', () => {
  it('splits French elisions and keeps hyphenated words whole', () => {
    expect(tokenize("Les États s’engagent à l'Afrique-du-Sud").map((t) => t.w)).toEqual(['les', 'etats', "s'", 'engagent', 'a', "l'", 'afrique-du-sud']);
  });

  it.each([
    ["ab'cd 1a'b a1'", 'apostrophe after a run with a number'],
    ['well- known -x x-- y-1-z 2024-2030', 'hyphens without a word after them'],
    ['e\u0301te\u0301 ½ Ⅻ x²', 'marks and numbers outside ASCII'],
    ['𝐀𝐁 x𠀀y 中国 a\ud800b \udc00c', 'astral characters and lone surrogates'],
    ["’’ -- '' ", 'no words at all'],
  ])('gives the tokens of the pattern: %s (%s)', (text) => {
    expect(tokenize(text)).toEqual(byPattern(text));
  });
});

describe('WordTokens', () => {
  /** Random texts from pieces that exercise every branch of the scanner (elisions, hyphens, digits, astral letters). */
  const PIECES = ['we', 'Nous', "s'", "l'", 'engagent', '-', "'", ' ', ', ', '12', 'a1', 'États', 'x-y', '--', '𝐀', '中', '\u0301', 'ont', ' ;', 'ab’', '\u00a0'];
  const randomText = (seed: number) => {
    let x = seed;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % PIECES.length;
    return Array.from({ length: 1 + (seed % 40) }, () => PIECES[next()]).join('');
  };

  it('reads the tokens of the pattern, each with the id of its word (0 for words no lexicon names)', () => {
    for (const w of ['we', "s'", 'engagent', 'x-y', 'etats', '12']) internWord(w);
    const tokens = new WordTokens();
    for (let seed = 1; seed <= 3000; seed++) {
      const folded = foldLoose(randomText(seed));
      tokens.read(folded);
      const read = Array.from({ length: tokens.n }, (_, k) => ({ w: tokens.word(k), start: tokens.start[k], end: tokens.end[k], id: tokens.id[k] }));
      expect(read).toEqual(byPattern(folded).map((t) => ({ ...t, id: wordId(t.w) })));
    }
  });
});

describe('splitSentences and endsWithColon', () => {
  /** The regex form splitSentences had before its hand-written checks: the reference. */
  const reference = (text: string) => {
    const out: { start: number; end: number }[] = [];
    let start = 0;
    for (const m of text.matchAll(/[.!?;](?=\s+[\p{Lu}\p{N}«"“])|[。！？；]/gu)) {
      const end = m.index + 1;
      if (/^\s*(?:[\p{N}]{1,3}|[IVXLC]{1,5}|\p{Lu})[.)]$/u.test(text.slice(start, end))) continue;
      if (end - start > 1) out.push({ start, end });
      start = end;
      while (start < text.length && /\s/u.test(text[start]!)) start++;
    }
    if (start < text.length) out.push({ start, end: text.length });
    return out;
  };

  it.each([
    'We met. We agreed; They left! 2. Done? Yes',
    '1. Decides. IV. Notes. A. Smith spoke. \u00a0 B. Next.',
    '  12. Item. 𝟙𝟚𝟛. Astral digits. 𝟙𝟚𝟛𝟜. Four.',
    '会议。我们支持；并决定！',
    'no break.here. or. lower case',
  ])('splits as the pattern did: %s', (text) => {
    expect(splitSentences(text)).toEqual(reference(text));
  });

  it('splits random texts as the pattern did', () => {
    const pieces = ['We', ' ', '. ', '.', '!', '?', ';', '; ', '\u00a0', '\n', 'a', 'B', '1', '«', '"', '“', 'IV', '12', ')', '。', '！', '？', '；', 'É', '𝐀', '𝟙', '\ud800', '\udc00', 'x.'];
    let x = 7;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % pieces.length;
    for (let seed = 0; seed < 3000; seed++) {
      const text = Array.from({ length: 1 + (seed % 30) }, () => pieces[next()]).join('');
      expect(splitSentences(text)).toEqual(reference(text));
    }
  });

  it('splits long random texts as the pattern did (each mark met again and again: the next-mark table)', () => {
    const pieces = ['We', ' ', '. ', '.', '!', '?', ';', '; ', '\n', 'a', 'B', '1', '“', 'IV', ')', '。', '！', '？', '；', 'É', '𝐀', '𝟙'];
    let x = 11;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % pieces.length;
    for (let seed = 0; seed < 300; seed++) {
      const text = Array.from({ length: 100 + (seed % 200) }, () => pieces[next()]).join('');
      expect(splitSentences(text)).toEqual(reference(text));
    }
  });

  it.each([
    ['We commit to:', true], ['We commit to :  \n', true], ['全体：', true], ['A colon: then more', false], ['', false], ['  ', false],
  ])('endsWithColon(%j) is %s', (text, expected) => {
    expect(endsWithColon(text, 0, text.length)).toBe(expected);
    expect(endsWithColon(text, 0, text.length)).toBe(/[:：]\s*$/u.test(text));
  });
});
