import { describe, expect, it } from 'vitest';
import { splitSentences } from './context.js';

/** The regex form splitSentences had before its hand-written scan: the reference. */
function reference(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?;]+["»”’)]*\s+(?=[\p{Lu}«"“])/gu)) {
    const end = (m.index ?? 0) + m[0].trimEnd().length;
    if (end > start) out.push({ start, end });
    start = (m.index ?? 0) + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

describe('splitSentences (facts)', () => {
  it('cuts at . ! ? ; before a space and an upper-case letter or opening quote only', () => {
    const text = 'Les chefs d\'État. des États membres. Ils ont adopté 2025. –2027; « Plan » ! Non.) Oui';
    expect(splitSentences(text)).toEqual(reference(text));
    expect(splitSentences(text).length).toBe(5);
  });

  it('gives the same ranges as the regex on random punctuation, quotes, spaces and letters', () => {
    const units = ['.', '!', '?', ';', '"', '»', '”', '’', ')', ' ', '\u00a0', '\n', '\u2003', 'A', 'a', 'É', '«', '“', '𝐀', 'x'];
    let seed = 12345;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    for (let t = 0; t < 20000; t++) {
      let s = '';
      for (let i = 1 + rand(14); i > 0; i--) s += units[rand(units.length)];
      expect(splitSentences(s)).toEqual(reference(s));
    }
  });
});
