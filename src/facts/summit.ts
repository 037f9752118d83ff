import type { InstitutionalFact } from '../types.js';
import { cuesIn, entitiesIn, makeFact, sentencesWith, yearOf, type ParagraphFacts } from './context.js';

/**
 * The next summit. Reads: summitNext cues ("prochaine réunion du Conseil des chefs d'État",
 * "next summit", "will host the … Summit"), then in the same sentence the first date after
 * the cue (its year), the first place after it, and the host state (after the cue, or before
 * it for "X will host"). Writes kind `next-summit` {org, year, host, place}.
 */
export function extractNextSummit(pf: ParagraphFacts): InstitutionalFact[] {
  const facts: InstitutionalFact[] = [];
  for (const sentence of sentencesWith(pf, ['summitNext'])) {
    const cue = cuesIn(pf, 'summitNext', sentence)[0]!;
    const after = { start: cue.end, end: sentence.end };
    const date = entitiesIn(pf, after, ['date']).find((d) => yearOf(d.value));
    let year = yearOf(date?.value);
    let yearRange: { start: number; end: number } | undefined = date;
    if (!year) {
      const m = /\b((?:19|20)\d\d)\b/.exec(pf.paragraph.text.slice(after.start, after.end));
      if (m) {
        year = m[1];
        yearRange = { start: after.start + m.index, end: after.start + m.index + 4 };
      }
    }
    const place = entitiesIn(pf, after, ['place'])[0];
    const statesAfter = entitiesIn(pf, after, ['state']).filter((s) => s.ref);
    const statesBefore = entitiesIn(pf, { start: sentence.start, end: cue.start }, ['state']).filter((s) => s.ref);
    const host = statesAfter[0] ?? statesBefore[statesBefore.length - 1];
    if (!year && !place && !host) continue;
    facts.push(makeFact(pf, 'next-summit', cue.id, [cue, yearRange, place, host], {
      org: pf.org,
      year: year ?? null,
      host: host?.ref ?? null,
      place: place ? place.ref ?? place.text : null,
    }));
  }
  return facts;
}
