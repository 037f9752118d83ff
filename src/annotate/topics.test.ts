import { describe, expect, it } from 'vitest';
import type { Entity, Paragraph, ParagraphKind } from '../types.js';
import type { AnnotateContext } from './context.js';
import { annotateTopics, findCueMatches } from './topics.js';
import { loadLexicon } from '../lexicon/load.js';
import { compileForm, formSteps, keyStepsOf, loadTopicCues, matchFormAt, readTopicIds, scanKeysOf, type CompiledCue, type TopicsLexicon } from './topicsLexicon.js';
import { foldLoose } from '../text/fold.js';
import { makeParagraph } from '../../test/support/makeParagraph.js';
import { seededIndex } from '../../test/support/seededRandom.js';

/** Every cue's matches by its own regex (matchAll, empty ones left out), as cue@start-end: what findCueMatches must find. */
function matchesByRegex(folded: string, cues: CompiledCue[]): string[] {
  const out: string[] = [];
  for (const cue of cues) {
    cue.re.lastIndex = 0;
    for (const m of folded.matchAll(cue.re)) if (m[0].length > 0) out.push(`${cue.id}@${m.index}-${m.index + m[0].length}`);
  }
  return out;
}

function para(text: string, kind: ParagraphKind = 'operative', entities: Entity[] = []): Paragraph {
  return makeParagraph(1, text, { kind, entities });
}
function ctx(language: string, organization: string | null = 'sco'): AnnotateContext {
  return {
    language, messages: [],
    document: { id: 'x', language, organization, title: null, date: null, place: null, source: null, paragraphCount: 1 },
  };
}
function topicsOf(text: string, language = 'fr', kind: ParagraphKind = 'operative', entities: Entity[] = []): string[] {
  const p = para(text, kind, entities);
  annotateTopics([p], ctx(language));
  return p.topics;
}

describe('compileForm', () => {
  it('matches stems at word starts, whole words otherwise, and gaps of up to three words', () => {
    const stem = compileForm('terror*', true);
    expect('les terroristes'.match(stem)?.[0]).toBe('terroristes');
    expect('antiterrorisme'.match(compileForm('terror*', true))).toBeNull();
    expect('ports'.match(compileForm('port', true))).toBeNull();
    const gap = compileForm('sécurité ~ de l\'information', true);
    expect("la securite internationale de l'information".match(gap)?.[0]).toBe("securite internationale de l'information");
    expect("securite a b c d de l'information".match(compileForm('sécurité ~ de l\'information', true))).toBeNull();
    expect('non ingerence'.match(compileForm('non-ingérence', true))?.[0]).toBe('non ingerence');
    expect('加强反恐合作'.match(compileForm('反恐', false))?.[0]).toBe('反恐');
  });
});

