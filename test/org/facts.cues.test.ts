import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import type { Analysis, Entity } from '../../src/types.js';

/**
 * Single sentences in our own words for cue patterns the test declarations do not cover.
 * Entities are marked by hand (words → offsets); the expected facts are read off the sentence.
 */
function one(lang: string, text: string, marks: Array<Omit<Entity, 'start' | 'end'>>, org = 'xo', date = '2024-10-10'): Analysis {
  const entities = marks.map((m) => {
    const start = text.indexOf(m.text);
    if (start < 0) throw new Error(`not in text: ${m.text}`);
    return { ...m, start, end: start + m.text.length };
  });
  return {
    schemaVersion: '1',
    document: { id: 't', language: lang, organization: org, title: null, date, place: null, source: null, paragraphCount: 1 },
    paragraphs: [{ n: 1, eId: 'para_1', kind: 'operative', text, subject: { scope: 'all', states: [], qualifier: null, text: null }, actions: [], commitment: false, commitments: 0, entities, proposals: [], topics: [] }],
  };
}

describe('cue patterns', () => {
  it('G20 style: "look forward to meeting again in X in 2026" is the next summit', () => {
    const f = extractFacts(one('en', 'We look forward to meeting again in the United States in 2026.', [
      { type: 'state', text: 'United States', ref: 'US' }, { type: 'date', text: '2026', value: '2026' },
    ]));
    expect(f).toMatchObject([{ kind: 'next-summit', host: 'US', year: '2026' }]);
  });

  it('ASEAN style: the handover of the Chairmanship to a state', () => {
    const f = extractFacts(one('en', 'We witnessed the handover of the ASEAN Chairmanship to Malaysia.', [
      { type: 'organization', text: 'ASEAN', ref: 'asean' }, { type: 'state', text: 'Malaysia', ref: 'MY' },
    ]));
    expect(f).toMatchObject([{ kind: 'chairmanship', to: 'MY', role: 'handover' }]);
  });

  it('a chairmanship whose period starts after the document is the incoming one', () => {
    const f = extractFacts(one('en', "We support Brazil's BRICS Chairship in 2025.", [
      { type: 'state', text: 'Brazil', ref: 'BR' }, { type: 'date', text: '2025', value: '2025' },
    ]));
    expect(f).toMatchObject([{ kind: 'chairmanship', to: 'BR', from: null, role: 'incoming' }]);
  });

  it('granting observer status, in English and French', () => {
    expect(extractFacts(one('en', 'We decided to grant the status of observer to the Lao PDR.', [{ type: 'state', text: 'Lao PDR', ref: 'LA' }])))
      .toMatchObject([{ kind: 'status-change', state: 'LA', status: 'observer', date: '2024-10-10' }]);
    expect(extractFacts(one('fr', 'Ils ont décidé d’accorder au Laos le statut de partenaire de dialogue.', [{ type: 'state', text: 'Laos', ref: 'LA' }])))
      .toMatchObject([{ kind: 'status-change', state: 'LA', status: 'dialogue-partner' }]);
  });

  it('French: passation de la présidence à un État', () => {
    const f = extractFacts(one('fr', 'Ils ont salué la passation de la présidence de l’Organisation à la République kirghize.', [
      { type: 'state', text: 'République kirghize', ref: 'KG' },
    ]));
    expect(f).toMatchObject([{ kind: 'chairmanship', to: 'KG' }]);
  });

  it('a meeting of ministers or a conference is not the next summit', () => {
    expect(extractFacts(one('en', 'The next meeting of Foreign Ministers will be held in Cairo in 2025.', [
      { type: 'place', text: 'Cairo', ref: 'cairo' }, { type: 'date', text: '2025', value: '2025' },
    ]))).toEqual([]);
    expect(extractFacts(one('fr', 'Ils ont noté l’intention de tenir la prochaine Conférence de haut niveau à Douchanbé en 2025.', [
      { type: 'place', text: 'Douchanbé', ref: 'dushanbe' }, { type: 'date', text: '2025', value: '2025' },
    ]))).toEqual([]);
  });
});
