import { describe, expect, it } from 'vitest';
import type { Analysis, Paragraph } from '../types.js';
import { evaluate } from './evaluate.js';
import { overlapRatio } from './matchEntities.js';
import { normalisedOffset, normaliseParagraphText } from './normalise.js';
import { pool } from './pool.js';
import { renderEvalTable } from './renderTable.js';
import { makeParagraph } from '../../test/support/makeParagraph.js';

const para = makeParagraph;
function doc(paragraphs: Paragraph[], over: Partial<Analysis['document']> = {}): Analysis {
  return {
    schemaVersion: '1',
    document: { id: 'd', language: 'fr', organization: 'sco', title: null, date: '2024-07-04', place: 'astana', source: null, paragraphCount: paragraphs.length, ...over },
    paragraphs,
  };
}
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

// "Le Kazakhstan et l'OCS ont noté le plan du 4 juillet 2024."
//  0         1         2         3         4         5
//  0123456789012345678901234567890123456789012345678901234567
const T2 = "Le Kazakhstan et l'OCS ont noté le plan du 4 juillet 2024.";
const gold = doc([
  para(1, 'Déclaration', { kind: 'heading', subject: { scope: 'none', states: [], qualifier: null, text: null } }),
  para(2, T2, {
    subject: { scope: 'subset', states: ['KZ'], qualifier: null, text: 'Le Kazakhstan' },
    actions: [{ category: 'note', text: 'ont noté', start: 23, end: 31 }],
    entities: [
      { type: 'state', text: 'Kazakhstan', start: 3, end: 13, ref: 'KZ' },
      { type: 'organization', text: 'OCS', start: 19, end: 22, ref: 'sco' },
      { type: 'date', text: '4 juillet 2024', start: 43, end: 57, value: '2024-07-04' },
    ],
    proposals: [{ proposer: 'KZ', text: 'créer', stance: 'note' }, { proposer: 'UZ', text: 'tenir', stance: 'note' }],
    topics: ['security', 'terrorism'],
  }),
  para(3, 'Ils poursuivront et soutiendront la coopération.', {
    actions: [
      { category: 'commit', text: 'poursuivront', start: 4, end: 16 },
      { category: 'support', text: 'soutiendront', start: 20, end: 32 },
      { category: 'support', text: 'x', start: 0, end: 1 },
    ],
    commitment: true, commitments: 2,
  }),
]);

