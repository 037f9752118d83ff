import { describe, expect, it } from 'vitest';
import { compilePattern, CUE_CLASSES, loadFactsLexicon } from '../../src/facts/lexicon.js';

describe('facts lexicons', () => {
  it('load and validate for fr and en, with unique ids and every class present', () => {
    for (const lang of ['fr', 'en']) {
      const lex = loadFactsLexicon(lang)!;
      expect(lex.language).toBe(lang);
      const ids = CUE_CLASSES.flatMap((c) => lex.cues[c].map((e) => e.id));
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of CUE_CLASSES) expect(lex.cues[c].length, `${lang} ${c}`).toBeGreaterThan(0);
      for (const id of ids) expect(id.startsWith(`${lang}.`), id).toBe(true);
    }
    expect(loadFactsLexicon('xx')).toBeNull();
  });

  it('\\b is a Unicode word boundary on both sides of a word', () => {
    const re = (p: string) => compilePattern(p, 'u');
    expect(re('\\bétablir\\b').test('de établir un')).toBe(true);
    expect(re('\\bétablir\\b').test('rétablir')).toBe(false);
    expect(re('\\bétablir\\b').test('établirent')).toBe(false);
    expect(re('\\bmembers?\\b(?! states?\\b)').test('as a member.')).toBe(true);
    expect(re('\\bmembers?\\b(?! states?\\b)').test('member states')).toBe(false);
    expect(re('\\b(?:implementation|implement)\\b(?: \\S+)?').exec('the implementation of')?.[0]).toBe('implementation of');
    expect(re('(?:a|b)\\b|\\bc').test('ab')).toBe(true);
  });
});
