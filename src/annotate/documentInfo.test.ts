import { describe, expect, it } from 'vitest';
import type { Paragraph, ParagraphKind } from '../types.js';
import type { AnnotateContext } from './context.js';
import { annotateEntities } from './entities/index.js';
import { annotateDocumentInfo, normaliseTitle } from './documentInfo.js';

function paragraph(n: number, text: string, kind: ParagraphKind = 'operative'): Paragraph {
  return {
    n, eId: `para_${n}`, kind, text, subject: { scope: 'none', states: [], qualifier: null, text: null },
    actions: [], commitment: false, commitments: 0, entities: [], proposals: [], topics: [],
  };
}

function run(language: string, texts: [string, ParagraphKind?][]): AnnotateContext {
  const ps = texts.map(([t, k], i) => paragraph(i + 1, t, k ?? 'operative'));
  const ctx: AnnotateContext = {
    language, messages: [],
    document: { id: '', language, organization: null, title: null, date: null, place: null, source: null, paragraphCount: ps.length },
  };
  annotateEntities(ps, ctx);
  annotateDocumentInfo(ps, ctx);
  return ctx;
}

// Invented declarations (not copied from any real text); expected values worked out by hand.
describe('annotateDocumentInfo', () => {
  it('reads organization, date, place, title, id and members from an English opening', () => {
    const ctx = run('en', [
      ['The Bishkek Declaration of the Shanghai Cooperation Organisation', 'heading'],
      ['We, the Leaders of the Member States of the Shanghai Cooperation Organisation (SCO), met in Bishkek on 14 June 2019 and declare as follows.'],
      ['The Member States support the work of the SCO Secretariat.'],
    ]);
    const d = ctx.document;
    expect(d.organization).toBe('sco');
    expect(d.date).toBe('2019-06-14');
    expect(d.place).toBe('bishkek');
    expect(d.title).toBe('Bishkek Declaration of the Shanghai Cooperation Organisation');
    expect(d.id).toBe('sco-2019-bishkek');
    expect(d.members).toEqual(['CN', 'IN', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'UZ']);
  });

  it('takes the first day of a range and finds a G20 issuer in a French text', () => {
    const ctx = run('fr', [
      ['Déclaration des dirigeants du G20 - Un avenir commun', 'heading'],
      ['Nous, dirigeants du G20, réunis à Rio de Janeiro du 18 au 19 novembre 2024, déclarons ce qui suit.'],
    ]);
    expect(ctx.document.organization).toBe('g20');
    expect(ctx.document.date).toBe('2024-11-18');
    expect(ctx.document.place).toBe('rio-de-janeiro');
    expect(ctx.document.title).toBe('Déclaration des dirigeants du G20');
    expect(ctx.document.members).toHaveLength(19);
  });

  it('does not take the date of a treaty named in the preamble for the adoption date', () => {
    const ctx = run('en', [
      ['We, the members of the Supreme Eurasian Economic Council,'],
      ['reaffirming our commitment to the Treaty on the Eurasian Economic Union of 29 May 2014,'],
    ]);
    expect(ctx.document.organization).toBe('eaeu');
    expect(ctx.document.date).toBeNull();
    expect(ctx.document.id).toBe('');
    // undated: today's members, flagged as a guess
    expect(ctx.document.members).toEqual(expect.arrayContaining(['AM', 'BY', 'KG', 'KZ', 'RU']));
    expect(ctx.messages.some((m) => m.ruleId === 'documentInfo/members-undated')).toBe(true);
  });

  it('leaves everything null for a text that names nothing, with an info message', () => {
    const ctx = run('en', [['Nothing here is named.']]);
    expect(ctx.document.organization).toBeNull();
    expect(ctx.document.date).toBeNull();
    expect(ctx.messages.some((m) => m.ruleId === 'documentInfo/no-organization')).toBe(true);
  });
});

describe('normaliseTitle', () => {
  it('drops the article, the subtitle and shouting, and straightens apostrophes', () => {
    expect(normaliseTitle('The Moscow Declaration of the Council')).toBe('Moscow Declaration of the Council');
    expect(normaliseTitle('Rio de Janeiro Declaration- Strengthening Cooperation')).toBe('Rio de Janeiro Declaration');
    expect(normaliseTitle('STATEMENT of the Council')).toBe('Statement of the Council');
    expect(normaliseTitle('G20 New Delhi Leaders’ Declaration')).toBe("G20 New Delhi Leaders' Declaration");
    expect(normaliseTitle('XVI Summit Declaration OUR SHARED FUTURE IN PEACE')).toBe('XVI Summit Declaration');
    expect(normaliseTitle('BRICS Leaders Statement')).toBe('BRICS Leaders Statement');
  });
});
