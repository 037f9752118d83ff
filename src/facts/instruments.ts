import type { Entity, InstitutionalFact } from '../types.js';
import { cuesIn, entitiesIn, governingAction, makeFact, periodFromText, periodFromValue, sentencesWith, type ParagraphFacts, type Period, type Range } from './context.js';
import { governedNames, titleCaseNamesAfter } from './bodies.js';
import { findCues, matchAtStart, mayMatchWithin, type CueMatch } from './lexicon.js';

/** Action categories that make a status only wished for: "call for the adoption of …". */
const PENDING_CATEGORIES = new Set(['call']);

/**
 * Instruments adopted, approved, signed, or whose implementation is welcomed. Reads:
 * instrumentStatus cues ("ont adopté", "l'approbation de", "la signature de", "la mise en
 * œuvre de", "adopted", "implementation of") and the instrument entities each governs (right
 * after it past linker words, then those coordinated with it); instrumentStatusAfter cues
 * right after a name ("…, adoptée par"). The period comes from the date entities inside the
 * name or right after it (an interval or "../2030"), else from the lexicon's period patterns
 * on the name; a full date after the name is the instrument's own date. The kind comes from
 * the name's head noun (instrumentKind). When the nearest action before the cue is a call
 * ("appellent à l'adoption de …"), the status becomes `sought`.
 * Writes kind `instrument` {org, instrument, ref, instrumentKind, status, period, date}.
 */
export function extractInstruments(pf: ParagraphFacts): InstitutionalFact[] {
  const facts: InstitutionalFact[] = [];
  const done = new Set<Entity>();
  // Asked once per paragraph: most paragraphs hold no word an after-name status could start with.
  let afterPossible: boolean | null = null;
  // Without a status cue, only a marked instrument can carry one after its name.
  for (const sentence of sentencesWith(pf, ['instrumentStatus'], 'instrument')) {
    const statuses = cuesIn(pf, 'instrumentStatus', sentence);
    const anniversaries = statuses.length ? cuesIn(pf, 'anniversary', sentence) : [];
    for (const cue of statuses) {
      // "the 30th anniversary of the signing of the Treaty" is an anniversary, not a signature.
      if (anniversaries.some((a) => a.end <= cue.start && cue.start - a.end < 30)) continue;
      const names = governedNames(pf, cue, sentence, ['instrument']);
      for (const inst of names) {
        if (done.has(inst)) continue;
        done.add(inst);
        facts.push(instrumentFact(pf, inst, cue, statusOf(pf, cue)));
      }
      // Names the entity recogniser did not mark: title-case names whose head is an instrument
      // kind, right after the cue or coordinated with the last name found ("… and its Plan of Action").
      const last = names[names.length - 1];
      const after = last ? { start: last.start, end: last.end } : cue;
      for (const r of titleCaseNamesAfter(pf, after, sentence, !!last)) {
        if (pf.entities.some((e) => e.type === 'instrument' && e.start < r.end && e.end > r.start)) break;
        const words = pf.paragraph.text.slice(r.start, r.end);
        if (!matchAtStart(pf.lex, 'instrumentKind', stripLead(pf.folded.slice(r.start, r.end)))) break;
        const inst: Entity = { type: 'instrument', text: words, start: r.start, end: r.end, rule: 'facts/title-case-name' };
        facts.push(instrumentFact(pf, inst, cue, statusOf(pf, cue)));
      }
    }
    for (const inst of entitiesIn(pf, sentence, ['instrument'])) {
      if (done.has(inst)) continue;
      if (!(afterPossible ??= mayMatchWithin(pf.lex, 'instrumentStatusAfter', pf.folded))) break;
      const after = findCues(pf.lex, 'instrumentStatusAfter', pf.folded.slice(inst.end, Math.min(sentence.end, inst.end + 40)))[0];
      if (!after || after.start !== 0) continue;
      done.add(inst);
      const cue: CueMatch = { ...after, start: inst.end + after.start, end: inst.end + after.end };
      facts.push(instrumentFact(pf, inst, cue, cue.value ?? 'adopted'));
    }
  }
  return facts;
}

