import type { Entity, EntityType } from '../../types.js';
import { getGazetteer } from '../../reference/names.js';
import { stableSort } from '../../stableSort.js';

/**
 * State, organization and place mentions in one paragraph's text, from the reference gazetteer
 * (data/states.json, data/organizations.yaml, data/places.yaml; see src/reference/). Reads the
 * text only; returns entities with `ref` and `rule` ("entities/gazetteer:state.KZ").
 * `issuer` is the root organization of the document (e.g. "sco"): it switches on that
 * organization's context names ("Council of Heads of State" alone means the SCO's in an SCO text).
 * An acronym in brackets right after a mention ("Association of Southeast Asian Nations (ASEAN)")
 * is a mention of its own with the same ref, even when the data does not list that acronym.
 */
export function findGazetteerEntities(text: string, lang: string, issuer: string | null = null): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const gaz = getGazetteer(lang, issuer);
  const out: Entity[] = [];
  // `value: undefined` (left out of the JSON): the same hidden class as a date's entity
  // ({type, text, start, end, ref, value, rule}), so the stages that read every entity see fewer shapes.
  for (const m of gaz.find(text)) {
    const type = m.entry.type as EntityType;
    out.push({ type, text: m.text, start: m.start, end: m.end, ref: m.entry.ref, value: undefined, rule: `entities/gazetteer:${type}.${m.entry.ref}` });
  }
  return addBracketedAcronyms(text, out);
}

const BRACKETED_ACRONYM = /^\s?[(（]\s*([\p{Lu}][\p{Lu}\p{N}&\-.]{1,11})\s*[)）]/u;

/** "Name (ACR)": ACR becomes a mention with the name's type and ref when nothing covers it yet. */
function addBracketedAcronyms(text: string, found: Entity[]): Entity[] {
  const extra: Entity[] = [];
  for (const e of found) {
    if (!bracketNear(text, e.end)) continue;
    const m = BRACKETED_ACRONYM.exec(text.slice(e.end, e.end + 20));
    if (!m) continue;
    const start = e.end + m[0].indexOf(m[1]);
    const end = start + m[1].length;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    extra.push({ type: e.type, text: m[1], start, end, ref: e.ref, value: undefined, rule: `entities/gazetteer:${e.type}.${e.ref}.bracketed-acronym` });
  }
  return extra.length === 0 ? found : stableSort([...found, ...extra], byStart);
}

function byStart(a: Entity, b: Entity): number {
  return a.start - b.start;
}

/**
 * True when an opening bracket is at `at` or right after it: BRACKETED_ACRONYM can match only
 * then (at most one space comes first), so most mentions skip the slice and the regex.
 */
function bracketNear(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  return a === 0x28 || a === 0xff08 || b === 0x28 || b === 0xff08;
}
