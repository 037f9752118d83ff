import { describe, expect, it } from 'vitest';
import type { Entity, Paragraph } from '../../types.js';
import type { AnnotateContext } from '../context.js';
import { annotateEntities, mergeEntities } from './index.js';

const ent = (type: Entity['type'], start: number, end: number, ref: string | null = null): Entity => ({ type, text: '', start, end, ref });

describe('mergeEntities: the nesting policy', () => {
  it('drops a state inside a longer instrument name but keeps the nested date', () => {
    const out = mergeEntities([ent('state', 30, 41, 'AF')], [ent('instrument', 0, 41)], [ent('date', 20, 24)]);
    expect(out.map((e) => e.type)).toEqual(['instrument', 'date']);
  });
  it('keeps the longest of overlapping non-date mentions and sorts by start', () => {
    const out = mergeEntities([ent('organization', 10, 13, 'sco'), ent('place', 50, 56, 'astana')], [ent('event', 0, 20)], []);
    expect(out.map((e) => [e.type, e.start])).toEqual([['event', 0], ['place', 50]]);
  });
  it('prefers the gazetteer on equal spans (it carries a checked ref)', () => {
    const out = mergeEntities([ent('organization', 0, 15, 'asean-community')], [ent('initiative', 0, 15)], []);
    expect(out).toHaveLength(1);
    expect(out[0].ref).toBe('asean-community');
  });
  it('keeps separate mentions side by side and drops duplicate dates', () => {
    const out = mergeEntities([ent('state', 0, 5, 'IN'), ent('state', 7, 13, 'PK')], [], [ent('date', 20, 24), ent('date', 20, 24)]);
    expect(out.map((e) => e.ref ?? e.type)).toEqual(['IN', 'PK', 'date']);
  });
});

function paragraph(n: number, text: string): Paragraph {
  return {
    n, eId: `para_${n}`, kind: 'operative', text, subject: { scope: 'none', states: [], qualifier: null, text: null },
    actions: [], commitment: false, commitments: 0, entities: [], proposals: [], topics: [],
  };
}

function context(language: string): AnnotateContext {
  return {
    language, messages: [],
    document: { id: '', language, organization: null, title: null, date: null, place: null, source: null, paragraphCount: 0 },
  };
}

describe('annotateEntities', () => {
  it('marks states, organizations and places with refs and rules, with right offsets', () => {
    const ps = [paragraph(1, 'Les dirigeants des États membres de l’OCS, réunis à Bichkek, saluent la République kirghize.')];
    annotateEntities(ps, context('fr'));
    const got = ps[0].entities.filter((e) => e.type !== 'date').map((e) => [e.type, e.text, e.ref, e.rule]);
    expect(got).toEqual([
      ['organization', 'OCS', 'sco', 'entities/gazetteer:organization.sco'],
      ['place', 'Bichkek', 'bishkek', 'entities/gazetteer:place.bishkek'],
      ['state', 'République kirghize', 'KG', 'entities/gazetteer:state.KG'],
    ]);
    for (const e of ps[0].entities) expect(ps[0].text.slice(e.start, e.end)).toBe(e.text);
  });

  it('gives a bracketed acronym after a name the same ref', () => {
    // "CD" is not in the data: it is marked only because it follows the name in brackets.
    const ps = [paragraph(1, 'They called for work to resume in the Conference on Disarmament (CD) in Geneva.')];
    annotateEntities(ps, context('en'));
    const orgs = ps[0].entities.filter((e) => e.type === 'organization');
    expect(orgs.map((e) => [e.text, e.ref])).toEqual([['Conference on Disarmament', 'conference-on-disarmament'], ['CD', 'conference-on-disarmament']]);
  });

  it('resolves a generic body name through the issuing organization', () => {
    const ps = [
      paragraph(1, 'Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation'),
      paragraph(2, 'The Council of Heads of State reviewed the work of the Secretariat.'),
    ];
    annotateEntities(ps, context('en'));
    expect(ps[1].entities.filter((e) => e.type === 'organization').map((e) => e.ref)).toEqual(['sco-hsc']);
  });

  it('leaves fragments empty and does not throw on odd text', () => {
    const ps = [{ ...paragraph(1, 'Le Haut'), kind: 'fragment' as const }, paragraph(2, '\u0000((( ’’ -- \uD800')];
    expect(() => annotateEntities(ps, context('und'))).not.toThrow();
    expect(ps[0].entities).toEqual([]);
  });
});
