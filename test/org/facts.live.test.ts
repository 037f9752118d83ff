import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';

/**
 * The acceptance facts of issue 6 from the Astana text alone, through the whole pipeline
 * (entities, actions and proposals from the live annotators, not the gold). Expected values
 * read off the text by hand; each is checked with the paragraph it comes from.
 */
const text = readFileSync(new URL('../../examples/sco-2024-astana.fr.txt', import.meta.url), 'utf8');
const analysis = analyzeText(text, { filename: 'sco-2024-astana.fr.txt' });
const facts = analysis.facts ?? [];
const find = (kind: string, eId: string, pred: (f: Record<string, unknown>) => boolean = () => true) => facts.filter((f) => f.kind === kind && f.eId === eId && pred(f));

describe('facts from the Astana text through the live pipeline', () => {
  it('membership, chair and next summit', () => {
    expect(find('admission', 'para_118')).toMatchObject([{ state: 'BY', status: 'member', date: '2024-07-04' }]);
    expect(find('chairmanship', 'para_119')).toMatchObject([{ from: 'KZ', to: 'CN', period: { start: '2023', end: '2024' } }]);
    expect(find('chairmanship', 'para_120')).toMatchObject([{ to: 'CN' }]);
    expect(find('next-summit', 'para_120')).toMatchObject([{ year: '2025', host: 'CN' }]);
  });

  it('bodies created by decision and under consultation', () => {
    expect(find('body', 'para_84')).toMatchObject([{ status: 'decided' }]);
    expect(find('body', 'para_103')).toMatchObject([{ status: 'decided', bodyKind: 'working-group' }]);
    expect(find('body', 'para_83').map((f) => f.status)).toEqual(['consultation', 'consultation']);
  });

  it('instruments with their periods', () => {
    const periods = (eId: string) => find('instrument', eId).map((f) => [f.status, f.period]);
    expect(periods('para_46')).toEqual([['approved', { start: '2024', end: '2029' }], ['approved', null]]);
    expect(periods('para_32')).toEqual([['adopted', { start: '2025', end: '2027' }]]);
    expect(periods('para_87')).toEqual([['approved', { start: null, end: '2030' }]]);
    expect(periods('para_94')).toEqual([['adopted', { start: '2024', end: '2025' }]]);
    expect(find('instrument', 'para_103', (f) => /ceinture verte/.test(String(f.instrument)))).toMatchObject([{ status: 'adopted', period: { start: '2024', end: '2026' } }]);
    expect(find('instrument', 'para_65')).toMatchObject([{ status: 'implementation', period: { start: null, end: '2030' } }]);
  });

  it('designations and proposals', () => {
    expect(find('designation', 'para_101')).toMatchObject([{ designation: 'thematic-year', status: 'declared', period: { start: '2025', end: '2025' } }]);
    expect(find('designation', 'para_95', (f) => f.holder === 'Qingdao')).toMatchObject([{ status: 'declared', period: { start: '2024', end: '2025' } }]);
    const props = facts.filter((f) => f.kind === 'proposal');
    expect(props).toHaveLength(13);
    expect(props.find((f) => f.eId === 'para_84')).toMatchObject({ proposer: 'TJ', stance: 'support', stage: 'decided' });
  });
});