describe('evaluate', () => {
  it('gives 1.0 for every figure when both analyses are identical', () => {
    const r = evaluate(clone(gold), gold);
    expect(r.paragraphs.matchedFraction.value).toBe(1);
    for (const x of [r.kind, r.subjectScope, r.subjectStates, r.primaryAction, r.refAccuracy, r.stateRefAccuracy,
      r.valueAccuracy, r.dateValueAccuracy, r.proposalStance, r.commitments.countAgreement,
      r.document.language, r.document.date]) expect(x.value).toBe(1);
    for (const x of [r.actionCategories, r.commitment, r.entities, r.proposals, r.topics, ...Object.values(r.entitiesByType)]) {
      expect(x.f1).toBe(1);
      expect(x.fp + x.fn).toBe(0);
    }
    expect(r.entities.tp).toBe(3);
    expect(r.actionCategories.tp).toBe(4);
    expect(r.commitments).toMatchObject({ predictedTotal: 2, goldTotal: 2 });
    expect(r.disagreements).toEqual([]);
  });

  it('one missed entity of three: precision 1, recall 2/3, F1 0.8', () => {
    const p = clone(gold);
    p.paragraphs[1].entities.splice(1, 1); // drop OCS
    const r = evaluate(p, gold);
    expect(r.entities).toMatchObject({ tp: 2, fp: 0, fn: 1, precision: 1 });
    expect(r.entities.recall).toBeCloseTo(2 / 3, 10);
    expect(r.entities.f1).toBeCloseTo(0.8, 10); // 2·2 / (2·2 + 0 + 1)
    expect(r.entitiesByType.organization).toMatchObject({ tp: 0, fn: 1, f1: 0 });
    expect(r.entitiesByType.state.f1).toBe(1);
  });

  it('matches mentions when the overlap is at least half of the union, one-to-one, same type only', () => {
    expect(overlapRatio({ start: 0, end: 10 }, { start: 0, end: 6 })).toBeCloseTo(0.6);
    expect(overlapRatio({ start: 0, end: 10 }, { start: 5, end: 15 })).toBeCloseTo(5 / 15);
    const p = clone(gold);
    const ents = p.paragraphs[1].entities;
    ents[0] = { type: 'state', text: 'Kazakh', start: 3, end: 9, ref: 'KZ' }; // 6/10: matches
    ents[1] = { type: 'place', text: 'OCS', start: 19, end: 22, ref: 'sco' }; // wrong type: no match
    ents[2] = { type: 'date', text: '2024', start: 53, end: 57, value: '2024' }; // 4/14: no match
    ents.push({ type: 'state', text: 'Kazakhstan', start: 3, end: 13, ref: 'RU' }); // better overlap with the gold state
    const r = evaluate(p, gold);
    // gold state pairs with the exact (RU) mention; the "Kazakh" one is left over as a false alarm
    expect(r.entities).toMatchObject({ tp: 1, fp: 3, fn: 2 });
    expect(r.stateRefAccuracy).toMatchObject({ correct: 0, total: 1, value: 0 });
    expect(r.dateValueAccuracy.total).toBe(0);
    expect(r.dateValueAccuracy.value).toBeNull();
  });

  it('scores a wrong date value and a wrong ref on matched mentions', () => {
    const p = clone(gold);
    p.paragraphs[1].entities[2].value = '2024-07';
    p.paragraphs[1].entities[1].ref = 'un';
    const r = evaluate(p, gold);
    expect(r.entities.f1).toBe(1);
    expect(r.dateValueAccuracy.value).toBe(0);
    expect(r.valueAccuracy).toMatchObject({ correct: 0, total: 1 });
    expect(r.refAccuracy).toMatchObject({ correct: 1, total: 2, value: 0.5 });
    expect(r.stateRefAccuracy.value).toBe(1);
  });

  it('compares action categories as multisets and the primary action by its first category', () => {
    const p = clone(gold);
    // gold para 3: [commit, support, support]; predicted: [support, commit, welcome]
    p.paragraphs[2].actions = [
      { category: 'support', text: 'a', start: 0, end: 1 },
      { category: 'commit', text: 'b', start: 2, end: 3 },
      { category: 'welcome', text: 'c', start: 4, end: 5 },
    ];
    const r = evaluate(p, gold);
    // para 2: note = note (tp 1); para 3: tp 2 (commit, support), fp 1 (welcome), fn 1 (support)
    expect(r.actionCategories).toMatchObject({ tp: 3, fp: 1, fn: 1 });
    expect(r.actionCategories.f1).toBeCloseTo(6 / 8, 10);
    // heading: both empty (agree); para 2 agrees; para 3 support ≠ commit
    expect(r.primaryAction).toMatchObject({ correct: 2, total: 3 });
  });

  it('measures commitment as a paragraph boolean and counts agreement where either side commits', () => {
    const p = clone(gold);
    p.paragraphs[1].commitment = true;
    p.paragraphs[1].commitments = 1;
    p.paragraphs[2].commitments = 3;
    const r = evaluate(p, gold);
    expect(r.commitment).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(r.commitment.f1).toBeCloseTo(2 / 3, 10);
    expect(r.commitments).toMatchObject({ predictedTotal: 4, goldTotal: 2 });
    expect(r.commitments.countAgreement).toMatchObject({ correct: 0, total: 2 });
  });

  it('compares proposals by proposer (multiset) and stance on matched ones, topics as sets', () => {
    const p = clone(gold);
    p.paragraphs[1].proposals = [{ proposer: 'KZ', text: 'créer', stance: 'support' }];
    p.paragraphs[1].topics = ['terrorism', 'terrorism'];
    const r = evaluate(p, gold);
    expect(r.proposals).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(r.proposals.f1).toBeCloseTo(2 / 3, 10);
    expect(r.proposalStance).toMatchObject({ correct: 0, total: 1 });
    expect(r.topics).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
  });

  it('compares subject scope and states as sets, and kinds', () => {
    const p = clone(gold);
    p.paragraphs[1].subject = { scope: 'subset', states: ['KZ', 'KZ'], qualifier: null, text: null };
    p.paragraphs[2].subject = { scope: 'subset', states: ['CN'], qualifier: null, text: null };
    p.paragraphs[0].kind = 'fragment';
    const r = evaluate(p, gold);
    expect(r.subjectScope).toMatchObject({ correct: 2, total: 3 });
    expect(r.subjectStates).toMatchObject({ correct: 2, total: 3 });
    expect(r.kind).toMatchObject({ correct: 2, total: 3 });
    expect(r.disagreements.map((d) => `${d.eId}:${d.field}`).sort()).toEqual(
      ['para_1:kind', 'para_3:subject.scope', 'para_3:subject.states'],
    );
  });

  it('pairs paragraphs whose texts differ only in white space, apostrophes and Unicode form, and maps offsets', () => {
    const p = clone(gold);
    // typographic apostrophe, two spaces after "Le", NFD "é": offsets shift by one after "Le"
    p.paragraphs[1].text = "Le  Kazakhstan et l\u2019OCS ont note\u0301 le plan du 4 juillet 2024.";
    // +1 for the extra space; +1 more after the decomposed "é" (at 31 in the NFD text)
    for (const e of p.paragraphs[1].entities) { const d = e.start > 31 ? 2 : 1; e.start += d; e.end += d; }
    expect(p.paragraphs[1].text.slice(45, 59)).toBe('4 juillet 2024');
    expect(normalisedOffset(p.paragraphs[1].text, 45)).toBe(43);
    const r = evaluate(p, gold);
    expect(r.paragraphs.matchedFraction.value).toBe(1);
    expect(r.entities.f1).toBe(1);
    expect(normaliseParagraphText(' a \t b\u2019 ')).toBe("a b'");
    expect(normalisedOffset('a  b', 3)).toBe(2);
  });

  it('counts a split paragraph against the matched fraction and its items as misses', () => {
    const p = clone(gold);
    p.paragraphs.splice(2, 1);
    p.paragraphs.push(para(3, 'Ils poursuivront', { actions: [{ category: 'commit', text: 'poursuivront', start: 4, end: 16 }], commitment: true, commitments: 1 }));
    p.paragraphs.push(para(4, 'et soutiendront la coopération.'));
    const r = evaluate(p, gold);
    expect(r.paragraphs).toMatchObject({ gold: 3, predicted: 4, matched: 2 });
    expect(r.paragraphs.matchedFraction.value).toBe(0.5); // 2 / max(3, 4)
    expect(r.kind.total).toBe(2);
    // gold para 3's three actions are misses; predicted fragment's one action is a false alarm
    expect(r.actionCategories).toMatchObject({ tp: 1, fp: 1, fn: 3 });
    expect(r.commitment).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('checks the document fields, case-insensitively', () => {
    const p = clone(gold);
    p.document.language = 'en';
    p.document.organization = 'SCO';
    p.document.place = null;
    const r = evaluate(p, gold);
    expect(r.document.language.value).toBe(0);
    expect(r.document.organization.value).toBe(1);
    expect(r.document.place.value).toBe(0);
  });
});

describe('evaluate on odd input', () => {
  it('skips paragraphs without text and fields that are missing, without throwing', () => {
    const odd = {
      schemaVersion: '1',
      document: {},
      paragraphs: [null, 7, { text: 'Déclaration' }, { text: T2, entities: [{ type: 'state', text: 'Kazakhstan', start: 'x', end: 13 }] }],
    } as unknown as Analysis;
    const r = evaluate(odd, gold);
    expect(r.paragraphs).toMatchObject({ gold: 3, predicted: 2, matched: 2 });
    expect(r.kind).toMatchObject({ correct: 0, total: 2 });
    // the state mention with a bad start is read as [0, 13): overlap 10 / union 13, still a match
    expect(r.entitiesByType.state).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(() => evaluate({} as Analysis, {} as Analysis)).not.toThrow();
  });
});

describe('pool', () => {
  it('sums counts over documents (micro-average)', () => {
    const a = clone(gold);
    a.paragraphs[1].entities.splice(0, 1); // doc A: tp 2, fn 1
    const b = clone(gold);
    b.paragraphs[1].entities.push({ type: 'place', text: 'plan', start: 35, end: 39, ref: 'x' }); // doc B: tp 3, fp 1
    const r = pool([evaluate(a, gold), evaluate(b, gold)]);
    expect(r.documents).toBe(2);
    expect(r.entities).toMatchObject({ tp: 5, fp: 1, fn: 1 });
    expect(r.entities.f1).toBeCloseTo(10 / 12, 10);
    expect(r.entitiesByType.place).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null });
    expect(r.paragraphs).toMatchObject({ gold: 6, predicted: 6, matched: 6 });
    expect(r.kind).toMatchObject({ correct: 6, total: 6, value: 1 });
    expect(r.commitments.goldTotal).toBe(4);
    expect(pool([]).entities.f1).toBeNull();
  });

  it('renders a table with every figure', () => {
    const text = renderEvalTable(evaluate(clone(gold), gold), 'x');
    expect(text).toMatch(/^entity F1\s+1\.000/m);
    expect(text).toMatch(/^paragraphs matched\s+1\.000/m);
    expect(text).toMatch(/date value accuracy\s+1\.000\s+1\/1/);
  });
});