describe('annotateTopics', () => {
  it('finds the field of a paragraph from its words', () => {
    expect(topicsOf('Les États membres renforceront la lutte contre le terrorisme et l’extrémisme.')).toEqual(['terrorism']);
    expect(topicsOf('We will strengthen public health systems and pandemic preparedness.', 'en')).toEqual(['health']);
    expect(topicsOf('Они развивают сотрудничество в области здравоохранения и борьбы с пандемией.', 'ru')).toEqual(['health']);
    expect(topicsOf('我们将加强禁毒合作。', 'zh')).toEqual(['drugs']);
  });

  it('lets the longest phrase decide ("sécurité alimentaire" is agriculture, not security)', () => {
    expect(topicsOf('Ils veilleront à assurer la sécurité alimentaire de la région.')).toEqual(['agriculture']);
    expect(topicsOf('They stressed energy security.', 'en')).toEqual(['energy']);
  });

  it('gives one cue two topics when its entry says so (e-commerce: digital and trade)', () => {
    expect(topicsOf('Ils développeront le commerce électronique.').sort()).toEqual(['digital', 'trade']);
  });

  it('gives a field, not institutional, to a paragraph about work in a field; institutional otherwise', () => {
    expect(topicsOf('Les États membres saluent les résultats de la présidence kazakhe.')).toEqual(['institutional']);
    expect(topicsOf('La présidence a organisé des réunions sur la coopération énergétique et les énergies renouvelables.')).toEqual(['energy']);
    expect(topicsOf('They welcomed the accession of a new member to the organization.', 'en')).toEqual(['institutional']);
  });

  it('gives institutional to a paragraph that only mentions the organisation itself', () => {
    const text = 'Les États membres confirment le rôle central de l’OCS.';
    const at = text.indexOf('OCS');
    const ocs: Entity = { type: 'organization', text: 'OCS', start: at, end: at + 3, ref: 'sco' };
    expect(topicsOf(text, 'fr', 'operative', [ocs])).toEqual(['institutional']);
    expect(topicsOf(text, 'fr', 'operative', [])).toEqual([]);
  });

  it('gives partnerships to cooperation with another organisation named in the paragraph', () => {
    const text = 'Ils ont souligné la coopération avec la FAO dans le domaine agricole.';
    const at = text.indexOf('FAO');
    const fao: Entity = { type: 'organization', text: 'FAO', start: at, end: at + 3, ref: 'fao' };
    expect(topicsOf(text, 'fr', 'operative', [fao]).sort()).toEqual(['agriculture', 'partnerships']);
  });

  it('takes the most mentioned organisation for the document\'s own when documentInfo did not name it', () => {
    const mk = (text: string, acronym: string, ref: string) => {
      const at = text.indexOf(acronym);
      return para(text, 'operative', [{ type: 'organization', text: acronym, start: at, end: at + acronym.length, ref }]);
    };
    const ps = [
      mk('Ils ont salué le dialogue au sein de l’OCS.', 'OCS', 'sco'),
      mk('Ils développeront la coopération au sein de l’OCS sur l’agriculture.', 'OCS', 'sco'),
      mk('Ils développeront la coopération avec la FAO sur l’agriculture.', 'FAO', 'fao'),
    ];
    annotateTopics(ps, ctx('fr', null));
    expect(ps.map((p) => p.topics.sort())).toEqual([['institutional'], ['agriculture'], ['agriculture', 'partnerships']]);
  });

  it('gives no topic to headings, fragments, or paragraphs without cues', () => {
    expect(topicsOf('Lutte contre le terrorisme', 'fr', 'heading')).toEqual([]);
    expect(topicsOf('terrorisme', 'fr', 'fragment')).toEqual([]);
    expect(topicsOf('Les États membres ont pris note de ce qui précède.')).toEqual([]);
  });

  it('records the cue ids that produced the topics', () => {
    const p = para('Ils renforceront la lutte contre le trafic de drogue.');
    annotateTopics([p], ctx('fr'));
    expect(p.topics).toEqual(['drugs']);
    expect(p.topicRules).toEqual(['topics/lexicon:fr.drugs.drug']);
  });

  it('leaves a language without cues empty, with one info message', () => {
    const c = ctx('de');
    const ps = [para('Terrorismus'), para('Gesundheit')];
    annotateTopics(ps, c);
    expect(ps.map((p) => p.topics)).toEqual([[], []]);
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0]).toMatchObject({ severity: 'info', ruleId: 'topics/no-lexicon' });
  });
});

describe('topic lexicons', () => {
  it('give every cue a unique id starting with its language, and no form to two topics', () => {
    for (const lang of ['fr', 'en', 'ru', 'zh']) {
      const lex = loadLexicon<TopicsLexicon>(lang, 'topics')!;
      const entries = [...(lex.ignore ?? []), ...(lex.cooperation ?? []), ...lex.topics.flatMap((t) => t.cues)];
      const ids = entries.map((e) => e.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), lang).toEqual([]);
      expect(ids.filter((id) => !id.startsWith(`${lang}.`)), lang).toEqual([]);
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const t of lex.topics) {
        for (const c of t.cues) {
          for (const f of c.forms) {
            const key = f.toLowerCase();
            if (owner.has(key) && owner.get(key) !== t.id) clashes.push(`${f}: ${owner.get(key)}, ${t.id}`);
            owner.set(key, t.id);
          }
        }
      }
      expect(clashes, lang).toEqual([]);
    }
  });

  it('load and validate for fr, en, ru and zh, and fr and en cover every topic of spec/topics.json', () => {
    for (const lang of ['fr', 'en', 'ru', 'zh']) expect(loadTopicCues(lang)?.length).toBeGreaterThan(50);
    for (const lang of ['fr', 'en']) {
      const covered = new Set(loadTopicCues(lang)!.flatMap((c) => c.topics));
      expect([...readTopicIds()].filter((t) => !covered.has(t))).toEqual([]);
    }
  });
});

