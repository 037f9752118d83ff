import { describe, expect, it } from 'vitest';
import { alternation } from './datesLexicon.js';
import { formEndStartingAt, formStartEndingAt } from './datesAnchors.js';

/** Where the regex alternation() builds from `form` matches, read at `start` (sticky), or -1. */
const stickies = new Map<string, RegExp>();
function regexEnd(form: string, f: string, start: number): number {
  let re = stickies.get(form);
  if (!re) { re = new RegExp(alternation([form]), 'uy'); stickies.set(form, re); }
  re.lastIndex = start;
  const m = re.exec(f);
  return m ? start + m[0].length : -1;
}

describe('reading lexicon forms at a position (datesAnchors)', () => {
  it('finds a form forwards and backwards exactly where its alternation matches', () => {
    const forms = ["jusqu'en", "d'ici à", 'by the end of', 'up to', 'sept.', 'year-end', 'на период до', "à l'horizon de"];
    const pieces = ["jusqu'", "jusqu' ", 'en', "d'", "d' ", 'ici', ' à', 'à', 'by', ' ', '  ', '\n', '\u00a0', 'the', 'end', 'of', 'up', 'to', 'sept.', 'sept', 'year-end', 'на', 'период', 'до', "l'", "l' ", 'horizon', 'de', 'x', "'"];
    let seed = 7;
    const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    const wrong: string[] = [];
    for (let n = 0; n < 500; n++) {
      let f = '';
      for (let k = 0; k < 12; k++) f += pieces[Math.floor(rnd() * pieces.length)];
      for (const form of forms) {
        for (let s = 0; s <= f.length; s++) {
          const end = regexEnd(form, f, s);
          if (formEndStartingAt(f, form, s) !== end) wrong.push(`forwards ${form} at ${s} in ${JSON.stringify(f)}`);
          if (end >= 0 && formStartEndingAt(f, form, end) !== s) wrong.push(`backwards ${form} to ${end} in ${JSON.stringify(f)}`);
        }
        for (let e = 0; e <= f.length; e++) {
          const s = formStartEndingAt(f, form, e);
          if (s >= 0 && regexEnd(form, f, s) !== e) wrong.push(`backwards ${form} to ${e} in ${JSON.stringify(f)}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
