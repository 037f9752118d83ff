import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import { CHRONO_NO_DAY_PARSERS, PARSER_GATES, chronoFor, parseKeepable } from './datesChrono.js';

const LIBRARY: Record<string, chrono.Chrono> = { en: chrono.en.casual, fr: chrono.fr.casual, ru: chrono.ru.casual };

/** What findByChrono reads of a result: where it is, and its certain components. */
const summary = (r: chrono.ParsedResult) => JSON.stringify([r.index, r.text, knownOf(r.start), r.end ? knownOf(r.end) : null]);
const knownOf = (c: chrono.ParsedComponents) =>
  (['day', 'month', 'year', 'weekday', 'hour', 'minute'] as const).map((k) => (c.isCertain(k) ? c.get(k) : null));
const hasCertainDay = (r: chrono.ParsedResult) => r.start.isCertain('day') || !!r.end?.isCertain('day');

/** Pieces of text that chrono's parsers read (dates, times, weekdays, relative words, "end of"), per language. */
const PIECES: Record<string, string[]> = {
  en: ['4', '17', '2015', '23/09/2015', '70/1', '12:30', '10 am', '12 am', 'July', 'Sept.', 'may', 'March', '4th', 'first', 'of', 'the', 'on',
    'Monday', 'Tue', 'today', 'now', 'tonight', 'tomorrow', 'yesterday', 'last night', 'noon', 'midnight', 'this morning', 'ago', 'later',
    'after', 'before', 'within', 'in', 'for', 'days', 'weeks', 'hours', 'years', 'month', 'next', 'last', 'this', 'week', 'year', '+2 days',
    'end of', 'last day of', 'to', '-', '–', ',', '.', 'until', 'from', 'at', 'resolution', 'EST', 'GMT', '2015-09-25', 'since',
    'month', 'the month', 'earlier', 'from now', 'henceforth', 'forward', 'out', 'past', 'a', 'few', 'd', 'h', 'W', '4.7', '1-2', '3/4', 'AGO', 'Later'],
  fr: ['4', '1er', '17', '2024', '04.07.2024', '78/269', '10h', '10 h 30', 'à 12:30', 'juillet', 'févr.', 'mars', 'mai', 'le', 'du', 'au',
    'et', 'lundi', 'mardi', "aujourd'hui", 'demain', 'hier', 'ce soir', 'matin', 'midi', 'minuit', 'il y a', 'dans', 'jours', 'heures',
    'ans', 'semaine', 'prochain', 'dernier', 'depuis', '-', ',', '.', 'à', 'jusqu’au'],
  ru: ['4', '17', '2014', '29.05.2014', 'мая', 'июля', 'сентября', 'года', 'г.', 'в', 'с', 'по', 'до', 'понедельник', 'вторник', 'сегодня',
    'завтра', 'вчера', 'утром', 'вечером', 'в полдень', 'следующей ночью', 'назад', 'через', 'дня', 'часа', 'лет', 'неделе', 'следующей',
    'прошлой', 'в 10:00', '-', ',', '.'],
};

const executeParser = (chrono.Chrono as unknown as { executeParser(c: chrono.ParsingContext, p: chrono.Parser): chrono.ParsingResult[] }).executeParser;

describe('chrono split parse (datesChrono)', () => {
  it("gates the parsers named in PARSER_GATES (their patterns still hold the part each gate reads)", () => {
    const gated = (lang: string) => chronoFor(lang)!.parsers.filter((_, i) => chronoFor(lang)!.needs[i] !== null).map((p) => p.constructor.name).sort();
    expect(gated('en')).toEqual(Object.keys(PARSER_GATES).sort());
    expect(gated('fr')).toEqual(['SlashDateFormatParser']);
    expect(gated('ru')).toEqual(['SlashDateFormatParser']);
  });

  it('runs no gated parser whose pattern could match: a text it matches always passes its gate', () => {
    let seed = 7;
    const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
    const pieces = [...PIECES.en, 'quarters', 'qtr', 'yr', 'mos', 'hrs', 'sec', 'couple of', 'half an', 'several', 'about', 'one', 'twelve',
      'after this', 'this\nweek', 'THIS', 'Next', 'MONTH', 'end', 'last  day', 'of the', '04/07', '4-07-2024', '9.', '.5', '-3', 'beforehand', 'outlook', 'd\u00a0ago',
      '3 days ago', 'two weeks later', 'a few years earlier', '5 h before', '10 years after', '2 months from now', 'one year out', 'a day forward',
      'next month', 'this  week', 'last year', 'past 3 days', 'end of the month', 'last day of month', '4/7', '31.12', '1-2'];
    const split = chronoFor('en')!;
    const ref = new Date(Date.UTC(2000, 0, 1, 12));
    const wrong: string[] = [];
    const matched: Record<string, number> = {};
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let k = 1 + rnd(8); k > 0; k--) text += pieces[rnd(pieces.length)] + [' ', '', '  ', '\t', ', '][rnd(5)];
      const context = new chrono.ParsingContext(text, ref);
      split.parsers.forEach((p, i) => {
        const needs = split.needs[i];
        if (!needs || executeParser(context, p).length === 0) return;
        matched[p.constructor.name] = (matched[p.constructor.name] ?? 0) + 1;
        if (!needs.test(text)) wrong.push(`${p.constructor.name} ${JSON.stringify(text)}`);
      });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    for (const name of Object.keys(PARSER_GATES)) expect(matched[name] ?? 0, name).toBeGreaterThan(50); // each gate is exercised
  });

  it('names parsers that each configuration holds', () => {
    for (const [lang, names] of Object.entries(CHRONO_NO_DAY_PARSERS)) {
      const held = new Set(LIBRARY[lang].parsers.map((p) => p.constructor.name));
      expect(names.filter((n) => !held.has(n))).toEqual([]);
    }
  });

  it("gives chrono's own results, or none when chrono gives none with a certain day", () => {
    let seed = 11;
    const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    const wrong: string[] = [];
    let stopped = 0;
    for (const lang of ['en', 'fr', 'ru']) {
      const pieces = PIECES[lang];
      const split = chronoFor(lang)!;
      for (let n = 0; n < 1500; n++) {
        const words: string[] = [];
        const count = 2 + Math.floor(rnd() * 10);
        for (let k = 0; k < count; k++) words.push(pieces[Math.floor(rnd() * pieces.length)]);
        const text = words.join(rnd() < 0.8 ? ' ' : '  ');
        for (const year of [2000, 2023]) {
          const ref = new Date(Date.UTC(year, 0, 1, 12));
          const ours = parseKeepable(split, text, ref).map(summary);
          const theirs = LIBRARY[lang].parse(text, ref);
          if (ours.length === 0 && !theirs.some(hasCertainDay)) { stopped++; continue; }
          if (JSON.stringify(ours) !== JSON.stringify(theirs.map(summary))) wrong.push(`${lang} ${year} ${JSON.stringify(text)}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(stopped).toBeGreaterThan(500); // the early stop is exercised
  });
});
