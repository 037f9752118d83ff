import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import type { Analysis, InstitutionalFact } from '../../src/types.js';

/**
 * Institutional facts from the hand annotation of the Astana declaration (entities, actions
 * and proposals as the annotators marked them), each checked against the paragraph it comes
 * from. The expected values were read off the text by hand (issue 6 acceptance list).
 */
const gold = JSON.parse(readFileSync(new URL('../fixtures/gold/sco-2024-astana.fr.json', import.meta.url), 'utf8')) as Analysis;
const facts = extractFacts(structuredClone(gold));
const of = (kind: string, eId: string) => facts.filter((f) => f.kind === kind && f.eId === eId);
const one = (kind: string, eId: string, pred: (f: InstitutionalFact) => boolean = () => true) => {
  const hits = of(kind, eId).filter(pred);
  expect(hits, `${kind} in ${eId}`).toHaveLength(1);
  return hits[0];
};

describe('facts from the Astana declaration (gold annotations)', () => {
  it('every fact points at its words in its paragraph and names its rule', () => {
    const byEId = new Map(gold.paragraphs.map((p) => [p.eId, p]));
    for (const f of facts) {
      const p = byEId.get(f.eId)!;
      expect(p, f.eId).toBeDefined();
      expect(p.text.slice(f.start, f.end)).toBe(f.text);
      expect(f.rule).toMatch(/\S/);
    }
  });

  it('Belarus admitted as a member on the summit date (para_118)', () => {
    const f = one('admission', 'para_118');
    expect(f).toMatchObject({ org: 'sco', state: 'BY', status: 'member', date: '2024-07-04' });
    expect(f.text).toContain('admission');
    expect(facts.filter((x) => x.kind === 'admission')).toHaveLength(1);
  });

  it('chairmanship Kazakhstan 2023-2024 passes to China (para_119, para_120)', () => {
    const held = one('chairmanship', 'para_119');
    expect(held).toMatchObject({ from: 'KZ', to: 'CN', period: { start: '2023', end: '2024' } });
    const passed = one('chairmanship', 'para_120');
    expect(passed).toMatchObject({ from: 'KZ', to: 'CN' });
    expect(passed.text).toMatch(/revient/);
  });

  it('next summit in China in 2025 (para_120)', () => {
    expect(one('next-summit', 'para_120')).toMatchObject({ year: '2025', host: 'CN' });
  });

  it('bodies created by decision: antimonopoly heads mechanism (para_84), climate working group (para_103)', () => {
    expect(one('body', 'para_84')).toMatchObject({ ref: 'sco-antimonopoly-agencies-heads-meeting', status: 'decided' });
    expect(one('body', 'para_103')).toMatchObject({ ref: 'sco-climate-change-working-group', status: 'decided', bodyKind: 'working-group' });
  });

  it('Development Bank and Development Fund under consultation (para_83)', () => {
    const b = of('body', 'para_83');
    expect(b.map((f) => [f.ref, f.status])).toEqual([
      ['sco-development-bank', 'consultation'],
      ['sco-development-fund', 'consultation'],
    ]);
  });

  it('proposed bodies stay proposed (para_42, 53, 82, 96, 109)', () => {
    for (const eId of ['para_42', 'para_53', 'para_82', 'para_96', 'para_109']) {
      expect(one('body', eId).status, eId).toBe('proposed');
    }
  });

  it('instruments approved or adopted, with their periods', () => {
    const inst = (eId: string, words: RegExp) => one('instrument', eId, (f) => words.test(String(f.instrument)));
    expect(inst('para_46', /antidrogue/)).toMatchObject({ status: 'approved', instrumentKind: 'strategy', period: { start: '2024', end: '2029' } });
    expect(inst('para_46', /programme d’action/)).toMatchObject({ status: 'approved', instrumentKind: 'action-programme' });
    expect(inst('para_32', /terrorisme/)).toMatchObject({ status: 'adopted', instrumentKind: 'programme', period: { start: '2025', end: '2027' } });
    expect(inst('para_87', /énergétique/)).toMatchObject({ status: 'approved', instrumentKind: 'strategy', period: { start: null, end: '2030' } });
    expect(inst('para_65', /Plan d’action/)).toMatchObject({ status: 'implementation', adopted: true, instrumentKind: 'action-plan', period: { start: null, end: '2030' } });
    expect(inst('para_94', /tourisme/)).toMatchObject({ status: 'adopted', instrumentKind: 'action-plan', period: { start: '2024', end: '2025' } });
    expect(inst('para_103', /ceinture verte/)).toMatchObject({ status: 'adopted', instrumentKind: 'action-plan', period: { start: '2024', end: '2026' } });
    expect(inst('para_103', /zones protégées/)).toMatchObject({ status: 'adopted', instrumentKind: 'programme' });
    expect(inst('para_11', /bon voisinage/)).toMatchObject({ status: 'adopted', instrumentKind: 'declaration' });
    expect(inst('para_102', /protection de l’environnement/)).toMatchObject({ status: 'signed', instrumentKind: 'agreement' });
    expect(inst('para_113', /protocole d’accord/)).toMatchObject({ status: 'signed', instrumentKind: 'memorandum', date: '2024-02-28' });
  });

  it('the climate declaration of 2022 in para_102 is not taken as signed', () => {
    expect(of('instrument', 'para_102').some((f) => /changement climatique/.test(String(f.instrument)))).toBe(false);
  });

  it('a convention the members call for is sought, not adopted (para_49 entry into force is a wish)', () => {
    expect(one('instrument', 'para_49').status).toBe('sought');
  });

  it('2025 Year of Sustainable Development declared (para_101)', () => {
    expect(one('designation', 'para_101')).toMatchObject({ designation: 'thematic-year', status: 'declared', period: { start: '2025', end: '2025' } });
  });

  it('Qingdao tourism and cultural capital 2024-2025 declared; Almaty 2023-2024 held (para_95)', () => {
    const caps = of('designation', 'para_95');
    expect(caps.map((f) => [f.holder, f.status, f.period])).toEqual([
      ['Almaty', 'mentioned', { start: '2023', end: '2024' }],
      ['Qingdao', 'declared', { start: '2024', end: '2025' }],
    ]);
  });

  it('20th anniversary of the Secretariat and of the RATS Executive Committee (para_117)', () => {
    expect(of('anniversary', 'para_117').map((f) => [f.ref, f.years])).toEqual([
      ['sco-secretariat', 20],
      ['sco-rats-executive-committee', 20],
    ]);
  });

  it('the 13 member proposals with their stance and lifecycle stage', () => {
    const props = facts.filter((f) => f.kind === 'proposal');
    expect(props.map((f) => [f.eId, f.proposer, f.stance, f.stage])).toEqual([
      ['para_42', 'KZ', 'note', 'noted'],
      ['para_43', 'TJ', 'note', 'noted'],
      ['para_53', 'KZ', 'note', 'noted'],
      ['para_56', 'IR', 'note', 'noted'],
      ['para_68', 'RU', 'note', 'noted'],
      ['para_82', 'KZ', 'note', 'supported'],
      ['para_84', 'TJ', 'support', 'decided'],
      ['para_90', 'RU', 'note', 'noted'],
      ['para_91', 'UZ', 'note', 'noted'],
      ['para_96', 'CN', 'note', 'noted'],
      ['para_99', 'UZ', 'note', 'noted'],
      ['para_107', 'UZ', 'note', 'noted'],
      ['para_109', 'KZ', 'note', 'noted'],
    ]);
    expect(props.every((f) => f.located)).toBe(true);
  });

  it('no fact from paragraphs that only mention a meeting or a conference (para_34, para_44)', () => {
    expect(facts.filter((f) => f.eId === 'para_34' || f.eId === 'para_44')).toEqual([]);
  });
});
