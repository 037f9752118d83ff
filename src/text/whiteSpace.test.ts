import { describe, expect, it } from 'vitest';
import { isWhiteSpaceCode } from './whiteSpace.js';

describe('isWhiteSpaceCode', () => {
  it('agrees with /\\s/u on every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isWhiteSpaceCode(c) !== /\s/u.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
