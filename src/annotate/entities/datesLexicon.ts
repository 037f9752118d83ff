import { loadLexicon } from '../../lexicon/load.js';

/** One cue phrase with its stable id (lexicons/<lang>/dates.yaml). */
export interface DateCue {
  id: string;
  forms: string[];
  note?: string;
}

/** The shape of lexicons/<lang>/dates.yaml (schema: lexicons/schema/dates.schema.json). */
export interface DatesLexicon {
  language: string;
  months?: { id: string; month: number; forms: string[] }[];
  ordinalDaySuffixes?: string[];
  dayListConnectors?: string[];
  dayRangeConnectors?: string[];
  rangeStarters?: string[];
  yearRangeConnectors?: string[];
  yearWords?: string[];
  openStart?: DateCue[];
  openEnd?: DateCue[];
  notDateAfter?: string[];
  notDateBefore?: string[];
  centuries?: string[];
  weekdays?: string[];
  yearPrefixes?: string[];
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms an alternation tries: lower-cased, each once, longest first (so "jusqu'en" wins over "jusqu'"). */
export function alternationForms(forms: readonly string[]): string[] {
  const uniq = [...new Set(forms.map((f) => f.toLowerCase()))].filter((f) => f.length > 0);
  return uniq.sort((a, b) => b.length - a.length);
}

/**
 * An alternation of literal forms, longest first. A space stands for any white space (\s+) and
 * an apostrophe may be followed by one white-space character; datesAnchors.ts reads forms alike.
 */
export function alternation(forms: readonly string[]): string {
  return alternationForms(forms).map((f) => escapeRegExp(f).replace(/ /g, '\\s+').replace(/'/g, "'\\s?")).join('|');
}

/**
 * The dates lexicon of a language, or an empty one when the language has none
 * (an unknown language still gets the language-neutral numeric patterns).
 */
export function loadDatesLexicon(lang: string): DatesLexicon {
  try {
    return loadLexicon<DatesLexicon>(lang, 'dates') ?? { language: lang };
  } catch {
    // loadLexicon throws only on data that fails its schema; the lexicon test reports that.
    return { language: lang };
  }
}
