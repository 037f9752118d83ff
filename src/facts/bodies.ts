import type { Entity, InstitutionalFact } from '../types.js';
import { blankPlacesAndDates, cuesIn, entitiesIn, isCoordinatedGap, isLinkerGap, makeFact, sentencesWith, titleCaseNameAt, type ParagraphFacts, type Range } from './context.js';
import { findCues, matchAtStart } from './lexicon.js';

/**
 * Bodies and mechanisms created, decided, under consultation or proposed. Reads: creation
 * cues, then the organisation entities it governs (right after it, past linker words and an
 * optional body noun such as "un mécanisme pour la", then any names coordinated with the
 * first: "de la Banque … et du Fonds …"); when no organisation entity follows, a phrase that
 * starts with a body noun ("a working group on …"). The status is the cue's own value
 * (`created` for "ont créé", "has been established") or that of the nearest bodyStatus cue
 * before it in the sentence (decided, consultation, study, proposed, created); a creation cue
 * with neither is not a fact. Writes kind `body` {org, body, ref, bodyKind, status}.
 * A creation cue governed by an anniversary cue is left to extractAnniversaries.
 */
export function extractBodies(pf: ParagraphFacts): InstitutionalFact[] {
  const facts: InstitutionalFact[] = [];
  for (const sentence of sentencesWith(pf, ['creation'])) {
    const creations = cuesIn(pf, 'creation', sentence);
    const anniversaries = cuesIn(pf, 'anniversary', sentence);
    const statuses = cuesIn(pf, 'bodyStatus', sentence);
    const used = new Set<Entity>();
    for (const cue of creations) {
      if (anniversaries.some((a) => a.end <= cue.start && cue.start - a.end < 30)) continue;
      const statusCue = cue.value ? null : [...statuses].reverse().find((s) => s.end <= cue.start);
      const status = cue.value ?? statusCue?.value;
      if (!status) continue;
      const bodies = governedNames(pf, cue, sentence, ['organization']).filter((e) => !used.has(e) && e.ref !== pf.org);
      if (bodies.length) {
        for (const b of bodies) {
          used.add(b);
          facts.push(makeFact(pf, 'body', cue.id, [statusCue, cue, b], {
            org: pf.org, body: b.text, ref: b.ref ?? null, bodyKind: bodyKindOf(pf, b.text), status, statusRule: statusCue?.id ?? cue.id,
          }));
        }
        continue;
      }
      const phrase = bodyPhraseAfter(pf, cue, sentence);
      if (phrase) {
        facts.push(makeFact(pf, 'body', cue.id, [statusCue, cue, phrase], {
          org: pf.org, body: pf.paragraph.text.slice(phrase.start, phrase.end), ref: null, bodyKind: phrase.kind, status, statusRule: statusCue?.id ?? cue.id,
        }));
        continue;
      }
      for (const name of titleCaseNamesAfter(pf, cue, sentence)) {
        const body = pf.paragraph.text.slice(name.start, name.end);
        facts.push(makeFact(pf, 'body', cue.id, [statusCue, cue, name], {
          org: pf.org, body, ref: null, bodyKind: bodyKindOf(pf, body), status, statusRule: statusCue?.id ?? cue.id,
        }));
      }
    }
  }
  return facts;
}

/**
 * Anniversaries of bodies (and of instruments: "30th anniversary of the signing of the
 * Treaty"). Reads: anniversary cues (group 1 = years) and the organisation or instrument
 * entities they govern (past "de la création du", "of the signing of", places in between).
 * Writes kind `anniversary` {org, body, ref, years, of: 'organization' | 'instrument'}.
 */
export function extractAnniversaries(pf: ParagraphFacts): InstitutionalFact[] {
  const facts: InstitutionalFact[] = [];
  for (const sentence of sentencesWith(pf, ['anniversary'])) {
    for (const cue of cuesIn(pf, 'anniversary', sentence)) {
      // Skip "de la création" / "of the establishment of" / "of the signing of" between the cue and the names.
      const window = { start: cue.end, end: Math.min(sentence.end, cue.end + 30) };
      const creation = [...cuesIn(pf, 'creation', window), ...cuesIn(pf, 'instrumentStatus', window)].sort((a, b) => a.start - b.start)[0];
      const anchor = creation && isLinkerGap(pf, cue.end, creation.start) ? creation : cue;
      const bodies = governedNames(pf, anchor, sentence, ['organization', 'instrument']);
      const years = cue.groups[0] ? Number(cue.groups[0]) : null;
      for (const b of bodies) {
        facts.push(makeFact(pf, 'anniversary', cue.id, [cue, b], { org: pf.org, body: b.text, ref: b.ref ?? null, years, of: b.type }));
      }
    }
  }
  return facts;
}

/**
 * The entities of some types governed by a cue: the first must follow the cue past linker
 * words only (or linker words around one body noun), each next one must be coordinated with
 * the previous.
 */
