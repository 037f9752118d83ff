import { describe, expect, it } from 'vitest';
import { foldLoose } from '../../text/fold.js';
import { tokenize } from './tokens.js';

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
