import { describe, expect, it } from 'vitest';
import { CodeUnitScratch } from './codeUnits.js';

describe('CodeUnitScratch', () => {
  it('gives the code units charCodeAt gives, lone surrogates and a leading BOM included, as the buffer grows', () => {
    const scratch = new CodeUnitScratch();
    const texts = ['', 'abc', '\uFEFFdéjà vu – 中文 \uD83D\uDE00 \uD800 x\uDC00', 'é'.repeat(5000), 'z'];
    for (const s of texts) {
      const u = scratch.load(s);
      expect(u.length).toBe(s.length);
      for (let i = 0; i < s.length; i++) expect(u[i]).toBe(s.charCodeAt(i));
    }
  });

  it('reads back as a string the units written into it, and keeps room for a longer text', () => {
    const scratch = new CodeUnitScratch();
    const u = scratch.load('Abc é');
    u[0] = 'a'.charCodeAt(0);
    u[4] = 'e'.charCodeAt(0);
    expect(scratch.text(5)).toBe('abc e');
    const room = scratch.room(3000);
    expect(room.length).toBe(3000);
    room.fill('x'.charCodeAt(0));
    expect(scratch.text(3)).toBe('xxx');
  });

  it('reads back units below 0x100 as the same string one-byte, packed in place, for short and long texts', () => {
    const scratch = new CodeUnitScratch();
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
    for (const n of [0, 1, 2, 3, 17, 1000, 5000]) {
      const s = Array.from({ length: n }, () => String.fromCharCode(next() & 0xff)).join('');
      scratch.load(s);
      const expected = scratch.text(n);
      expect(expected).toBe(s);
      scratch.load(s);
      expect(scratch.oneByteText(n)).toBe(s);
    }
  });
});