export function governedNames(pf: ParagraphFacts, cue: Range, sentence: Range, types: Entity['type'][]): Entity[] {
  const candidates = entitiesIn(pf, { start: cue.end, end: sentence.end }, types);
  const out: Entity[] = [];
  let prevEnd = cue.end;
  for (const e of candidates) {
    if (e.start < prevEnd) continue; // nested or overlapping mention
    if (out.length > 0 && isLinkerGap(pf, prevEnd, e.start) && e.type === 'organization') {
      // "Comité exécutif de la Structure … de l'OCS" marked as two mentions: one name, not two.
      const prev = out[out.length - 1];
      out[out.length - 1] = { ...prev, text: pf.paragraph.text.slice(prev.start, e.end), end: e.end };
      prevEnd = e.end;
      continue;
    }
    const ok = out.length === 0 ? isFirstGap(pf, prevEnd, e.start) : isCoordinatedGap(pf, prevEnd, e.start);
    if (!ok) break;
    const whole = extendTitleCase(pf, e, sentence);
    out.push(whole);
    prevEnd = whole.end;
  }
  return out;
}

function isFirstGap(pf: ParagraphFacts, from: number, to: number): boolean {
  const gap = blankPlacesAndDates(pf, from, to);
  if (pf.lex.linkerGap.test(gap) || pf.lex.unmarkedThenCoordinatedGap.test(gap)) return true;
  // Linkers, one body noun, linkers: "un mécanisme pour la", "a new working group on the".
  for (const noun of findCues(pf.lex, 'bodyNoun', gap)) {
    if (pf.lex.linkerGap.test(gap.slice(0, noun.start)) && pf.lex.linkerGap.test(gap.slice(noun.end))) return true;
  }
  return false;
}

/** The body kind of a name, from the body noun it starts with (after linker words), or null. */
function bodyKindOf(pf: ParagraphFacts, name: string): string | null {
  const folded = name.toLowerCase();
  const hit = findCues(pf.lex, 'bodyNoun', folded).find((h) => pf.lex.linkerGap.test(folded.slice(0, h.start)) || h.start === 0);
  return hit?.value ?? findCues(pf.lex, 'bodyNoun', folded)[0]?.value ?? null;
}

/** A phrase starting with a body noun right after the cue, up to the end of the clause (at most 160 characters). */
function bodyPhraseAfter(pf: ParagraphFacts, cue: Range, sentence: Range): (Range & { kind: string | null }) | null {
  const rest = pf.folded.slice(cue.end, sentence.end);
  const lead = /^[\s]*(?:\S+\s+){0,2}?/u.exec(rest);
  for (let skip = 0; skip <= (lead ? lead[0].length : 0); skip++) {
    if (skip > 0 && !/\s/.test(rest[skip - 1])) continue;
    if (!pf.lex.linkerGap.test(rest.slice(0, skip))) continue;
    const noun = matchAtStart(pf.lex, 'bodyNoun', rest.slice(skip));
    if (!noun) continue;
    const start = cue.end + skip;
    const stop = /[,;:.()]|\s(?:et|and|afin|pour lutter|in order|to ensure)\s/u.exec(rest.slice(skip + noun.end));
    const end = Math.min(sentence.end, start + noun.end + (stop ? stop.index : rest.length), start + 160);
    return { start, end: trimEnd(pf.paragraph.text, start, end), kind: noun.value ?? null };
  }
  return null;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/**
 * Title-case names governed by a cue when no entity was marked: the first right after the cue
 * past linker words ("set up a BRICS Working Group on …"), then each one coordinated with the
 * previous ("… of a BRICS Grain Exchange and of a BRICS Reinsurance Pool"); with coordinatedFirst,
 * the first too must be coordinated (the cue is then the last name already found). Names that overlap
 * a marked state, place or date are not names of bodies or instruments.
 */
export function titleCaseNamesAfter(pf: ParagraphFacts, cue: Range, sentence: Range, coordinatedFirst = false): Range[] {
  const out: Range[] = [];
  let prevEnd = cue.end;
  for (let guard = 0; guard < 8; guard++) {
    const rest = pf.folded.slice(prevEnd, sentence.end);
    const words = /^(?:\s*\S+){0,6}/u.exec(rest)?.[0] ?? '';
    let found: Range | null = null;
    // The name starts after a few linker words: find the first capitalised word and try there.
    const m = /[\p{Lu}\p{N}]/u.exec(pf.paragraph.text.slice(prevEnd, prevEnd + words.length));
    if (m) {
      const at = prevEnd + m.index;
      const gapOk = out.length === 0 && !coordinatedFirst ? isLinkerGap(pf, prevEnd, at) : isCoordinatedGap(pf, prevEnd, at);
      if (gapOk) found = titleCaseNameAt(pf, at, sentence.end);
    }
    if (!found) break;
    const f = found;
    if (pf.entities.some((e) => (e.type === 'state' || e.type === 'place' || e.type === 'date') && e.start < f.end && e.end > f.start)) break;
    out.push(found);
    prevEnd = found.end;
  }
  return out;
}

/**
 * A mention cut short by the recogniser ("Memorandum of Understanding on Cooperation" of
 * "… in Vocational Education") grows to the whole title-case name that starts where it starts,
 * when no other mention begins inside the added words.
 */
function extendTitleCase(pf: ParagraphFacts, e: Entity, sentence: Range): Entity {
  const name = titleCaseNameAt(pf, e.start, sentence.end);
  if (!name || name.start !== e.start || name.end <= e.end) return e;
  if (pf.entities.some((o) => o !== e && o.type !== 'date' && o.start >= e.end && o.start < name.end)) return e;
  return { ...e, text: pf.paragraph.text.slice(e.start, name.end), end: name.end };
}
