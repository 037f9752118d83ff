import { describe, expect, it } from 'vitest';
import { runClauseStages } from './testSupport.js';

/** The clause stages never throw on odd input: they leave fields empty and may add a message. */
describe('clause stages on odd input', () => {
  it.each([
    ['empty', ['']],
    ['punctuation only', ['… ; : , . « » ( ) —']],
    ['numbers only', ['1.', '2)', '(a)']],
    ['mixed scripts', ['We 我们 заявляем ils soutiennent , and', 'They']],
    ['unclosed parenthesis and apostrophes', ["We, the Leaders (of the G20, met’ and ' ' '"]],
    ['a very long paragraph', [`${'We welcome the report, '.repeat(4000)}and will act.`]],
    ['a lone pronoun', ['Ils']],
  ])('%s', (_name, lines) => {
    for (const lang of ['fr', 'en', 'ru', 'zh']) {
      const ps = runClauseStages(lines as string[], lang);
      for (const p of ps) {
        expect(['operative', 'preamble']).toContain(p.kind);
        expect(p.commitments >= 0).toBe(true);
        for (const a of p.actions) expect(p.text.slice(a.start, a.end)).toBe(a.text);
        if (p.subject.text !== null && p.subject.start !== undefined) expect(p.text.slice(p.subject.start, p.subject.end)).toBe(p.subject.text);
      }
    }
  });

  it('a language without lexicons gets a message, not an exception', () => {
    const ps = runClauseStages(['Los Estados miembros apoyan la propuesta.'], 'es');
    expect(ps[0]!.actions).toEqual([]);
    expect(ps[0]!.subject.scope).toBe('none');
  });
});
