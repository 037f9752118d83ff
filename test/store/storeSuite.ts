import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { EXAMPLES_DIR } from '../../src/paths.js';
import { openStore, StoreError, type Store } from '../../src/store/index.js';
import type { Analysis } from '../../src/types.js';

/**
 * The store suite, run against every back end (SQLite always; PostgreSQL when available):
 * the same expectations, written by hand from the fixture texts, hold for both.
 */
export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const ASTANA = join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt');
export const BISHKEK_EN = join(FIXTURES, 'sco-2025-bishkek-test.en.txt');
export const BISHKEK_FR = join(FIXTURES, 'sco-2025-bishkek-test.fr.txt');

/** An analysis of a fixture with document facts set by hand (the annotators change in parallel). */
function analysisOf(path: string, lang: string, doc: Partial<Analysis['document']>): Analysis {
  const a = analyzeText(readFileSync(path, 'utf8'), { lang, filename: path });
  Object.assign(a.document, doc);
  return a;
}

export function defineStoreSuite(name: string, makeUrl: () => Promise<{ url: string; stop(): Promise<void> } | null>): void {
  describe(`store on ${name}`, () => {
    let store: Store;
    let env: { url: string; stop(): Promise<void> } | null = null;
    let tmp: string;
    let astanaId: string;
    let bishkekEnId: string;

    beforeAll(async () => {
      env = await makeUrl();
      if (!env) return;
      store = await openStore(env.url);
      tmp = mkdtempSync(join(tmpdir(), 'concord-store-'));
    });
    afterAll(async () => {
      await store?.close();
      await env?.stop();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    it('imports a file, then finds a re-import unchanged by content hash', async (ctx) => {
      if (!env) return ctx.skip();
      const first = await store.importFile(ASTANA);
      expect(first.status).toBe('imported');
      astanaId = first.documentId!;
      const again = await store.importFile(ASTANA);
      expect(again.status).toBe('unchanged');
      expect(again.documentId).toBe(astanaId);
      const doc = await store.getDocument(astanaId);
      expect(doc?.language).toBe('fr');
      expect(doc?.paragraphCount).toBeGreaterThan(100); // the Astana text has 121 paragraphs
      const en = await store.importFile(BISHKEK_EN);
      expect(en.status).toBe('imported');
      bishkekEnId = en.documentId!;
    });

    it('replaces a changed file and keeps the history', async (ctx) => {
      if (!env) return ctx.skip();
      const path = join(tmp, 'changing.en.txt');
      writeFileSync(path, 'The Member States agreed to meet in Minsk.\n\nThe Member States welcomed the harvest festival.\n');
      const v1 = await store.importFile(path);
      expect(v1.status).toBe('imported');
      writeFileSync(path, 'The Member States agreed to meet in Minsk.\n\nThe Member States welcomed the lantern parade.\n');
      const v2 = await store.importFile(path);
      expect(v2.status).toBe('replaced');
      expect(v2.documentId).toBe(v1.documentId);
      expect(v2.version).toBe(2);
      const history = await store.getHistory(v1.documentId!);
      expect(history.map((h) => h.version)).toEqual([2, 1]);
      expect(history[1]!.replacedAt).not.toBeNull();
      const analysis = await store.getAnalysis(v1.documentId!);
      expect(analysis?.paragraphs.some((p) => p.text.includes('lantern'))).toBe(true);
      // The old version's words are no longer searchable; the new ones are.
      expect((await store.search({ q: 'harvest' })).total).toBe(0);
      expect((await store.search({ q: 'lantern' })).hits[0]?.documentId).toBe(v1.documentId);
      expect(await store.deleteDocument(v1.documentId!)).toBe(true);
      expect(await store.getDocument(v1.documentId!)).toBeNull();
      expect((await store.search({ q: 'lantern' })).total).toBe(0);
    });

    it('returns a stored analysis exactly, added fields included', async (ctx) => {
      if (!env) return ctx.skip();
      const a = analysisOf(BISHKEK_EN, 'en', { id: 'roundtrip-test', organization: 'sco', date: '2025-06-12', place: 'bishkek' });
      a.facts = [{ kind: 'membership', eId: 'para_1', start: 0, end: 3, text: 'The', rule: 'test/rule', states: ['KZ'], nested: { ok: true } }];
      (a as unknown as Record<string, unknown>).extraTopLevel = { keep: [1, 2, 3] };
      const out = await store.importAnalysis(a, { source: 'roundtrip.json', contentHash: 'roundtrip-hash-1' });
      expect(out.status).toBe('imported');
      expect(await store.getAnalysis(out.documentId!)).toEqual(JSON.parse(JSON.stringify(a)));
      expect(await store.getAnalysis('no-such-document')).toBeNull();
      await store.deleteDocument(out.documentId!);
    });

    it('groups the fr and en texts of one declaration into one work and aligns their paragraphs', async (ctx) => {
      if (!env) return ctx.skip();
      const doc = { organization: 'sco-test', date: '2025-06-12', place: 'bishkek' };
      const fr = await store.importAnalysis(analysisOf(BISHKEK_FR, 'fr', { ...doc, id: 'bishkek-work' }), { source: 'w.fr', contentHash: 'work-fr' });
      const en = await store.importAnalysis(analysisOf(BISHKEK_EN, 'en', { ...doc, id: 'bishkek-work' }), { source: 'w.en', contentHash: 'work-en' });
      expect(fr.status).toBe('imported');
      expect(en.status).toBe('imported');
      expect(en.documentId).not.toBe(fr.documentId);
      expect(en.workId).toBe(fr.workId);
      const forced = await store.importAnalysis(analysisOf(BISHKEK_EN, 'en', { id: 'other' }), { source: 'w.forced', contentHash: 'work-forced', workId: 'my-work' });
      expect(forced.workId).toBe('my-work');
      expect((await store.listDocuments({ workId: fr.workId })).map((d) => d.language).sort()).toEqual(['en', 'fr']);
      const d = await store.diff(fr.documentId!, en.documentId!);
      expect(d.sameWork).toBe(true);
      // Both texts have the title, the place line and paragraphs 1–7 in the same order: every
      // numbered paragraph must pair with the one of the same number.
      const pairs = d.paragraphs.filter((p) => p.textA && /^\d+\./.test(p.textA));
      expect(pairs.length).toBe(7);
      for (const p of pairs) {
        expect(p.textB).not.toBeNull();
        expect(p.textA!.split('.')[0]).toBe(p.textB!.split('.')[0]);
      }
      for (const id of [fr.documentId!, en.documentId!, forced.documentId!]) await store.deleteDocument(id);
    });

    it('diffs two declarations of one organisation: added, dropped and changed paragraphs', async (ctx) => {
      if (!env) return ctx.skip();
      const d = await store.diff(astanaId, bishkekEnId);
      expect(d.sameWork).toBe(false);
      expect(d.counts.added + d.counts.changed).toBeGreaterThan(0);
      expect(d.counts.dropped).toBeGreaterThan(50); // 121 paragraphs against 9
      await expect(store.diff(astanaId, 'missing-doc')).rejects.toMatchObject({ code: 'not-found' });
    });

    it('searches with stemming, accent folding, filters, highlights and facets', async (ctx) => {
      if (!env) return ctx.skip();
      // "développements" (plural), "developpement" (no accents) both reach "développement".
      for (const q of ['développements', 'developpement', 'DÉVELOPPEMENT']) {
        const r = await store.search({ q, lang: 'fr', limit: 5 });
        expect(r.total, q).toBeGreaterThan(10);
        const h = r.hits[0]!;
        const a = await store.getAnalysis(h.documentId);
        const p = a!.paragraphs.find((x) => x.eId === h.eId)!;
        expect(h.highlights.length).toBeGreaterThan(0);
        for (const x of h.highlights) expect(p.text.slice(x.start, x.end).toLowerCase()).toMatch(/^d[ée]velopp/);
        for (const x of h.snippetHighlights) expect(h.snippet.slice(x.start, x.end).toLowerCase()).toMatch(/^d[ée]velopp/);
      }
      // English stemming: "establishing" finds "establishment" in the Bishkek text (paragraph 2).
      const en = await store.search({ q: 'establishing bank', lang: 'en' });
      expect(en.hits.map((h) => `${h.documentId}/${h.eId}`)).toContain(`${bishkekEnId}/para_4`);
      // Phrases: "Development Fund" occurs in paragraph 3 only; "Fund Development" nowhere.
      const ph = await store.search({ q: '"Development Fund"', lang: 'en' });
      expect(ph.hits.map((h) => h.eId)).toEqual(['para_5']);
      expect((await store.search({ q: '"Fund Development"', lang: 'en' })).total).toBe(0);
      // Filters and facets.
      // "Kazakhstan" is written alike in the French Astana text and the English Bishkek text.
      const all = await store.search({ q: 'Kazakhstan', limit: 3 });
      expect(all.facets.lang.fr).toBeGreaterThan(0);
      expect(all.facets.lang.en).toBeGreaterThan(0);
      expect(all.facets.lang.fr! + all.facets.lang.en!).toBe(all.total);
      const onlyEn = await store.search({ q: 'Kazakhstan', lang: 'en', limit: 50 });
      expect(onlyEn.total).toBe(all.facets.lang.en);
      expect(onlyEn.hits.every((h) => h.language === 'en')).toBe(true);
      expect((await store.search({ q: 'Kazakhstan', year: 1850 })).total).toBe(0);
      expect((await store.search({ q: 'Kazakhstan', limit: 2 })).hits.length).toBe(2);
      expect((await store.search({ q: 'Kazakhstan', limit: 2, facets: false })).total).toBe(all.total);
    });

    it('counts facets and filters by topic, action, state and commitment', async (ctx) => {
      if (!env) return ctx.skip();
      // A hand-made analysis: three paragraphs about "zeppelins" with known tags.
      const a = analyzeText('Zeppelins one.\n\nZeppelins two.\n\nZeppelins three.', { lang: 'en', id: 'facet-test' });
      const [p1, p2, p3] = a.paragraphs;
      Object.assign(p1!, { topics: ['transport'], actions: [{ category: 'decide', text: 'x', start: 0, end: 1 }], commitment: true, entities: [{ type: 'state', text: 'Kazakhstan', start: 0, end: 1, ref: 'KZ' }] });
      Object.assign(p2!, { topics: ['transport', 'energy'], actions: [{ category: 'note', text: 'x', start: 0, end: 1 }], commitment: false, entities: [] });
      Object.assign(p3!, { topics: [], actions: [], commitment: false, entities: [] });
      p2!.subject = { ...p2!.subject, states: ['KZ', 'CN'] };
      Object.assign(a.document, { organization: 'facet-org', date: '2031-01-01' });
      const out = await store.importAnalysis(a, { source: 'facets', contentHash: 'facet-hash' });
      const r = await store.search({ q: 'zeppelins' });
      expect(r.total).toBe(3);
      expect(r.facets.topic).toEqual({ transport: 2, energy: 1 });
      expect(r.facets.action).toEqual({ decide: 1, note: 1 });
      expect(r.facets.state).toEqual({ KZ: 2, CN: 1 });
      expect(r.facets.commitment).toEqual({ false: 2, true: 1 });
      expect(r.facets.org).toEqual({ 'facet-org': 3 });
      expect(r.facets.year).toEqual({ '2031': 3 });
      expect((await store.search({ q: 'zeppelins', topic: 'transport' })).total).toBe(2);
      expect((await store.search({ q: 'zeppelins', action: 'note' })).hits.map((h) => h.eId)).toEqual([p2!.eId]);
      expect((await store.search({ q: 'zeppelins', state: 'CN' })).total).toBe(1);
      expect((await store.search({ q: 'zeppelins', commitment: true })).hits.map((h) => h.eId)).toEqual([p1!.eId]);
      expect((await store.search({ q: 'zeppelins', org: 'facet-org', year: 2031 })).total).toBe(3);
      await store.deleteDocument(out.documentId!);
    });

    it('searches Chinese and Russian text', async (ctx) => {
      if (!env) return ctx.skip();
      const zh = await store.importFile(join(EXAMPLES_DIR, 'dev', 'g20-2020-riyadh.zh.txt'));
      const ru = await store.importFile(join(EXAMPLES_DIR, 'dev', 'eaeu-2020-covid-statement.ru.txt'));
      expect(zh.status).toBe('imported');
      expect(ru.status).toBe('imported');
      // 领导人 (leaders) and 峰会 (summit) are in the Riyadh title line.
      const z = await store.search({ q: '峰会' });
      expect(z.hits.map((h) => h.documentId)).toContain(zh.documentId);
      // Russian stemming: "пандемии" and "пандемия" share a stem.
      const text = readFileSync(join(EXAMPLES_DIR, 'dev', 'eaeu-2020-covid-statement.ru.txt'), 'utf8');
      expect(text).toMatch(/пандеми/);
      const r = await store.search({ q: 'пандемия' });
      expect(r.hits.map((h) => h.documentId)).toContain(ru.documentId);
    });

    it('answers hostile queries with results or a clear error, never a database error', async (ctx) => {
      if (!env) return ctx.skip();
      const before = (await store.listDocuments()).length;
      const hostile = [
        `'; DROP TABLE documents; --`, `" OR 1=1 --`, `"unbalanced`, `NEAR(a b) OR NOT c*`, `development AND NOT bank`,
        `col:term`, `^start`, `a"b"c`, `\u0000\u0001\u001b[31m`, 'x'.repeat(10 * 1024), `🙂🙃`, `)))(((`, `*`, `-`, `""`, ` `,
        `\\ / % _ ' "`, `$1 $2 ?`, '中文 "查询" OR', 'развитие* NOT',
      ];
      for (const q of hostile) {
        try {
          const r = await store.search({ q, limit: 3 });
          expect(Array.isArray(r.hits)).toBe(true);
        } catch (e) {
          expect(e, JSON.stringify(q.slice(0, 40))).toBeInstanceOf(StoreError);
          expect((e as StoreError).code).toBe('bad-query');
          expect((e as Error).message).not.toMatch(/sql|syntax|fts5|tsquery|select/i);
        }
      }
      await expect(store.search({ q: 'x'.repeat(10 * 1024) })).rejects.toThrow(/too long/);
      await expect(store.search({ q: '"" ( )' })).rejects.toThrow(/no words/);
      expect((await store.listDocuments()).length).toBe(before);
      expect((await store.search({ q: 'développement' })).total).toBeGreaterThan(0);
    });

    it('tracks the SCO Development Bank, the Investment Fund proposal and the antimonopoly mechanism across texts', async (ctx) => {
      if (!env) return ctx.skip();
      for (const [words, expectFr, expectEn] of [
        ['development bank', /Banque de développement de l’OCS/, /SCO Development Bank/],
        ['development fund', /Fonds de développement de l’OCS/, /SCO Development Fund/],
        ['investment fund', /Fonds d’investissement de l’OCS/, /SCO Investment Fund/],
        ['antimonopoly', /antimonopoles/, /antimonopoly/],
      ] as const) {
        const t = await store.getItemTimeline(words);
        expect(t, words).not.toBeNull();
        const fr = t!.entries.filter((e) => e.documentId === astanaId);
        const en = t!.entries.filter((e) => e.documentId === bishkekEnId);
        expect(fr.some((e) => expectFr.test(e.words)), `${words} in Astana: ${JSON.stringify(fr)}`).toBe(true);
        expect(en.some((e) => expectEn.test(e.words)), `${words} in Bishkek: ${JSON.stringify(en)}`).toBe(true);
        // Oldest first: Astana (2024) before the 2025 text whenever dates are known.
        for (const e of t!.entries) expect(['mentioned', 'noted', 'supported', 'decided', 'adopted', 'opposed']).toContain(e.stance);
      }
      // The Astana paragraphs that name them (counted by hand in the example).
      const bank = await store.getItemTimeline('Banque de développement');
      expect(bank!.entries.filter((e) => e.documentId === astanaId).map((e) => e.eId)).toContain('para_83');
      const anti = await store.getItemTimeline('antimonopoly');
      expect(anti!.entries.filter((e) => e.documentId === astanaId).map((e) => e.eId)).toContain('para_84');
      expect(await store.getItemTimeline('zzzz-no-such-thing')).toBeNull();
      await expect(store.getItemTimeline('')).rejects.toMatchObject({ code: 'bad-query' });
    });

    it('lists items by type and name words', async (ctx) => {
      if (!env) return ctx.skip();
      const bodies = await store.listItems({ type: 'body', limit: 500 });
      expect(bodies.length).toBeGreaterThan(0);
      expect(bodies.every((i) => i.type === 'body')).toBe(true);
      const banks = await store.listItems({ q: 'development bank' });
      const docs = new Set(banks.flatMap((b) => Object.keys(b.names)));
      expect(docs.has('fr') && docs.has('en')).toBe(true);
      expect(await store.listItems({ org: 'no-such-org' })).toEqual([]);
    });
  });
}
