import { describe, expect, it } from 'vitest';
import { prepareLexicon, type PreparedLexicon } from './namedLexicon.js';
import { tokenize } from './namedTokens.js';
import { headAt, headCandidates, headStarts, marksAt, type WalkContext } from './namedWalk.js';

const ctxFor = (text: string, lang: string): WalkContext => {
  const lex = prepareLexicon(lang) as PreparedLexicon;
  return { toks: tokenize(text, lang, false), lex, dateStarts: new Map(), capitalisedNames: lang === 'en', placeLinks: new Set(), dateStopLinks: new Set() };
};

/** Token texts the pre-filter lets through, and token texts where headAt (unfiltered) finds a head. */
function compare(text: string, lang: string): { may: string[]; heads: string[] } {
  const ctx = ctxFor(text, lang);
  const c = headCandidates(ctx.toks, ctx.lex, ctx.capitalisedNames);
  expect(c).not.toBeNull();
  const may = ctx.toks.filter((_, i) => c!.may[i] === 1).map((t) => t.text);
  const heads = ctx.toks.filter((_, i) => headAt(ctx, i) !== null).map((t) => t.text);
  expect(c!.count).toBe(may.length);
  // the scan of the text, where it decides, marks the same tokens as the token filter (or more)
  const s = headStarts(text, ctx.lex, ctx.capitalisedNames);
  if (s) {
    const marks = marksAt(ctx.toks, s.starts);
    expect(ctx.toks.filter((_, i) => marks[i] === 1).map((t) => t.text)).toEqual(expect.arrayContaining(may));
  }
  return { may, heads };
}

describe('headCandidates (the head pre-filter)', () => {
  it('lets through every token where a head starts, and not plain words (English, with glued heads)', () => {
    const { may, heads } = compare('We welcome the BRICS Leaders’ FrameworkDeclaration and the Paris Agreement, the TREATY and the Road Map for Peace.', 'en');
    expect(heads).toEqual(['FrameworkDeclaration', 'Agreement', 'TREATY', 'Road']);
    expect(may).toEqual(expect.arrayContaining(heads));
    expect(may).not.toContain('welcome');
    expect(may).not.toContain('Paris');
  });
  it('matches French heads with accents and typographic apostrophes, Russian stems by prefix', () => {
    const fr = compare('la Déclaration de Samarcande et le plan d’action, ainsi que la STRATÉGIE', 'fr');
    expect(fr.heads.length).toBeGreaterThan(0);
    expect(fr.may).toEqual(expect.arrayContaining(fr.heads));
    expect(fr.may).not.toContain('Samarcande');
    const ru = compare('Договора о коллективной безопасности и Хартии ШОС', 'ru');
    expect(ru.heads).toEqual(['Договора', 'Хартии']);
    expect(ru.may).toEqual(expect.arrayContaining(ru.heads));
    expect(ru.may).not.toContain('коллективной');
  });
  it('scans the text: no useful head, no tokens; glued words and surrogates fall back to the tokens', () => {
    const en = prepareLexicon('en') as PreparedLexicon;
    // "plan" and "year" are heads, but lower-case ones never name a thing alone
    expect(headStarts('we plan to act this year on climate.', en, true)).toEqual({ starts: [3, 11, 20], useful: false });
    expect(headStarts('We recall the Paris Agreement’s goals.', en, true)?.useful).toBe(true);
    expect(headStarts('the joint exercise “Peace Mission”', en, true)?.useful).toBe(true); // exercise: lower case with a quoted title
    expect(headStarts('the BRICS FrameworkDeclaration', en, true)).toBeNull();
    expect(headStarts('the 𝐓reaty', en, true)).toBeNull();
    const { heads } = compare('we plan to act this year on climate.', 'en');
    expect(heads).toEqual(['plan', 'act', 'year']);
  });
});
