import { describe, expect, it } from 'vitest';
import { findKnown, knownRunsFor, scanKnown } from './namedKnown.js';
import { prepareLexicon } from './namedLexicon.js';
import { headStarts } from './namedWalk.js';

const refs = (text: string, lang: string) => findKnown(text, lang).map((h) => [text.slice(h.start, h.end), h.entry.id, h.acronym]);

describe('findKnown (one scan over the runs of the paragraph)', () => {
  it('finds a name whose first word is a single letter ("U.N. Charter")', () => {
    const hits = refs('They recalled the U.N. Charter today.', 'en');
    expect(hits.some(([t]) => t === 'U.N. Charter')).toBe(true);
  });

  it('finds names and acronyms on word boundaries only', () => {
    expect(refs('The NPT and the BWC.', 'en').map(([t]) => t)).toEqual(expect.arrayContaining(['NPT', 'BWC']));
    expect(refs('ANPT BWCs NPTx', 'en')).toEqual([]);
  });

  it('matches names without regard to case and accents, acronyms exactly', () => {
    expect(refs('le Traite sur la NON-proliferation des armes nucleaires', 'fr').map(([t]) => t)).toContain('Traite sur la NON-proliferation des armes nucleaires');
    expect(refs('le tnp', 'fr')).toEqual([]);
  });
});

describe('scanKnown with the runs collected by headStarts (one scan of the word starts)', () => {
  // Pieces that exercise the cases where the shared scan must step aside or agree: known names and
  // acronyms, combining marks (U+0301), U+02BC, surrogate pairs, joins, apostrophes, capitals after
  // lower case (English glued words) and very long runs.
  const pieces = ['Paris Agreement', 'NPT', 'BWC', 'SDGs', 'U.N. Charter', 'Belt and Road Initiative', 'Conference on Disarmament', 'Traité sur la non-prolifération des armes nucléaires', 'TNP',
    'Договор о нераспространении ядерного оружия', 'ДНЯО', 'e\u0301', '\u0301Agreement', 'Paris\u02bcAgreement', '𝐓reaty', 'co-operation', 'l’Accord', 'FrameworkDeclaration', '2030 Agenda', 'x'.repeat(160), ' ', ' ', ', ', '. ', '(', ')', 'the', 'de la'];
  const langs = ['en', 'fr', 'ru'];
  let seed = 12345;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };

  it('finds what scanKnown finds alone, on many random texts', () => {
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const parts = 1 + (next() % 12);
      for (let j = 0; j < parts; j++) text += pieces[next() % pieces.length];
      const lang = langs[next() % langs.length];
      const lex = prepareLexicon(lang)!;
      const runs = knownRunsFor(text, lang);
      headStarts(text, lex, lang === 'en', runs);
      expect(scanKnown(text, lang, runs)).toEqual(scanKnown(text, lang));
    }
  });
});
