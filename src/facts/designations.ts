import type { Entity, InstitutionalFact } from '../types.js';
import { cuesIn, entitiesIn, makeFact, periodFromText, periodFromValue, sentencesWith, type ParagraphFacts, type Period, type Range } from './context.js';

/**
 * Designations: thematic years ("2025 Année du développement durable", "the Year of …") and
 * capitals of culture, tourism, youth ("Qingdao capitale touristique et culturelle de l'OCS
 * en 2024-2025"). Reads designationYear / designationCapital cues, event and date entities,
 * place entities for the holder of a capital, declare cues for the status. Writes kind
 * `designation` {org, designation: 'thematic-year' | 'capital', title, holder, holderRef,
 * period, status: 'declared' | 'mentioned'}.
 */
export function extractDesignations(pf: ParagraphFacts): InstitutionalFact[] {
  const facts: InstitutionalFact[] = [];
  const text = pf.paragraph.text;
  for (const sentence of sentencesWith(pf, ['designationYear', 'designationCapital'])) {
    const years = cuesIn(pf, 'designationYear', sentence);
    const capitals = cuesIn(pf, 'designationCapital', sentence);
    const declares = cuesIn(pf, 'declare', sentence);
    for (const cue of years) {
      const event = entitiesIn(pf, sentence, ['event']).find((e) => e.start === cue.start);
      const title: Range = event ?? { start: cue.start, end: clauseEnd(text, cue.end, sentence.end) };
      const year = yearNear(pf, sentence, title);
      const status = declares.some((d) => d.end <= cue.start) ? 'declared' : 'mentioned';
      facts.push(makeFact(pf, 'designation', cue.id, [cue, title, year?.range], {
        org: pf.org, designation: 'thematic-year', title: text.slice(title.start, title.end), holder: null, holderRef: null,
        period: year?.period ?? null, status,
      }));
    }
    for (const cue of capitals) {
      const holder = holderBefore(pf, sentence, cue);
      if (!holder) continue;
      const period = periodAfter(pf, sentence, cue.end);
      const status = declares.some((d) => d.end <= holder.start) ? 'declared' : 'mentioned';
      facts.push(makeFact(pf, 'designation', cue.id, [holder, cue, period?.range], {
        org: pf.org, designation: 'capital', title: text.slice(cue.start, cue.end), holder: text.slice(holder.start, holder.end),
        holderRef: holder.ref ?? null, period: period?.period ?? null, status,
      }));
    }
  }
  return facts;
}

function clauseEnd(text: string, from: number, limit: number): number {
  const m = /[,;:.(«"“]|\s(?:au sein|within|dans|in|en|pour|for)\s/u.exec(text.slice(from, limit));
  let end = m ? from + m.index : limit;
  while (end > from && /\s/.test(text[end - 1])) end--;
  return Math.min(end, from + 120);
}

/** The year of a thematic year: a date right before the title ("2025 Année …") or the first after it. */
function yearNear(pf: ParagraphFacts, sentence: Range, title: Range): { period: Period; range: Range } | null {
  const dates = entitiesIn(pf, sentence, ['date']);
  const before = [...dates].reverse().find((d) => d.end <= title.start && title.start - d.end <= 12);
  const after = dates.find((d) => d.start >= title.end && d.start - title.end <= 40);
  const d = before ?? after;
  const p = d ? periodFromValue(d.value) : null;
  if (d && p) return { period: p, range: d };
  const m = /((?:19|20)\d\d)\s*(?:comme |as |the |l')?$/u.exec(pf.paragraph.text.slice(Math.max(sentence.start, title.start - 14), title.start));
  if (m) {
    const start = title.start - (pf.paragraph.text.slice(Math.max(sentence.start, title.start - 14), title.start).length - (m.index ?? 0));
    return { period: { start: m[1], end: m[1] }, range: { start, end: start + 4 } };
  }
  const t = periodFromText(pf, { start: title.end, end: Math.min(sentence.end, title.end + 40) });
  return t ? { period: t.period, range: t.range } : null;
}

/** The place named right before a capital title ("Qingdao capitale …", "Almaty – la capitale", "X as the … Capital"). */
function holderBefore(pf: ParagraphFacts, sentence: Range, cue: Range): (Range & { ref?: string | null }) | null {
  const text = pf.paragraph.text;
  const places = entitiesIn(pf, { start: sentence.start, end: cue.start }, ['place', 'state']);
  const last: Entity | undefined = places[places.length - 1];
  const gapOk = (from: number) => /^[\s,:\-–—]*(?:(?:la|le|les|l'|l’|the|as|as the|comme|en tant que|en tant que la|named|declared)\s+)*(?:(?:\p{Lu}\p{L}*|[A-Z]{2,})\s+){0,2}$/u.test(text.slice(from, cue.start));
  if (last && cue.start - last.end <= 40 && gapOk(last.end)) return last;
  // No place entity (a name nested in a longer mention): the capitalised word right before.
  const m = /(\p{Lu}[\p{L}-]+(?:[ -]\p{Lu}[\p{L}-]+)?)\s*(?:[-–—:,]\s*)?(?:(?:la|le|the|as the|as|comme)\s+)?(?:(?:\p{Lu}\p{L}*|[A-Z]{2,})\s+){0,2}$/u.exec(text.slice(sentence.start, cue.start));
  if (!m) return null;
  const start = sentence.start + (m.index ?? 0);
  return { start, end: start + m[1].length, ref: null };
}

function periodAfter(pf: ParagraphFacts, sentence: Range, from: number): { period: Period; range: Range } | null {
  for (const d of entitiesIn(pf, { start: from, end: sentence.end }, ['date'])) {
    if (d.start - from > 40) break;
    const p = periodFromValue(d.value);
    if (p) return { period: p, range: d };
  }
  const t = periodFromText(pf, { start: from, end: Math.min(sentence.end, from + 40) });
  return t ? { period: t.period, range: t.range } : null;
}
