import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import type { Analysis } from '../../src/types.js';

/** Facts from the gold annotations of real excerpts of other organisations (examples/dev), read by hand. */
const load = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/gold/dev/${name}.json`, import.meta.url), 'utf8')) as Analysis;
const factsOf = (name: string) => extractFacts(load(name));

describe('facts on real excerpts of other organisations', () => {
  it('BRICS Rio 2025: Indonesia a member, ten partner countries (para_4)', () => {
    const fs = factsOf('brics-2025-rio.en').filter((f) => f.eId === 'para_4');
    expect(fs.filter((f) => f.kind === 'admission').map((f) => f.state)).toEqual(['ID']);
    const partners = fs.filter((f) => f.kind === 'status-change');
    expect(partners.map((f) => f.state).sort()).toEqual(['BO', 'BY', 'CU', 'KZ', 'MY', 'NG', 'TH', 'UG', 'UZ', 'VN']);
    expect(partners.every((f) => f.status === 'partner')).toBe(true);
  });

  it('CSTO 2022: the 30th anniversary of the signing of the Treaty is an anniversary, not a signature', () => {
    const fs = factsOf('csto-2022-moscow-statement.en');
    expect(fs.map((f) => [f.kind, f.eId, f.body, f.years])).toEqual([['anniversary', 'para_2', 'Collective Security Treaty', 30]]);
  });

  it('ASEAN 2024: the Lao PDR holds the chairmanship; the 2045 of a vision is not its period', () => {
    const fs = factsOf('asean-2024-vientiane-chairman.en').filter((f) => f.kind === 'chairmanship');
    expect(fs.map((f) => [f.eId, f.from, f.to, f.period])).toEqual([['para_3', 'LA', null, null], ['para_4', 'LA', null, null]]);
  });

  it('G20 2023: the 2030 Agenda runs to 2030', () => {
    const fs = factsOf('g20-2023-newdelhi.en').filter((f) => f.kind === 'instrument');
    expect(fs).toMatchObject([{ eId: 'para_9', status: 'implementation', period: { start: null, end: '2030' } }]);
  });

  it('UN and SCO 2020 excerpts give no facts (nothing institutional in them)', () => {
    expect(factsOf('un-2024-amr-political-declaration.en')).toEqual([]);
    expect(factsOf('sco-2020-moscow.en')).toEqual([]);
  });
});
