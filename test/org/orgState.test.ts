import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import { computeOrgState, defaultOrgRegistry, makeOrgRegistry, orgDocumentFromAnalysis, type OrgDocument, type OrgRecord } from '../../src/org/index.js';
import type { Analysis, InstitutionalFact } from '../../src/types.js';
import { buildAnalysis } from './support/buildAnalysis.js';

const gold = JSON.parse(readFileSync(new URL('../fixtures/gold/sco-2024-astana.fr.json', import.meta.url), 'utf8')) as Analysis;
const astana = orgDocumentFromAnalysis(structuredClone(gold));
const registry = defaultOrgRegistry();

/** A declaration made of given facts (hand-written, for the model's own rules). */
function doc(id: string, org: string, date: string, facts: Array<Partial<InstitutionalFact> & { kind: string }>): OrgDocument {
  return {
    id, organization: org, date, place: null, title: null, language: 'en',
    facts: facts.map((f, i) => ({ eId: `para_${i + 1}`, start: 0, end: 1, text: 'x', rule: 'test', ...f }) as InstitutionalFact),
  };
}

describe('organisation state on a date', () => {
  it('SCO: nine members on 2024-07-03 and ten on 2024-07-05, from the reference data alone', () => {
    expect(computeOrgState('sco', '2024-07-03', [], registry).members.map((m) => m.state)).toEqual(['CN', 'IN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ']);
    const after = computeOrgState('sco', '2024-07-05', [], registry).members.map((m) => m.state);
    expect(after).toHaveLength(10);
    expect(after).toContain('BY');
  });

  it('SCO with the Astana declaration: the admission supports Belarus, the chair passes to China, next summit 2025', () => {
    const before = computeOrgState('sco', '2024-07-03', [astana], registry);
    expect(before.members).toHaveLength(9);
    expect(before.summits).toEqual([]); // the declaration is dated after the day asked for
    expect(before.chair?.state).toBe('KZ');
    const s = computeOrgState('sco', '2024-07-05', [astana], registry);
    const by = s.members.find((m) => m.state === 'BY')!;
    expect(by.source).toBe('reference+fact');
    expect(by.support.map((x) => x.eId)).toEqual(['para_118']);
    expect(s.chair?.state).toBe('CN');
    expect(s.chair?.support.map((x) => x.eId)).toContain('para_120');
    expect(s.nextSummit).toMatchObject({ year: '2025', host: 'CN' });
    expect(s.flags).toEqual([]);
    expect(s.summits.map((x) => x.docId)).toEqual(['sco-2024-astana']);
  });

  it('bodies: the reference tree plus what the declaration says of them', () => {
    const s = computeOrgState('sco', '2024-07-05', [astana], registry);
    const bank = s.bodies.find((b) => b.id === 'sco-development-bank')!;
    expect(bank.status).toBe('consultation');
    expect(bank.support.map((x) => x.eId)).toEqual(['para_83']);
    expect(s.bodies.find((b) => b.id === 'sco-rats-executive-committee')?.parent).toBe('sco-rats');
    expect(s.bodies.find((b) => b.id === 'sco-secretariat')?.name).toBe('SCO Secretariat');
  });

  it('instruments are in force only inside their period', () => {
    const s = computeOrgState('sco', '2024-07-05', [astana], registry);
    const ct = s.instruments.find((i) => /terrorisme/.test(i.name) && i.period?.start === '2025')!;
    expect(ct.inForce).toBe(false);
    const later = computeOrgState('sco', '2026-01-01', [astana], registry);
    expect(later.instruments.find((i) => i.name === ct.name)?.inForce).toBe(true);
    expect(later.instruments.find((i) => /tourisme/.test(i.name))?.inForce).toBe(false); // 2024-2025 is over
  });

  it('a fact that contradicts the reference data is flagged and kept as support', () => {
    const wrong = doc('sco-2022-samarkand', 'sco', '2022-09-16', [{ kind: 'admission', state: 'BY', status: 'member', date: '2022-09-16' }]);
    const s = computeOrgState('sco', '2024-07-05', [wrong], registry);
    expect(s.flags).toHaveLength(1);
    expect(s.flags[0]).toMatchObject({ kind: 'contradiction', support: { docId: 'sco-2022-samarkand' } });
    expect(s.members.find((m) => m.state === 'BY')?.since).toBe('2024-07-04');
    // …and on a day between the two dates Belarus is not a member: the reference stands.
    expect(computeOrgState('sco', '2023-01-01', [wrong], registry).members.some((m) => m.state === 'BY')).toBe(false);
  });

  it('a fact the reference data lacks is added and flagged (English test declaration)', () => {
    const brics = buildAnalysis(new URL('./fixtures/brics-2026-newdelhi.en.json', import.meta.url));
    const d = orgDocumentFromAnalysis(brics);
    expect(d.facts.length).toBeGreaterThan(10);
    const s = computeOrgState('brics', '2026-09-16', [d], registry);
    expect(s.members.find((m) => m.state === 'KZ')).toMatchObject({ source: 'fact', since: '2026-09-15' });
    expect(s.associates.some((m) => m.state === 'KZ')).toBe(false); // its partner status ended
    expect(s.associates.find((m) => m.state === 'CL')).toMatchObject({ role: 'partner', source: 'fact' });
    expect(s.flags.filter((f) => f.kind === 'not-in-reference').map((f) => f.support.eId)).toEqual(['para_2', 'para_2', 'para_2']);
    expect(s.chair?.state).toBe('IN');
    expect(s.nextSummit).toMatchObject({ year: '2027', host: 'CN' });
  });

  it('proposals follow their lifecycle across declarations (noted → supported → implemented)', () => {
    const reg = makeOrgRegistry([{ id: 'xo', kind: 'organization', parent: null, seat: null, founded: null, names: { en: ['X Org'] }, acronyms: {}, shortNames: {}, memberships: [], chairmanships: [] } satisfies OrgRecord]);
    const d1 = doc('xo-2024', 'xo', '2024-06-01', [{ kind: 'proposal', proposer: 'KZ', proposal: 'create an investment fund', stance: 'note', stage: 'noted', refs: ['xo-fund'] }]);
    const d2 = doc('xo-2025', 'xo', '2025-06-01', [{ kind: 'proposal', proposer: 'KZ', proposal: 'establish the investment fund of the organisation', stance: 'support', stage: 'supported', refs: [] }]);
    const d3 = doc('xo-2026', 'xo', '2026-06-01', [{ kind: 'body', body: 'Investment Fund', ref: 'xo-fund', status: 'created' }]);
    const at2025 = computeOrgState('xo', '2025-12-31', [d1, d2, d3], reg);
    expect(at2025.proposals).toHaveLength(1);
    expect(at2025.proposals[0]).toMatchObject({ proposer: 'KZ', stage: 'supported', latestStance: 'support' });
    const at2026 = computeOrgState('xo', '2026-12-31', [d1, d2, d3], reg);
    expect(at2026.proposals[0].stage).toBe('implemented');
    expect(at2026.proposals[0].history.map((h) => h.stage)).toEqual(['noted', 'supported', 'implemented']);
    // Another proposer's similar idea is another proposal.
    const d4 = doc('xo-2025b', 'xo', '2025-07-01', [{ kind: 'proposal', proposer: 'UZ', proposal: 'create an investment fund', stance: 'note', stage: 'noted', refs: ['xo-fund'] }]);
    expect(computeOrgState('xo', '2025-12-31', [d1, d4], reg).proposals).toHaveLength(2);
  });

  it('the next summit announced is dropped once a later summit is stored', () => {
    const later = doc('sco-2025-tianjin', 'sco', '2025-09-01', []);
    expect(computeOrgState('sco', '2025-12-31', [astana, later], registry).nextSummit).toBeNull();
  });

  it('an analysis stored without facts gets them extracted', () => {
    const bare = structuredClone(gold);
    delete bare.facts;
    expect(orgDocumentFromAnalysis(bare).facts).toEqual(extractFacts(structuredClone(gold)));
  });
});

describe('registry and the reference part agree', () => {
  it('members on a date match src/reference membersOn for several organisations and dates', async () => {
    const { membersOn, chairOn } = await import('../../src/reference/load.js');
    const fromFile = (await import('../../src/org/index.js')).loadOrgRegistry();
    for (const org of ['sco', 'brics', 'g20', 'un']) {
      for (const on of ['2010-01-01', '2017-06-08', '2017-06-09', '2024-07-03', '2024-07-04', '2025-07-01']) {
        const ours = computeOrgState(org, on, [], registry).members.map((m) => m.state).filter((s) => /^[A-Z]{2}$/.test(s));
        expect(ours, `${org} ${on}`).toEqual(membersOn(org, on));
        expect(computeOrgState(org, on, [], registry).chair?.state ?? null, `${org} chair ${on}`).toBe(chairOn(org, on));
      }
    }
    // The tolerant file reader sees the same SCO records.
    expect(computeOrgState('sco', '2024-07-05', [], fromFile).members).toHaveLength(10);
  });
});
