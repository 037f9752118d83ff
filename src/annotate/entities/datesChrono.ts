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
  /** Per parser: a test its text must pass for the parser's pattern to match (PARSER_GATES), or null. */
  needs: (RegExp | null)[];
}
/** Per language, the parsers of the casual configuration that never give a certain day (checked in datesChrono.test.ts). */
export const CHRONO_NO_DAY_PARSERS: Record<string, readonly string[]> = {
  en: ['ENTimeExpressionParser', 'ENCasualTimeParser', 'ENWeekdayParser', 'ENMonthNameParser', 'ENSlashMonthFormatParser', 'ENYearMonthNameParser'],
  fr: ['FRTimeExpressionParser', 'FRSpecificTimeExpressionParser', 'FRCasualTimeParser', 'FRWeekdayParser'],
  ru: ['RUTimeExpressionParser', 'RUWeekdayParser', 'RUMonthNameParser'],
};
/**
 * Tests that a text must pass for a parser's pattern to match anywhere in it: each reads a part
 * that the pattern cannot match without (a word it ends with, a number shape it holds), as the
 * pattern reads it (same case-insensitivity). A parser whose text fails is not run: its pattern
 * would find nothing, and chrono's own scan runs its left boundary (\W|^) and word lists at every
 * position of the window. These five took about half of the parsers' time on the UN General Debate
 * corpus; under a tenth of its windows pass the tests of the first four, two thirds that of the
 * last (measured in one process against the ungated parse: 55 → 34 ms per third of the corpus). A gate holds only while the parser's pattern still holds `part` (checked
 * when the parsers are split, so an upgrade that rewrites a pattern runs it ungated); the test
 * beside this file compares the gated parse with chrono's own on texts made to pass and fail them.
 */
interface ParserGate {
  /** The part of the parser's pattern (its source) the test reads. */
  part: string;
  needs: RegExp;
}
const RELATIVE_UNITS = 'quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y';
export const PARSER_GATES: Record<string, ParserGate> = {
  // "3 days ago": the pattern ends with one of these words.
  ENTimeUnitAgoFormatParser: { part: '\\s{0,5}(?:ago|before|earlier)(?=\\W|$)', needs: /(?:ago|before|earlier)(?=\W|$)/i },
  // "2 weeks later"
  ENTimeUnitLaterFormatParser: { part: '\\s{0,5}(?:later|after|from now|henceforth|forward|out)(?=(?:\\W|$))', needs: /(?:later|after|from now|henceforth|forward|out)(?=\W|$)/i },
  // "next week": the word, white space, then a unit, each of which starts with one of [qsmhdwy].
  ENRelativeDateFormatParser: { part: `(this|last|past|next|after\\s*this)\\s*((?:${RELATIVE_UNITS}))`, needs: /(?:this|last|past|next)\s*[qsmhdwy]/i },
  // "end of the month"
  ENEndOfCurrentMonthParser: { part: '\\s+of\\s+(?:the\\s+)?month(?=\\W|$)', needs: /month/i },
  // "23/09", "4.7": a digit, a separator, a digit.
  SlashDateFormatParser: { part: '([0-3]{0,1}[0-9]{1})[\\/\\.\\-]([0-3]{0,1}[0-9]{1})', needs: /[0-9][/.\-][0-9]/ },
};

/** What ENEndOfPeriodRefiner's prefix (/\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i before a result) needs in the text. */
const END_OF_PERIOD = /(?:last\s+day|end)\s+of\s/i;
/** chrono's parse of one text with each parser alone (a library method the typings keep private). */
const executeParser = (chrono.Chrono as unknown as { executeParser(c: chrono.ParsingContext, p: chrono.Parser): chrono.ParsingResult[] }).executeParser;

/** The context a parser's pattern is read with in splitChrono (the patterns depend on no option we pass). */
const PATTERN_CONTEXT = new chrono.ParsingContext('', new Date(0));

function splitChrono(c: chrono.Chrono, lang: string): SplitChrono {
  const noDay = new Set(CHRONO_NO_DAY_PARSERS[lang] ?? []);
  return {
    parsers: c.parsers,
    refiners: c.refiners,
    givesDay: c.parsers.map((p) => !noDay.has(p.constructor.name)),
    endOfPeriod: c.refiners.some((r) => r.constructor.name === 'ENEndOfPeriodRefiner'),
    needs: c.parsers.map((p) => {
      const gate = PARSER_GATES[p.constructor.name];
      return gate && p.pattern(PATTERN_CONTEXT).source.includes(gate.part) ? gate.needs : null;
    }),
  };
}

/** One parser's results on the context's text: none without running it when its gate fails (PARSER_GATES). */
function runParser(c: SplitChrono, i: number, context: chrono.ParsingContext): chrono.ParsingResult[] {
  const needs = c.needs[i];
  return needs && !needs.test(context.text) ? [] : executeParser(context, c.parsers[i]);
}

/** chrono's results on `text`, or none when none of them could have a certain day (see SplitChrono). */
export function parseKeepable(c: SplitChrono, text: string, ref: Date): chrono.ParsingResult[] {
  const context = new chrono.ParsingContext(text, ref);
  const found: (chrono.ParsingResult[] | undefined)[] = new Array(c.parsers.length);
  let keepable = c.endOfPeriod && END_OF_PERIOD.test(text);
  for (let i = 0; i < c.parsers.length; i++) {
    if (!c.givesDay[i]) continue;
    const rs = runParser(c, i, context);
    found[i] = rs;
    if (!keepable) for (const r of rs) if (r.start.isCertain('day') || r.end?.isCertain('day')) { keepable = true; break; }
  }
  if (!keepable) return [];
  let results: chrono.ParsingResult[] = [];
  for (let i = 0; i < c.parsers.length; i++) results = results.concat(found[i] ?? runParser(c, i, context));
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
