import { describe, expect, it } from 'vitest';
import { lazyCodeTable, lazyCodeTest } from './codeTable.js';

describe('lazyCodeTable', () => {
  it('classes each code unit once and then reads the table', () => {
    const seen: string[] = [];
    const classOf = lazyCodeTable((ch) => { seen.push(ch); return /\p{Lu}/u.test(ch) ? 2 : /\p{L}/u.test(ch) ? 1 : 0; });
    const text = 'Aa1Aa1É';
    expect([...text].map((ch) => classOf(ch.charCodeAt(0)))).toEqual([2, 1, 0, 2, 1, 0, 2]);
    expect(seen).toEqual(['A', 'a', '1', 'É']);
  });

  it('reads a position past the end (NaN) as no class', () => {
    expect(lazyCodeTable(() => 1)('x'.charCodeAt(5))).toBeUndefined();
    expect(lazyCodeTest(/x/)('x'.charCodeAt(5))).toBe(false);
  });

  it('agrees with its one-character regex on every code unit', () => {
    const isLetter = lazyCodeTest(/\p{L}/u);
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isLetter(c) !== /\p{L}/u.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
