import type { Entity, Paragraph } from '../../types.js';
import { documentIssuer, isAnnotatable, paragraphLanguage, report, type AnnotateContext } from '../context.js';
import { findDates } from './dates.js';
import { findNamedEntities } from './named.js';
import { findGazetteerEntities } from './gazetteer.js';
import { resolveOverlaps } from '../../reference/gazetteer.js';
import { stableSort } from '../../stableSort.js';

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
  const issuer = documentIssuer(paragraphs, ctx)?.id ?? null;
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
  // Equal spans: the gazetteer first, so the stable longest-first sort of resolveOverlaps keeps it.
  const nonDates: Entity[] = [];
  for (const e of gazetteer) if (e.type !== 'date' && e.end > e.start) nonDates.push(e);
  for (const e of named) if (e.type !== 'date' && e.end > e.start) nonDates.push(e);
  const out = resolveOverlaps(nonDates); // a fresh array: the dates are added to it
  const seen = new Set<number>();
  for (const d of dates) addDate(d, seen, out);
  for (const d of named) if (d.type === 'date') addDate(d, seen, out);
  for (const d of gazetteer) if (d.type === 'date') addDate(d, seen, out);
  return stableSort(out, byStartThenLongest);
}

function byStartThenLongest(a: Entity, b: Entity): number {
  return a.start - b.start || b.end - a.end;
}

/** Adds a date to the merged mentions unless it is empty or its span is already there. */
function addDate(d: Entity, seen: Set<number>, out: Entity[]): void {
  if (d.end <= d.start) return;
  // start and end as one number: a paragraph is cut at 200,000 characters (MAX_PARAGRAPH_CHARS)
  const k = d.start * 1_000_003 + d.end;
  if (seen.has(k)) return;
  seen.add(k);
  out.push(d);
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
