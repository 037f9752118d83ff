import type { Entity, InstitutionalFact } from '../types.js';
import { cuesIn, entitiesIn, makeFact, periodFromText, periodFromValue, sentencesWith, yearOf, type ParagraphFacts, type Period } from './context.js';

/**
 * Chairmanship. Reads: chair nouns, chairHandover cues, state and date entities in the
 * sentence. Writes kind `chairmanship` {org, from, to, period, role}:
 *  - with a handover cue of value `to` ("revient à", "passes to"), `to` is the first state
 *    after the cue and `from` a state before it;
 *  - with a handover cue of value `subject` ("will assume", "takes over"), `to` is the
 *    state nearest before the cue;
 *  - without a handover cue, the state next to the chair noun held it (`from`, role
 *    `holder`), over the period found next to it; a period that starts after the
 *    document's year makes it the incoming chair (`to`).
 * linkChairmanships (below) then fills `from`/`to` across the facts of one document.
 */
export function extractChairmanship(pf: ParagraphFacts): InstitutionalFact[] {
  const facts: InstitutionalFact[] = [];
  for (const sentence of sentencesWith(pf, ['chair'])) {
    const chairs = cuesIn(pf, 'chair', sentence);
    const chair = chairs[0];
    const states = entitiesIn(pf, sentence, ['state']).filter((e) => e.ref);
    if (!states.length) continue;
    const handover = cuesIn(pf, 'chairHandover', sentence)[0];
    const period = periodNear(pf, sentence, chair.end);
    if (handover) {
      let to: Entity | undefined;
      let from: Entity | undefined;
      if (handover.value === 'subject') {
        to = [...states].reverse().find((s) => s.end <= handover.start) ?? states.find((s) => s.start >= handover.end);
        from = states.find((s) => s !== to && s.start > handover.end);
      } else {
        to = states.find((s) => s.start >= handover.end);
        from = [...states].reverse().find((s) => s.end <= handover.start);
      }
      if (!to) continue;
      facts.push(makeFact(pf, 'chairmanship', handover.id, [chair, handover, to, from], {
        org: pf.org, from: from?.ref ?? null, to: to.ref, period: from ? period?.period ?? null : null, role: 'handover',
      }));
      continue;
    }
    // The holder: the state closest to the chair noun (after "présidence de", before "'s chairmanship").
    const holder = states.reduce((best, s) => (distance(s, chair) < distance(best, chair) ? s : best));
    if (distance(holder, chair) > 80) continue;
    const startYear = period?.period.start ? Number(yearOf(period.period.start)) : NaN;
    const docYear = pf.docDate ? Number(yearOf(pf.docDate)) : NaN;
    const incoming = !Number.isNaN(startYear) && !Number.isNaN(docYear) && startYear > docYear;
    facts.push(makeFact(pf, 'chairmanship', chair.id, [chair, holder, period?.range], {
      org: pf.org,
      from: incoming ? null : holder.ref,
      to: incoming ? holder.ref : null,
      period: period?.period ?? null,
      role: incoming ? 'incoming' : 'holder',
    }));
  }
  return facts;
}

function distance(e: { start: number; end: number }, c: { start: number; end: number }): number {
  return e.start >= c.end ? e.start - c.end : c.start >= e.end ? c.start - e.end : 0;
}

/** The first date entity after an offset in the sentence read as a period (else a period in the text). */
function periodNear(pf: ParagraphFacts, sentence: { start: number; end: number }, from: number): { period: Period; range: { start: number; end: number } } | null {
  for (const d of entitiesIn(pf, sentence, ['date'])) {
    if (d.start < from) continue;
    // Only a date close to the chair noun is its period ("… en 2023-2024", "… Chairship in 2026").
    if (d.start - from > PERIOD_WINDOW) break;
    const p = periodFromValue(d.value);
    if (p) return { period: p, range: d };
  }
  const t = periodFromText(pf, { start: from, end: Math.min(sentence.end, from + PERIOD_WINDOW) });
  return t ? { period: t.period, range: t.range } : null;
}

/** Characters after the chair noun within which its period is looked for. */
const PERIOD_WINDOW = 60;

/**
 * Completes chairmanship facts of one document: a fact that knows only who handed over and
 * one that knows only who took over describe one handover, so each gets the other's state
 * (and `related` points at the other's paragraph).
 */
export function linkChairmanships(facts: InstitutionalFact[]): void {
  const chairs = facts.filter((f) => f.kind === 'chairmanship');
  const outgoing = chairs.find((f) => f.from && !f.to);
  const incoming = chairs.find((f) => f.to && (!f.from || f.role === 'handover'));
  if (!outgoing || !incoming || outgoing === incoming) return;
  if (!incoming.from) incoming.from = outgoing.from;
  if (!incoming.period && outgoing.period) incoming.period = outgoing.period;
  outgoing.to = incoming.to;
  if (outgoing.eId !== incoming.eId) {
    outgoing.related = [incoming.eId];
    incoming.related = [outgoing.eId];
  }
}