describe('topic cue matcher (lead index + hand matcher) against the cue regexes', () => {
  it('matches a gap lazily and a "*" ending greedily, as the regex does', () => {
    const steps = formSteps('coop* ~ securit*', true);
    // Lazy gap: the shortest gap that lets the rest match; greedy ending: the whole word.
    expect(matchFormAt('cooperation en matiere de securite alimentaire', steps, 0)).toBe('cooperation en matiere de securite'.length);
    // More than three words in the gap: no match.
    expect(matchFormAt('cooperation a b c d securite', steps, 0)).toBe(-1);
    // A digit right after the word: the word-end look-ahead fails.
    expect(matchFormAt('e-commerce2', formSteps('e-commerce', true), 0)).toBe(-1);
    expect(matchFormAt('e commerce', formSteps('e-commerce', true), 0)).toBe(10);
  });

  it('spells the literal beginnings of a form as scan keys (one space per white-space run)', () => {
    expect(scanKeysOf(formSteps('the organization', true))).toEqual(['the organization']);
    expect(scanKeysOf(formSteps('co-operation', true))).toEqual(['co-operation', 'co operation', 'cooperation']);
    expect(scanKeysOf(formSteps('terror* financing', true))).toEqual(['terror']);
    expect(scanKeysOf(formSteps('coop* ~ securit*', true))).toEqual(['coop']);
    expect(scanKeysOf(formSteps('数字 经济', false))).toEqual(['数字 经济', '数字经济']);
  });

  it('resumes matching where an exact key ends (keyStepsOf), and not after a hyphen join', () => {
    // "the organization": literal, \s+, literal (then the word end): three steps spelt.
    expect(keyStepsOf(formSteps('the organization', true))).toBe(3);
    expect(keyStepsOf(formSteps('terror* financing', true))).toBe(1);
    expect(keyStepsOf(formSteps('coop* ~ securit*', true))).toBe(1);
    // [-\s]? takes one unit where a key's KEY_SPACE reads a run: "co  operation" is no match.
    expect(keyStepsOf(formSteps('co-operation', true))).toBe(0);
    expect(keyStepsOf(formSteps('数字 经济', false))).toBe(3);
    const cues = loadTopicCues('en')!;
    expect(findCueMatches(foldLoose('co  operation, co operation'), cues).map((m) => `${m.start}-${m.end}`)).toEqual(['15-27']);
  });

  it('finds the same matches as matchAll over every cue regex', () => {
    const latin = [
      'Les États membres renforceront la coopération en matière de sécurité alimentaire et de commerce électronique (e-commerce).',
      'The Member States will strengthen cooperation on counter-terrorism, food security, climate change and e commerce 😀 trade.',
      'sécurité-alimentaire  securite\u00a0alimentaire 2sécurité sécuritéx coopération   internationale, changement climatique.',
      'The international community, the organization and the UN agencies: international peace and security, the World Bank, co-operation.',
      'the  organization the\u2009\u00a0organization co operation co  operation co\toperation e -commerce international\n\nlaw world bank2 world  bank',
    ];
    const texts: Record<string, string[]> = {
      fr: latin,
      en: latin,
      ru: ['Они развивают сотрудничество в области здравоохранения, борьбы с терроризмом и продовольственной безопасности.'],
      zh: ['我们将加强禁毒合作、反恐合作和粮食安全，推动数字经济发展。'],
    };
    for (const lang of ['fr', 'en', 'ru', 'zh']) {
      const cues = loadTopicCues(lang)!;
      let total = 0;
      for (const text of texts[lang]!) {
        const folded = foldLoose(text);
        const expected = matchesByRegex(folded, cues);
        total += expected.length;
        expect(findCueMatches(folded, cues).map((m) => `${m.cue!.id}@${m.start}-${m.end}`), `${lang}: ${text}`).toEqual(expected);
      }
      expect(total, lang).toBeGreaterThan(2);
    }
  });

  it('finds the same matches as matchAll on random texts made of the cue words (keys automaton fuzz)', () => {
    // Words of the forms themselves, glued or split by every kind of separator the automaton
    // treats apart: white-space runs (one KEY_SPACE in a key), hyphens, apostrophes, letters or
    // digits right before a word (no word start there), a surrogate pair (the regex path).
    const glue = [' ', ' ', ' ', ' ', ' ', '  ', ' \u00a0', '\n\n', '-', "'", ', ', '(', 'x', '2', ''];
    const random = seededIndex(7);
    for (const lang of ['fr', 'en', 'ru', 'zh']) {
      const cues = loadTopicCues(lang)!;
      const keys = [...new Set(cues.flatMap((c) => c.keys))];
      // The keys' words, and the keys whole (their white space spelt as runs of any length).
      const words = [...new Set(keys.flatMap((k) => k.split(' ')))].filter(Boolean);
      const spaces = [' ', '  ', ' \u00a0', '\n\n'];
      let total = 0;
      for (let t = 0; t < 150; t++) {
        let text = '';
        for (let w = 0; w < 40; w++) {
          const word = random(3) === 0 ? keys[random(keys.length)]!.replace(/ /g, () => spaces[random(spaces.length)]!) : words[random(words.length)]!;
          // Sometimes a piece of a word (a key cut short) or the word with an ending.
          const cut = random(4) === 0 ? word.slice(0, 1 + random(word.length)) : random(4) === 0 ? `${word}s` : word;
          text += cut + glue[random(glue.length)]!;
        }
        // One text in ten holds a surrogate pair (matched by the sticky regexes).
        if (t % 10 === 0) text += ' 😀 ' + words[random(words.length)]!;
        const folded = foldLoose(text);
        const expected = matchesByRegex(folded, cues);
        total += expected.length;
        expect(findCueMatches(folded, cues).map((m) => `${m.cue!.id}@${m.start}-${m.end}`), `${lang}: ${text}`).toEqual(expected);
      }
      expect(total, lang).toBeGreaterThan(300);
    }
  });

  it('matches "~" gaps as the regex does, with zero to five words in them (gap fuzz)', () => {
    const random = seededIndex(11);
    const fillers = ['de', 'la', 'the', 'x', 'grande', 'and', 'l\'', '2024', 'des', 'avec', 'with', '-', ','];
    const spaces = [' ', ' ', '  ', '\n'];
    let gapped = 0;
    for (const lang of ['fr', 'en', 'ru', 'zh']) {
      const lex = loadLexicon<TopicsLexicon>(lang, 'topics')!;
      const forms = [...(lex.ignore ?? []), ...(lex.cooperation ?? []), ...lex.topics.flatMap((t) => t.cues)].flatMap((e) => e.forms).filter((f) => f.includes('~'));
      const cues = loadTopicCues(lang)!;
      for (let t = 0; t < (forms.length ? 200 : 0); t++) {
        const form = forms[random(forms.length)]!;
        // The form's words, each "~" replaced by zero to five filler words, each "*" by an ending.
        const words = form.split(/\s+/).flatMap((w) => (w === '~' ? Array.from({ length: random(6) }, () => fillers[random(fillers.length)]!) : [w.replace('*', ['', 's', 'ation'][random(3)]!)]));
        const text = words.map((w) => w + spaces[random(spaces.length)]!).join('') + words.join(' ');
        const folded = foldLoose(text);
        const expected = matchesByRegex(folded, cues);
        gapped += expected.length;
        expect(findCueMatches(folded, cues).map((m) => `${m.cue!.id}@${m.start}-${m.end}`), `${lang}: ${text}`).toEqual(expected);
      }
    }
    expect(gapped).toBeGreaterThan(400);
  });
});