/** Categories under which an entry into force is a fact and not a wish ("welcome the entry into force"). */
const FACT_CATEGORIES = new Set(['welcome', 'note', 'affirm']);

function statusOf(pf: ParagraphFacts, cue: CueMatch): string {
  const action = governingAction(pf, cue.start);
  if (action && PENDING_CATEGORIES.has(action.category)) return 'sought';
  if (cue.value === 'entry-into-force' && !(action && FACT_CATEGORIES.has(action.category))) return 'sought';
  return cue.value ?? 'adopted';
}

function instrumentFact(pf: ParagraphFacts, inst: Entity, cue: CueMatch, status: string): InstitutionalFact {
  const { period, date, range } = periodOf(pf, inst);
  const kind = matchAtStart(pf.lex, 'instrumentKind', stripLead(pf.folded.slice(inst.start, inst.end)));
  // A name that carries its own adoption ("Plan d'action adopté pour …") says it was adopted too.
  const adoptedInName = participleInName(pf, inst);
  return makeFact(pf, 'instrument', cue.id, [cue, inst, range], {
    org: pf.org,
    instrument: inst.text,
    ref: inst.ref ?? null,
    instrumentKind: kind?.value ?? null,
    kindRule: kind?.id ?? null,
    status,
    ...(adoptedInName && status === 'implementation' ? { adopted: true } : {}),
    period,
    date,
  });
}

function stripLead(s: string): string {
  return s.replace(/^[\s«"“'(]+/u, '');
}

/** The period and own date of an instrument, from the dates inside or right after its name. */
function periodOf(pf: ParagraphFacts, inst: Entity): { period: Period | null; date: string | null; range: Range | null } {
  let period: Period | null = null;
  let date: string | null = null;
  let range: Range | null = null;
  const window = { start: inst.start, end: Math.min(pf.paragraph.text.length, inst.end + 40) };
  for (const d of entitiesIn(pf, window, ['date'])) {
    // Dates after the name count only when nothing but a linker, "(" or a place separates them.
    if (d.start >= inst.end && !/^[\s,(]*(?:[\p{L}\s'’-]{0,25},\s*)?(?:pour|for|de|du|of|en|in|jusqu|until)?[\s\p{L}'’]{0,20}$/u.test(pf.paragraph.text.slice(inst.end, d.start))) break;
    if (d.value && /^\d{4}-\d{2}(?:-\d{2})?$/.test(d.value)) {
      if (d.start >= inst.end && !date) { date = d.value; range = d; }
      continue;
    }
    let p = periodFromValue(d.value);
    // A bare year that opens the name is its horizon: "2030 Agenda", "Agenda 2063" stays a year.
    if (p && d.start === inst.start && /^\d{4}$/.test(d.value ?? '')) p = { start: null, end: p.end };
    if (p && !period) {
      period = p;
      if (d.end > inst.end) range = d;
    }
  }
  if (!period) {
    const t = periodFromText(pf, inst);
    if (t && t.period) period = t.period;
  }
  return { period, date, range };
}

/** True when the name holds an adoption participle after its head ("Plan d'action adopté pour …"). */
function participleInName(pf: ParagraphFacts, inst: Entity): boolean {
  const name = pf.folded.slice(inst.start, inst.end);
  // No after-name cue can match in a part of the name when none can in the whole name.
  if (!mayMatchWithin(pf.lex, 'instrumentStatusAfter', name)) return false;
  for (let i = name.indexOf(' '); i > 0; i = name.indexOf(' ', i + 1)) {
    const hit = findCues(pf.lex, 'instrumentStatusAfter', name.slice(i))[0];
    if (hit && hit.start === 0 && (hit.value === 'adopted' || hit.value === 'approved')) return true;
  }
  return false;
}
