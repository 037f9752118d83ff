import type { Entity, Paragraph } from '../../types.js';
import { isAnnotatable, paragraphLanguage, report, type AnnotateContext } from '../context.js';
import { detectIssuer } from '../../reference/issuer.js';
import { findDates } from './dates.js';
import { findNamedEntities } from './named.js';
import { findGazetteerEntities } from './gazetteer.js';
import { resolveOverlaps } from '../../reference/gazetteer.js';

/**
 * Stage: entities (spec/GUIDELINES.md §5). Reads each annotatable paragraph's text and writes
 * `paragraph.entities`, sorted by start. Three recognisers feed it:
 *   - the reference gazetteer (./gazetteer.ts): states, organizations, places;
 *   - findNamedEntities (./named.ts): instruments, events, initiatives, persons;
 *   - findDates (./dates.ts): dates with ISO values.
 * Merge policy (the gold annotation notes): no nested mentions except dates; among overlapping
 * non-date mentions the longest is kept (a state inside a treaty's name is dropped); on equal
 * spans the gazetteer wins (it carries a checked ref); dates are always kept, even inside a name.
 * The issuing organization is guessed first from the opening paragraphs, so that generic body
 * names ("Council of Heads of State") resolve to that organization's body.
 */

/** Paragraphs longer than this are cut for entity recognition (a message says so). */
const MAX_PARAGRAPH_CHARS = 200_000;

export function annotateEntities(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  const firstTexts = paragraphs.filter(isAnnotatable).slice(0, 4).map((p) => p.text);
  const issuer = detectIssuer(firstTexts, ctx.language)?.id ?? null;
  const { year: refYear, found: datesWithoutYear } = guessYear(paragraphs, ctx);
  for (const p of paragraphs) {
    if (!isAnnotatable(p)) { p.entities = []; continue; }
    const lang = paragraphLanguage(p, ctx);
    let text = p.text;
    if (text.length > MAX_PARAGRAPH_CHARS) {
      report(ctx, 'entities', 'entities/paragraph-too-long', `paragraph is ${text.length} characters long; entities are searched in the first ${MAX_PARAGRAPH_CHARS} only`, 'warning', p.eId);
      text = text.slice(0, MAX_PARAGRAPH_CHARS);
    }
    const gaz = safely(ctx, p.eId, 'gazetteer', () => findGazetteerEntities(text, lang, issuer));
    const named = safely(ctx, p.eId, 'named', () => findNamedEntities(text, lang));
    // Without a reference year, guessYear has already run this very call on the opening paragraphs.
    const dates = (refYear === undefined ? datesWithoutYear.get(p) : undefined)
      ?? safely(ctx, p.eId, 'dates', () => findDates(text, lang, refYear ? { refYear } : {}));
    p.entities = mergeEntities(gaz, named, dates);
  }
}

/**
 * The merge policy, on one paragraph's candidates (see the stage comment). Exported for tests.
 * `gazetteer` and `named` are non-date candidates; `dates` are kept as they are (deduplicated).
 */
export function mergeEntities(gazetteer: Entity[], named: Entity[], dates: Entity[]): Entity[] {
  const nonDates = [
    ...gazetteer.filter((e) => e.type !== 'date').map((e) => ({ e, pri: 1 })),
    ...named.filter((e) => e.type !== 'date').map((e) => ({ e, pri: 0 })),
  ].filter((c) => c.e.end > c.e.start);
  // Equal spans: the gazetteer first, so the stable longest-first sort keeps it.
  nonDates.sort((a, b) => b.pri - a.pri);
  const kept = resolveOverlaps(nonDates.map((c) => ({ ...c.e, start: c.e.start, end: c.e.end })));
  const seen = new Set<string>();
  const allDates: Entity[] = [];
  for (const d of [...dates, ...named.filter((e) => e.type === 'date'), ...gazetteer.filter((e) => e.type === 'date')]) {
    const k = `${d.start}:${d.end}`;
    if (seen.has(k) || d.end <= d.start) continue;
    seen.add(k);
    allDates.push(d);
  }
  return [...kept, ...allDates].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Runs one recogniser; a failure becomes a message (never an exception out of the stage). */
function safely(ctx: AnnotateContext, eId: string, name: string, fn: () => Entity[]): Entity[] {
  try {
    return fn();
  } catch (err) {
    report(ctx, 'entities', `entities/${name}-failed`, `${name} recogniser failed: ${(err as Error).message}`, 'error', eId);
    return [];
  }
}

/**
 * The year of the first full date in the opening paragraphs, used for dates written without a year;
 * with the dates it found per paragraph, when the paragraph's whole text was read: the call the
 * main loop makes for that paragraph when no year is found (same text, same language, no year).
 */
function guessYear(paragraphs: Paragraph[], ctx: AnnotateContext): { year: number | undefined; found: Map<Paragraph, Entity[]> } {
  const found = new Map<Paragraph, Entity[]>();
  for (const p of paragraphs.slice(0, 5)) {
    if (!isAnnotatable(p)) continue;
    const whole = p.text.length <= GUESS_YEAR_CHARS;
    let ds: Entity[] = [];
    try {
      ds = findDates(whole ? p.text : p.text.slice(0, GUESS_YEAR_CHARS), paragraphLanguage(p, ctx));
      if (whole) found.set(p, ds);
    } catch { ds = []; }
    for (const d of ds) {
      const m = /^(\d{4})-\d{2}-\d{2}/.exec(d.value ?? '');
      if (m) return { year: Number(m[1]), found };
    }
  }
  return { year: undefined, found };
}

/** guessYear reads this many characters of a paragraph. */
const GUESS_YEAR_CHARS = 5000;
