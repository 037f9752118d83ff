import * as chrono from 'chrono-node';

/**
 * chrono-node as the date recogniser (dates.ts, findByChrono) calls it: each language's casual
 * configuration, with its patterns built once and its parse split so that a text where no result
 * could be kept stops early (parseKeepable).
 */

/**
 * chrono-node's casual parsers, with each parser's pattern built once. chrono rebuilds the pattern
 * of every word-boundary parser on every parse: it compares a freshly built inner pattern with the
 * cached one by identity, which always differs. Our inner patterns can only change with the parse
 * option `forwardDate`, which we never pass, so the first pattern stays right. The wrapper inherits
 * everything else from the library's parser (Object.create) and leaves the library's own instances
 * untouched; refiners are the library's.
 */
function withFixedPatterns(c: chrono.Chrono): chrono.Chrono {
  const copy = c.clone();
  copy.parsers = copy.parsers.map((p) => {
    const w = Object.create(p) as chrono.Parser & { innerPatternHasChange?: () => boolean };
    if ('innerPatternHasChange' in p) w.innerPatternHasChange = () => false;
    return w;
  });
  return copy;
}

/**
 * chrono-node's parse, split so that a text where no result can be kept stops early. findByChrono
 * keeps only results with a certain day and month; chrono gives a certain day only from some of its
 * parsers (dates with a day, numeric dates, "today", relative days and hours) and never from the
 * others (times, weekdays, a month without a day), and its refiners give a certain day only to a
 * result built from one that has it (merged dates and times, ranges, relative dates), except the
 * English "end of July" (ENEndOfPeriodRefiner, which needs "end of" or "last day of" before the
 * result). This was read from chrono-node 2.10.3 (pinned); a parser not named below counts as a
 * day parser, so one added by an upgrade is safe. So the day parsers run first; when none of
 * their results has a certain day and no end-of-period prefix is written, no result would be kept
 * and the other parsers and the refiners (over half the cost, most of it the time parser reading
 * every number) are not run. Otherwise the parse is chrono's own: the same parsers' results
 * (each parser reads the text alone) in the same order, sorted, then the same refiners.
 */
export interface SplitChrono {
  parsers: chrono.Parser[];
  refiners: chrono.Refiner[];
  /** Per parser: whether it can give a certain day. */
  givesDay: boolean[];
  /** Whether an end-of-period refiner can turn a month into a day ("end of July"). */
  endOfPeriod: boolean;
}
/** Per language, the parsers of the casual configuration that never give a certain day (checked in datesChrono.test.ts). */
export const CHRONO_NO_DAY_PARSERS: Record<string, readonly string[]> = {
  en: ['ENTimeExpressionParser', 'ENCasualTimeParser', 'ENWeekdayParser', 'ENMonthNameParser', 'ENSlashMonthFormatParser', 'ENYearMonthNameParser'],
  fr: ['FRTimeExpressionParser', 'FRSpecificTimeExpressionParser', 'FRCasualTimeParser', 'FRWeekdayParser'],
  ru: ['RUTimeExpressionParser', 'RUWeekdayParser', 'RUMonthNameParser'],
};
/** What ENEndOfPeriodRefiner's prefix (/\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i before a result) needs in the text. */
const END_OF_PERIOD = /(?:last\s+day|end)\s+of\s/i;
/** chrono's parse of one text with each parser alone (a library method the typings keep private). */
const executeParser = (chrono.Chrono as unknown as { executeParser(c: chrono.ParsingContext, p: chrono.Parser): chrono.ParsingResult[] }).executeParser;

function splitChrono(c: chrono.Chrono, lang: string): SplitChrono {
  const noDay = new Set(CHRONO_NO_DAY_PARSERS[lang] ?? []);
  return {
    parsers: c.parsers,
    refiners: c.refiners,
    givesDay: c.parsers.map((p) => !noDay.has(p.constructor.name)),
    endOfPeriod: c.refiners.some((r) => r.constructor.name === 'ENEndOfPeriodRefiner'),
  };
}

/** chrono's results on `text`, or none when none of them could have a certain day (see SplitChrono). */
export function parseKeepable(c: SplitChrono, text: string, ref: Date): chrono.ParsingResult[] {
  const context = new chrono.ParsingContext(text, ref);
  const found: (chrono.ParsingResult[] | undefined)[] = new Array(c.parsers.length);
  let keepable = c.endOfPeriod && END_OF_PERIOD.test(text);
  for (let i = 0; i < c.parsers.length; i++) {
    if (!c.givesDay[i]) continue;
    const rs = executeParser(context, c.parsers[i]);
    found[i] = rs;
    if (!keepable) for (const r of rs) if (r.start.isCertain('day') || r.end?.isCertain('day')) { keepable = true; break; }
  }
  if (!keepable) return [];
  let results: chrono.ParsingResult[] = [];
  for (let i = 0; i < c.parsers.length; i++) results = results.concat(found[i] ?? executeParser(context, c.parsers[i]));
  results.sort((a, b) => a.index - b.index);
  for (const refiner of c.refiners) results = refiner.refine(context, results);
  return results;
}

const CHRONO: Record<string, SplitChrono | undefined> = {
  fr: splitChrono(withFixedPatterns(chrono.fr.casual), 'fr'),
  en: splitChrono(withFixedPatterns(chrono.en.casual), 'en'),
  ru: splitChrono(withFixedPatterns(chrono.ru.casual), 'ru'),
};

/** The split chrono of a language (fr, en, ru), or undefined when chrono has no parser for it. */
export function chronoFor(lang: string): SplitChrono | undefined {
  return CHRONO[lang];
}
