import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import type { InstitutionalFact } from '../../src/types.js';
import { buildAnalysis } from './support/buildAnalysis.js';

/**
 * The same rules on an English declaration of another organisation (an invented BRICS
 * summit text, test/org/fixtures/brics-2026-newdelhi.en.json). Expected facts were read off
 * the text by hand, paragraph by paragraph.
 */
const analysis = buildAnalysis(new URL('./fixtures/brics-2026-newdelhi.en.json', import.meta.url));
const facts = extractFacts(analysis);
const at = (kind: string, eId: string) => facts.filter((f) => f.kind === kind && f.eId === eId);
const pick = (fs: InstitutionalFact[], keys: string[]) => fs.map((f) => Object.fromEntries(keys.map((k) => [k, f[k]])));

describe('facts from an English declaration (BRICS test text)', () => {
  it('every fact points at its words', () => {
    for (const f of facts) {
      const p = analysis.paragraphs.find((x) => x.eId === f.eId)!;
      expect(p.text.slice(f.start, f.end)).toBe(f.text);
    }
  });

  it('para_2: one new member and two partner countries, each with its own status', () => {
    expect(pick(facts.filter((f) => f.eId === 'para_2'), ['kind', 'state', 'status', 'date'])).toEqual([
      { kind: 'admission', state: 'KZ', status: 'member', date: '2026-09-15' },
      { kind: 'status-change', state: 'KH', status: 'partner', date: '2026-09-15' },
      { kind: 'status-change', state: 'CL', status: 'partner', date: '2026-09-15' },
    ]);
  });

  it('para_3: India chaired in 2026, the chair passes to China, next summit in China in 2027', () => {
    const chairs = at('chairmanship', 'para_3');
    expect(chairs).toHaveLength(2);
    for (const c of chairs) expect(c).toMatchObject({ from: 'IN', to: 'CN' });
    expect(at('next-summit', 'para_3')).toMatchObject([{ year: '2027', host: 'CN' }]);
  });

  it('bodies: decided (para_4), under consultation (para_5), created (para_6), proposed (para_14, para_15)', () => {
    expect(pick(facts.filter((f) => f.kind === 'body'), ['eId', 'ref', 'status'])).toEqual([
      { eId: 'para_4', ref: 'brics-critical-minerals-working-group', status: 'decided' },
      { eId: 'para_5', ref: 'brics-grain-exchange', status: 'consultation' },
      { eId: 'para_5', ref: 'brics-reinsurance-pool', status: 'consultation' },
      { eId: 'para_6', ref: 'brics-industrial-competencies-centre', status: 'created' },
      { eId: 'para_14', ref: 'brics-investment-platform', status: 'proposed' },
      { eId: 'para_15', ref: 'brics-vaccine-research-centre', status: 'proposed' },
    ]);
  });

  it('para_7: tenth anniversary of the New Development Bank', () => {
    expect(at('anniversary', 'para_7')).toMatchObject([{ ref: 'ndb', years: 10 }]);
  });

  it('instruments with status, kind and period', () => {
    expect(pick(facts.filter((f) => f.kind === 'instrument'), ['eId', 'instrumentKind', 'status', 'period', 'date'])).toEqual([
      { eId: 'para_8', instrumentKind: 'strategy', status: 'adopted', period: { start: '2026', end: '2030' }, date: null },
      { eId: 'para_8', instrumentKind: 'action-plan', status: 'adopted', period: null, date: null },
      { eId: 'para_9', instrumentKind: 'action-plan', status: 'approved', period: { start: '2026', end: '2028' }, date: null },
      { eId: 'para_10', instrumentKind: 'memorandum', status: 'signed', period: null, date: '2026-06-03' },
      { eId: 'para_10', instrumentKind: 'agreement', status: 'signed', period: null, date: null },
      { eId: 'para_11', instrumentKind: 'roadmap', status: 'implementation', period: { start: null, end: '2030' }, date: null },
      { eId: 'para_11', instrumentKind: 'agenda', status: 'implementation', period: null, date: null },
      { eId: 'para_12', instrumentKind: 'convention', status: 'sought', period: null, date: null },
    ]);
  });

  it('para_13: thematic year 2027 declared, Kazan cultural capital 2026-2027', () => {
    expect(pick(at('designation', 'para_13'), ['designation', 'holder', 'period', 'status'])).toEqual([
      { designation: 'thematic-year', holder: null, period: { start: '2027', end: '2027' }, status: 'declared' },
      { designation: 'capital', holder: 'Kazan', period: { start: '2026', end: '2027' }, status: 'declared' },
    ]);
  });

  it('proposals with stance and lifecycle stage (a welcomed proposal then decided is decided)', () => {
    expect(pick(facts.filter((f) => f.kind === 'proposal'), ['eId', 'proposer', 'stance', 'stage'])).toEqual([
      { eId: 'para_14', proposer: 'RU', stance: 'note', stage: 'noted' },
      { eId: 'para_15', proposer: 'ZA', stance: 'welcome', stage: 'decided' },
      { eId: 'para_16', proposer: 'BR', stance: 'note', stage: 'noted' },
    ]);
  });

  it('para_17: a ministers meeting is not the next summit, and the chair of a council is not a chairmanship', () => {
    expect(facts.filter((f) => f.eId === 'para_17')).toEqual([]);
  });

  it('a language without a facts lexicon yields no facts and one info message', () => {
    const a = buildAnalysis(new URL('./fixtures/brics-2026-newdelhi.en.json', import.meta.url));
    a.document.language = 'xx';
    expect(extractFacts(a)).toEqual([]);
    expect(a.messages?.map((m) => m.ruleId)).toEqual(['facts/no-lexicon']);
  });
});

describe('names the entity recogniser did not mark', () => {
  it('title-case names after a cue still give bodies and instruments', () => {
    const a = buildAnalysis(new URL('./fixtures/brics-2026-newdelhi.en.json', import.meta.url));
    for (const p of a.paragraphs) {
      p.entities = p.entities.filter((e) => !(e.type === 'organization' && e.ref !== 'brics') && e.text !== 'Plan of Action');
    }
    const fs = extractFacts(a);
    expect(pick(fs.filter((f) => f.kind === 'body'), ['eId', 'body', 'status'])).toEqual([
      { eId: 'para_4', body: 'BRICS Working Group on Critical Minerals', status: 'decided' },
      { eId: 'para_5', body: 'BRICS Grain Exchange', status: 'consultation' },
      { eId: 'para_5', body: 'BRICS Reinsurance Pool', status: 'consultation' },
      { eId: 'para_6', body: 'BRICS Centre for Industrial Competencies', status: 'created' },
      { eId: 'para_14', body: 'BRICS Investment Platform', status: 'proposed' },
      { eId: 'para_15', body: 'BRICS Vaccine Research Centre', status: 'proposed' },
    ]);
    expect(fs.find((f) => f.kind === 'instrument' && f.instrument === 'Plan of Action')).toMatchObject({ eId: 'para_8', status: 'adopted', instrumentKind: 'action-plan' });
  });
});
