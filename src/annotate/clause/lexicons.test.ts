import { describe, expect, it } from 'vitest';
import { ACTION_CATEGORIES } from '../../types.js';
import { loadCommitmentLexicon, loadProposalLexicon, loadSubjectLexicon, loadVerbLexicon } from './lexicons.js';
import { renderVerbTable } from './renderVerbTable.js';

/** Data checks on the clause lexicons: they load against their schemas, ids are unique, categories are covered. */
const LANGS = ['fr', 'en', 'ru', 'zh'];

describe('clause lexicons', () => {
  it.each(LANGS)('%s: all four files load and match their schemas', (lang) => {
    expect(loadVerbLexicon(lang)?.language).toBe(lang);
    expect(loadSubjectLexicon(lang)?.language).toBe(lang);
    expect(loadCommitmentLexicon(lang)?.language).toBe(lang);
    expect(loadProposalLexicon(lang)?.language).toBe(lang);
  });

  it.each(LANGS)('%s: verb entry ids are unique and carry the language prefix', (lang) => {
    const lex = loadVerbLexicon(lang)!;
    const ids = [...lex.entries.map((e) => e.id), ...(lex.patterns ?? []).map((p) => p.id), ...(lex.lightVerbs ?? []).map((v) => v.id), ...(lex.lightNouns ?? []).map((n) => n.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith(`${lang}.`)).toBe(true);
  });

  it.each(['fr', 'en'])('%s: every category has at least one verb', (lang) => {
    const lex = loadVerbLexicon(lang)!;
    for (const cat of ACTION_CATEGORIES) expect(lex.entries.some((e) => e.category === cat), cat).toBe(true);
  });

  it('the documentation table lists every category for each language', () => {
    const table = renderVerbTable(['fr', 'en']);
    for (const cat of ACTION_CATEGORIES) expect(table).toMatch(new RegExp(`^\\| ${cat} \\| [^|]+ \\| [^|]+ \\|$`, 'm'));
  });
});
