import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { alignParagraphs } from '../../src/link/align.js';
import { findHeadPhrases } from '../../src/link/extractItems.js';
import { nameKey } from '../../src/link/nameKey.js';
import { stanceAt } from '../../src/link/stance.js';
import { findWords, termsOf } from '../../src/link/terms.js';
import { parseQuery, toFts5, toTsquery } from '../../src/store/searchQuery.js';
import { StoreError } from '../../src/store/types.js';

describe('terms', () => {
  it('stems, folds accents and strips French elisions', () => {
    // Snowball French: "développement" and "développements" share the stem "développ" (folded: "developp").
    expect(termsOf('l’OCS développements', 'fr')).toEqual(termsOf('OCS développement', 'fr'));
    expect(termsOf('développement', 'fr')[0]).toBe('developp');
    expect(termsOf('Établissement', 'fr')[0]).toBe(termsOf('etablissement', 'fr')[0]);
    expect(termsOf('supported supporting', 'en')).toEqual(['support', 'support']);
  });
  it('segments Chinese into words and keeps offsets', () => {
    const text = '二十国集团领导人峰会';
    const words = findWords(text, 'zh');
    expect(words.map((w) => w.word).join('')).toBe(text);
    expect(words.length).toBeGreaterThan(2);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.word);
  });
});

describe('item name keys', () => {
  it('give one key to the names of one thing in en, fr and ru', () => {
    const k = nameKey('SCO Development Bank', 'en');
    expect(k).toBe('bank development sco');
    expect(nameKey('Banque de développement de l’OCS', 'fr')).toBe(k);
    expect(nameKey('Банк развития ШОС', 'ru')).toBe(k);
    expect(nameKey('Fonds d’investissement de l’OCS', 'fr')).toBe(nameKey('SCO Investment Fund', 'en'));
    expect(nameKey('SCO Investment Fund', 'en')).not.toBe(k);
  });
  it('grow phrases around head nouns', () => {
    const p = findHeadPhrases('The leaders welcomed the SCO Development Bank and the new Fund.', 'en');
    expect(p.map((x) => x.text)).toEqual(['SCO Development Bank']);
    const f = findHeadPhrases('Ils ont soutenu la création de la Banque de développement de l’OCS et du Fonds de développement.', 'fr');
    expect(f.map((x) => x.text)).toEqual(['Banque de développement de l’OCS', 'Fonds de développement']);
  });
});

describe('link data', () => {
  it('validates against its schema and refuses a malformed entry', async () => {
    const { loadLinkData } = await import('../../src/link/linkData.js');
    const data = loadLinkData();
    expect(data.heads.get('fr')!.size).toBeGreaterThan(10);
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync(new URL('../../src/link/data/link-data.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate({ entries: [{ id: 'bank', en: ['bank'] }] })).toBe(true);
    expect(validate({ entries: [{ id: 'Bad Id', en: ['bank'] }] })).toBe(false);
    expect(validate({ entries: [{ id: 'bank', en: 'bank' }] })).toBe(false);
  });
});

describe('stance', () => {
  it('takes the governing (last preceding) action', () => {
    const actions = [
      { category: 'support' as const, text: 'supported', start: 10, end: 19 },
      { category: 'decide' as const, text: 'decided', start: 50, end: 57 },
    ];
    expect(stanceAt(actions, 30).stance).toBe('supported');
    expect(stanceAt(actions, 60).stance).toBe('decided');
    expect(stanceAt(actions, 0).stance).toBe('supported');
    expect(stanceAt([], 5).stance).toBe('mentioned');
    expect(stanceAt([{ ...actions[0]!, negated: true }], 30).stance).toBe('opposed');
  });
});

describe('paragraph alignment', () => {
  it('pairs paragraphs by content when numbers shift, and leaves an inserted one unpaired', () => {
    const en = analyzeText('1. The States welcomed the SCO Development Bank in 2025.\n\n2. The States adopted the Charter of Astana.\n\n3. They noted 17 new members.', { lang: 'en' });
    const fr = analyzeText('1. Les États ont salué la Banque de développement de l’OCS en 2025.\n\n2. Paragraphe ajouté sans équivalent.\n\n3. Les États ont adopté la Charte d’Astana.\n\n4. Ils ont noté 17 nouveaux membres.', { lang: 'fr' });
    const pairs = alignParagraphs(en.paragraphs, 'en', fr.paragraphs, 'fr', false);
    const matched = pairs.filter((p) => p.a !== null && p.b !== null).map((p) => [p.a, p.b]);
    expect(matched).toEqual([[0, 0], [1, 2], [2, 3]]);
    expect(pairs.find((p) => p.a === null)?.b).toBe(1);
  });
});

describe('query parsing', () => {
  it('turns hostile text into quoted terms only', () => {
    const q = parseQuery(`'; DROP TABLE x; -- NEAR(a b) "Development Bank"`, 'en');
    const fts = toFts5(q);
    expect(fts).toBe('("drop") AND ("tabl") AND ("x") AND ("near") AND ("a") AND ("b") AND ("develop bank")');
    expect(toTsquery(q)).toBe('(drop) & (tabl) & (x) & (near) & (a) & (b) & ((develop <-> bank))');
  });
  it('refuses empty and oversized queries with a StoreError', () => {
    expect(() => parseQuery('  ""  ')).toThrow(StoreError);
    expect(() => parseQuery('a'.repeat(5000))).toThrow(/too long/);
    expect(() => parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toThrow(/too many/);
  });
});
