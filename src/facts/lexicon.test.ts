import { describe, expect, it } from 'vitest';
import { findCues, gateOf, leadingLiterals, loadFactsLexicon, matchAtStart, CUE_CLASSES } from './lexicon.js';
import { foldForMatch } from '../text/fold.js';

describe('leadingLiterals (where findCues may start a match)', () => {
  it('reads the literal each alternative starts with', () => {
    expect(leadingLiterals('\\badmission\\b')).toEqual(['admission']);
    expect(leadingLiterals('\\bmembres?\\b')).toEqual(['membre']);
    expect(leadingLiterals('\\bcréer\\b|\\bcréation\\b')).toEqual(['créer', 'création']);
    expect(leadingLiterals('(?:ont|a|avons) (?:été )?créé')).toEqual(['ont ', 'a ', 'avons ']);
    expect(leadingLiterals('(?:tant que?|qualité) x')).toEqual(['tant qu', 'qualité']);
    expect(leadingLiterals('((?:19|20)\\d\\d)')).toEqual(['19', '20']);
  });

  it('extends the leads through a required group right after them', () => {
    expect(leadingLiterals('\\b(?:has|have) been (?:established|set up)\\b')).toEqual(['has been established', 'has been set up', 'have been established', 'have been set up']);
    expect(leadingLiterals('(?:a|b) ((?:19|20)\\d\\d)')).toEqual(['a 19', 'a 20', 'b 19', 'b 20']);
    expect(leadingLiterals('(?:a|b) (?:c|d)? e')).toEqual(['a ', 'b ']);
    expect(leadingLiterals('(?:a|b) (?=c)')).toEqual(['a ', 'b ']);
  });

  it('gives up on alternatives that can start anywhere', () => {
    expect(leadingLiterals('(?:\\S+ )?plan')).toBeNull();
    expect(leadingLiterals('^\\s*signé')).toBeNull();
    expect(leadingLiterals('plan|(?:x )?y')).toBeNull();
    expect(leadingLiterals('[ab]c')).toBeNull();
  });
});

describe('gateOf (literals one of which a match must contain)', () => {
  it('picks the longest required literal or required group', () => {
    expect(gateOf('\\b(?:ont|a|avons) (?:\\S+ )?adopté(?:e|s|es)?\\b')).toEqual(['adopté']);
    expect(gateOf('(?:(\\d+)(?:e|ème)? )?anniversaire')).toEqual(['anniversaire']);
    expect(gateOf('(?:statut|qualité) de partenaire(?!s? de dialogue)')).toEqual([' de partenaire']);
    expect(gateOf('(?:pour|en)\\s+((?:19|20)\\d\\d)\\b')).toEqual(['pour', 'en']);
    expect(gateOf('membres?')).toEqual(['membre']);
  });

  it('gives none when everything is optional or a class', () => {
    expect(gateOf('(?:\\S+ )?')).toBeNull();
    expect(gateOf('[ab]+\\d')).toBeNull();
  });
});

describe('findCues', () => {
  it('finds the same matches as a plain scan with each cue regex', () => {
    const text = foldForMatch(
      'Les États membres ont adopté le Plan d’action et ont, à cette occasion, salué la création du Centre. '
      + 'La présidence de l’Organisation pour 2024-2025 revient à la République ; la Banque a été créée en 2023. '
      + 'Ils ont approuvé la Stratégie de développement jusqu’en 2035 et la signature de l’Accord.',
    );
    let total = 0;
    for (const lang of ['fr', 'en']) {
      const lex = loadFactsLexicon(lang)!;
      for (const cls of CUE_CLASSES) {
        const expected: string[] = [];
        for (const cue of lex.cues[cls]) {
          const re = new RegExp(cue.re.source, 'gu');
          for (const m of text.matchAll(re)) if (m[0].length > 0) expected.push(`${cue.id}@${m.index}-${m.index + m[0].length}`);
        }
        const got = findCues(lex, cls, text).map((c) => `${c.id}@${c.start}-${c.end}`);
        expect(got.sort()).toEqual(expected.sort());
        total += got.length;
      }
    }
    expect(total).toBeGreaterThan(10);
  });
});

describe('matchAtStart', () => {
  it('gives the first entry whose regex matches at the start, on every suffix of a text', () => {
    const text = foldForMatch(
      'Le Plan d’action et le programme d’action, la Stratégie, le protocole d’accord, la feuille de route; '
      + 'a working group of experts, the Action Plan, plan of action, memorandum, statutes, the council, un groupe de travail.',
    );
    for (const lang of ['fr', 'en']) {
      const lex = loadFactsLexicon(lang)!;
      for (const cls of ['instrumentKind', 'bodyNoun'] as const) {
        for (let i = 0; i < text.length; i++) {
          const rest = text.slice(i);
          let expected: string | null = null;
          for (const cue of lex.cues[cls]) {
            const m = cue.atStart.exec(rest);
            if (m && m[0].length > 0) { expected = `${cue.id}:${m[0].length}`; break; }
          }
          const got = matchAtStart(lex, cls, rest);
          expect(got ? `${got.id}:${got.end}` : null).toEqual(expected);
        }
      }
    }
  });
});
