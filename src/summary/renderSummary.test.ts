import { describe, expect, it } from 'vitest';
import type { Analysis, Paragraph } from '../types.js';
import { renderSummary, stateName } from './renderSummary.js';
import { makeParagraph } from '../../test/support/makeParagraph.js';

const para = makeParagraph;

// A small invented declaration (offsets of the entities checked in the first test).
const P2 = 'The Member States adopted the Charter of Friendship and noted the Forum of Cities (Almaty, 3 May 2024).';
const P3 = 'Kazakhstan, Russia and Uzbekistan will continue to support the trade programme.';
const P4 = 'The Member States took note of the proposal of Kazakhstan to create a river council.';
const analysis: Analysis = {
  schemaVersion: '1',
  document: {
    id: 'zzz-2024-almaty', language: 'en', organization: 'zzz', title: 'Almaty Declaration', date: '2024-05-03',
    place: 'almaty', source: null, paragraphCount: 5,
  },
  paragraphs: [
    para(1, 'Almaty Declaration', { kind: 'heading', subject: { scope: 'none', states: [], qualifier: null, text: null } }),
    para(2, P2, {
      actions: [{ category: 'adopt', text: 'adopted', start: 18, end: 25 }, { category: 'note', text: 'noted', start: 56, end: 61 }],
      entities: [
        { type: 'instrument', text: 'Charter of Friendship', start: 30, end: 51 },
        { type: 'event', text: 'Forum of Cities', start: 66, end: 81 },
        { type: 'place', text: 'Almaty', start: 83, end: 89, ref: 'almaty' },
        { type: 'date', text: '3 May 2024', start: 91, end: 101, value: '2024-05-03' },
      ],
    }),
    para(3, P3, {
      subject: { scope: 'subset', states: ['KZ', 'RU', 'UZ'], qualifier: null, text: 'Kazakhstan, Russia and Uzbekistan', absent: ['CN', 'IN'] },
      actions: [{ category: 'commit', text: 'will continue', start: 34, end: 47 }],
      commitment: true, commitments: 1,
      entities: [{ type: 'instrument', text: 'trade programme', start: 63, end: 78 }],
    }),
    para(4, P4, {
      topics: ['institutional', 'environment'],
      actions: [{ category: 'note', text: 'took note', start: 18, end: 27 }],
      proposals: [{ proposer: 'KZ', text: 'create a river council', stance: 'note' }],
    }),
    para(5, 'Page 2 of 3', { kind: 'fragment' }),
  ],
  messages: [
    { severity: 'warning', stage: 'subject', ruleId: 'subject/unknown-state', message: 'a state name was not recognised', eId: 'para_3' },
    { severity: 'info', stage: 'language', ruleId: 'language/detected', message: 'detected en' },
  ],
};

describe('renderSummary', () => {
  const text = renderSummary(analysis);

  it('uses offsets that point at the words (fixture check)', () => {
    for (const p of analysis.paragraphs) for (const e of p.entities) expect(p.text.slice(e.start, e.end)).toBe(e.text);
    for (const p of analysis.paragraphs) for (const x of p.actions) expect(p.text.slice(x.start, x.end)).toBe(x.text);
  });

  it('heads with the document: organisation, date, place, language and paragraphs by kind', () => {
    expect(text).toMatch(/^Almaty Declaration\n=+\n/);
    expect(text).toContain('Organisation: ZZZ\n');
    expect(text).toContain('Date:         2024-05-03\n');
    expect(text).toContain('Place:        Almaty\n');
    expect(text).toContain('Language:     English (en)\n');
    expect(text).toContain('Paragraphs:   5 (3 operative, 1 heading, 1 fragment)\n');
  });

  it('counts actions by category, most frequent first', () => {
    expect(text).toMatch(/Actions by category\n-+\n {2}note +2\n {2}adopt +1\n {2}commit +1\n {2}total +4\n/);
  });

  it('counts paragraphs per topic', () => {
    expect(text).toMatch(/Topics \(paragraphs\)\n-+\n {2}environment +1\n {2}institutional +1\n/);
  });

  it('lists commitment paragraphs with their eId and first words', () => {
    expect(text).toContain('1 paragraph with 1 commitment:');
    expect(text).toContain('para_3  [1]  Kazakhstan, Russia and Uzbekistan will continue to support the trade programme.');
  });

  it('names the endorsing states and the members left out', () => {
    expect(text).toContain('para_3  by: Kazakhstan, Russia, Uzbekistan');
    expect(text).toContain('left out: China, India');
  });

  it('groups proposals by proposer with their stance', () => {
    expect(text).toMatch(/Kazakhstan \(KZ\): 1\n {4}para_4 {2}note {6}create a river council/);
  });

  it('separates instruments adopted now from those referred to', () => {
    expect(text).toMatch(/Adopted now[^\n]*: 1\n {4}para_2 {2}Charter of Friendship\n {2}Referred to: 1\n {4}para_3 {2}trade programme/);
  });

  it('gives events the places and dates of their paragraph', () => {
    expect(text).toContain('para_2  Forum of Cities  (Almaty; 2024-05-03)');
  });

  it('gives each of several events the places and dates written after it', () => {
    const t = 'They welcomed the Forum A (Omsk, 1 June 2024) and the Week B (Kazan, 2 July 2024).';
    const at = (w: string) => ({ start: t.indexOf(w), end: t.indexOf(w) + w.length, text: w });
    const p = para(10, t, {
      entities: [
        { type: 'event', ...at('Forum A') }, { type: 'place', ...at('Omsk'), ref: 'omsk' }, { type: 'date', ...at('1 June 2024'), value: '2024-06-01' },
        { type: 'event', ...at('Week B') }, { type: 'place', ...at('Kazan'), ref: 'kazan' }, { type: 'date', ...at('2 July 2024'), value: '2024-07-02' },
      ],
    });
    const out = renderSummary({ ...analysis, paragraphs: [p] });
    expect(out).toContain('para_10  Forum A  (Omsk; 2024-06-01)\n');
    expect(out).toContain('para_10  Week B  (Kazan; 2024-07-02)\n');
  });

  it('lines up paragraph references of different lengths', () => {
    const ps = [para(9, 'x', { commitment: true, commitments: 1 }), para(10, 'y', { commitment: true, commitments: 2 })];
    const out = renderSummary({ ...analysis, paragraphs: ps });
    expect(out).toContain('  para_9   [1]  x\n  para_10  [2]  y\n');
  });

  it('shows warnings and counts the info messages', () => {
    expect(text).toContain('warning: a state name was not recognised [subject/unknown-state, para_3]');
    expect(text).toContain('(1 info message not shown)');
    expect(text).not.toContain('detected en');
  });

  it('says (none) for empty sections and survives a bare analysis', () => {
    const bare = renderSummary({ schemaVersion: '1', document: { ...analysis.document, title: null, organization: null, place: null, date: null, language: 'und' }, paragraphs: [] });
    expect(bare).toMatch(/^zzz-2024-almaty\n/);
    expect(bare).toContain('Organisation: unknown');
    expect(bare).toContain('Language:     undetermined');
    expect(bare.match(/\(none\)/g)).toHaveLength(8);
  });

  it('names states from their codes and keeps unknown codes', () => {
    expect(stateName('BY')).toBe('Belarus');
    expect(stateName('xx')).toBe('xx');
  });
});
