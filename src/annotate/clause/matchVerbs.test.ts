import { describe, expect, it } from 'vitest';
import { suffixGate } from './matchVerbs.js';

describe('suffixGate', () => {
  it('reads the final letter alternatives of a plain pattern', () => {
    expect(suffixGate(String.raw`\p{L}{2,}(?:eront|rons)`)).toEqual(['eront', 'rons']);
  });

  it('gives no gate when the ending is not certain', () => {
    for (const src of [
      String.raw`\p{L}{2,}`, // no final group
      String.raw`a|\p{L}+(?:ons|ez)`, // alternation outside the group
      String.raw`(?:x)\p{L}+(?:ons|ez)`, // an earlier group
      String.raw`\p{L}+(?:ons|ez)?`, // the group is optional
      String.raw`\p{L}+(?:ons|e.)`, // not a letter
      String.raw`\p{L}+(?:ons|)`, // empty alternative
      String.raw`a\(?:ons|ez)`, // escaped parenthesis: no group
    ]) expect(suffixGate(src)).toBeNull();
  });

  it('every word the gated pattern matches has one of the endings', () => {
    const src = String.raw`\p{L}{2,}(?:eront|iront|dront|ront|erons|irons|drons|rons)`;
    const re = new RegExp(`^(?:${src})$`, 'u');
    const endings = suffixGate(src)!;
    for (const w of ['travailleront', 'agirons', 'prendront', 'feront', 'ferons', 'notes', 'ront', 'environs']) {
      if (re.test(w)) expect(endings.some((e) => w.endsWith(e))).toBe(true);
    }
  });
});
