import type { Entity, Paragraph } from '../types.js';
import { documentIssuer, isAnnotatable, paragraphLanguage, report, type AnnotateContext } from './context.js';
import { getOrganization, getPlace, membersOn } from '../reference/load.js';
import { getGazetteer } from '../reference/names.js';

/**
 * Stage: document metadata. Reads the first paragraphs and the entities found by the entities
 * stage; writes ctx.document.organization, date, place, title, id and members.
 *   - organization: the organization named most prominently in the opening paragraphs (title,
 *     dateline, "We, the Leaders of BRICS…"; src/reference/issuer.ts), as a root id ("sco").
 *   - date: the adoption date. The first full date (or the first day of a range) in an opening
 *     paragraph that also names a place or the issuing organization (the dateline, "met in New
 *     Delhi on 9-10 September 2023"); else the first full date of a short heading-like paragraph.
 *   - place: a city named in that paragraph, else in the title, else the seat of an organization
 *     the opening says the meeting was held at ("assembled at the United Nations").
 *   - title: a heading paragraph at the top that names a document (declaration, statement…),
 *     normalised (no leading article, no subtitle after a dash, straight apostrophes).
 *   - id: "<organization>-<year>-<place>" (e.g. "sco-2024-astana") when organization and year are known.
 *   - members: the member states of the organization on that date (data/organizations.yaml);
 *     today's members when no date was found (with an info message).
 * Nothing found is not an error: the field stays null and an info message says so.
 */

const OPENING_PARAGRAPHS = 6;
const TITLE_WORDS = /\b(?:declaration|statement|communiqu[eé]|d[ée]claration|resolution|r[ée]solution|joint|charter|action plan|plan d'action|appeal|appel|address)\b|декларац|заявлени|коммюнике|обращени|宣言|声明|公报|联合/iu;

export function annotateDocumentInfo(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  const doc = ctx.document;
  const opening = paragraphs.filter(isAnnotatable).slice(0, OPENING_PARAGRAPHS);
  const issuer = documentIssuer(paragraphs, ctx);
  doc.organization = issuer?.id ?? null;

  const dated = findAdoptionDate(opening, doc.organization);
  doc.date = dated?.date ?? null;

  const titlePara = findTitleParagraph(opening);
  if (titlePara) doc.title = normaliseTitle(titlePara.text);

  doc.place = findPlace(dated?.paragraph ?? null, titlePara, opening, ctx);

  if (doc.organization && doc.date) {
    doc.members = membersOnRemembered(doc.organization, doc.date);
  } else if (doc.organization) {
    // No adoption date: the present membership is the best guess (later stages need a member list
    // to tell "all members" from "some"); a message says it is a guess.
    doc.members = membersOnRemembered(doc.organization, new Date().toISOString().slice(0, 10));
    report(ctx, 'documentInfo', 'documentInfo/members-undated', `no adoption date: members of ${doc.organization} are today's`, 'info');
  }
  if (!doc.id && doc.organization && doc.date) {
    doc.id = [doc.organization, doc.date.slice(0, 4), doc.place].filter(Boolean).join('-');
  }
  if (!doc.organization) report(ctx, 'documentInfo', 'documentInfo/no-organization', 'no issuing organization named in the opening paragraphs', 'info');
  if (!doc.date) report(ctx, 'documentInfo', 'documentInfo/no-date', 'no adoption date found in the dateline or the opening formula', 'info');
}

/** At most this many (organization, date) member lists are remembered; then the memo starts afresh. */
const MEMBERS_MEMO_MAX = 256;
const membersMemo = new Map<string, string[]>();

/**
 * membersOn, remembered per organization and date: the reference data is read once per process,
 * and the documents of a corpus ask for few distinct lists (every undated one for today's). Each
 * document gets its own copy, so that no later change to one document's list reaches another.
 */
function membersOnRemembered(organization: string, isoDate: string): string[] {
  const key = `${organization}|${isoDate}`;
  let members = membersMemo.get(key);
  if (!members) {
    members = membersOn(organization, isoDate);
    if (membersMemo.size >= MEMBERS_MEMO_MAX) membersMemo.clear();
    membersMemo.set(key, members);
  }
  return [...members];
}

function fullDay(e: Entity): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(e.value ?? '');
  return e.type === 'date' && m ? m[1] : null;
}

/** See the stage comment; returns the date and the paragraph it was found in. */
function findAdoptionDate(opening: Paragraph[], issuer: string | null): { date: string; paragraph: Paragraph } | null {
  for (const p of opening) {
    const ents = p.entities ?? [];
    const anchored = ents.some((e) => e.type === 'place' || (e.type === 'organization' && issuer !== null && e.ref !== undefined && e.ref !== null && rootOf(e.ref) === issuer));
    if (!anchored) continue;
    for (const e of ents) {
      const d = fullDay(e);
      if (d && !isInstrumentDate(p, e)) return { date: d, paragraph: p };
    }
  }
  for (const p of opening) {
    if (p.kind !== 'heading' && p.text.length > 100) continue;
    for (const e of p.entities ?? []) {
      const d = fullDay(e);
      if (d && !isInstrumentDate(p, e)) return { date: d, paragraph: p };
    }
  }
  return null;
}

const DATE_OF_DOCUMENT = /(?:\bof|\bdated|\bdu|\bот|\bв редакции от)\s+$/iu;
/**
 * A date that belongs to a document (or a name) right before it ("Treaty … of 29 May 2014", "Договор … от
 * 29 мая 2014 года", "Traité … du 1er juillet 1968") is that document's date, not the adoption date.
 */
function isInstrumentDate(p: Paragraph, d: Entity): boolean {
  const before = p.text.slice(Math.max(0, d.start - 12), d.start);
  if (/(?:\bот|\bdated)\s+$/iu.test(before)) return true;
  if (!DATE_OF_DOCUMENT.test(before)) return false;
  // "of <date>" right after a name (the instrument, or the organization ending its name when the
  // instrument itself was not recognised: "Treaty on the Eurasian Economic Union of 29 May 2014").
  // A place before "du" is a venue ("à Rio du 18 au 19 novembre"), and "<body> du <date>" is a
  // meeting, so only an instrument, or an organization before "of", counts.
  const of = /\bof\s+$/i.test(before);
  return (p.entities ?? []).some((e) => (e.type === 'instrument' || (of && e.type === 'organization')) && e.end <= d.start && d.start - e.end <= 12);
}

function rootOf(ref: string): string {
  let o = getOrganization(ref);
  const seen = new Set<string>();
  while (o?.parent && o.kind !== 'organization' && o.kind !== 'group' && !seen.has(o.id)) {
    seen.add(o.id);
    o = getOrganization(o.parent);
  }
  return o?.id ?? ref;
}

/** The first of the top two paragraphs that is short, has no final full stop and names a document. */
function findTitleParagraph(opening: Paragraph[]): Paragraph | null {
  for (const p of opening.slice(0, 2)) {
    const t = p.text.trim();
    if (t.length === 0 || t.length > 400 || /[.;:]$/.test(t)) continue;
    if (TITLE_WORDS.test(t)) return p;
  }
  return null;
}

/** Title normalisation: no leading article, no subtitle after a dash, straight apostrophes, no shouting first word. */
export function normaliseTitle(raw: string): string {
  let t = raw.trim().replace(/[\u2019\u2018\u02BC]/g, "'");
  t = t.replace(/^(?:the|la|le|les)\s+/i, '').replace(/^l'/i, '');
  const dash = /\s*[-\u2013\u2014]\s+\p{Lu}/u.exec(t);
  if (dash && dash.index > 10) t = t.slice(0, dash.index);
  // A subtitle in capitals after the name ("… Kazan Declaration STRENGTHENING MULTILATERALISM FOR …").
  const shout = /\s(?:[\p{Lu}\d'’-]{2,}\s+){2,}[\p{Lu}\d'’-]{2,}\s*$/u.exec(t);
  if (shout && /\p{Ll}/u.test(t.slice(0, shout.index))) t = t.slice(0, shout.index);
  // A shouted document word first ("STATEMENT of the …"), not an acronym or a numeral ("BRICS", "XVI").
  t = t.replace(/^(\p{Lu})(\p{Lu}+)(?=\s)/u, (w: string, a: string, b: string) => (TITLE_WORDS.test(w) ? a + b.toLowerCase() : w));
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const AT_ORGANIZATION = /\b(?:at the|au siège de l[a'’]?|au siège des|в штаб-квартире)\s*$/iu;

/** See the stage comment. Only cities and territories count (a region is not a venue). */
function findPlace(datePara: Paragraph | null, titlePara: Paragraph | null, opening: Paragraph[], ctx: AnnotateContext): string | null {
  const venue = (ents: Entity[]): string | null => {
    for (const e of ents) {
      if (e.type !== 'place' || !e.ref) continue;
      const kind = getPlace(e.ref)?.kind;
      if (kind === 'city' || kind === 'territory') return e.ref;
    }
    return null;
  };
  if (datePara) {
    const v = venue(datePara.entities ?? []);
    if (v) return v;
  }
  if (titlePara) {
    // The title is usually one instrument mention, so the place inside it was not kept as an entity.
    const raw = getGazetteer(paragraphLanguage(titlePara, ctx), null).find(titlePara.text)
      .filter((m) => m.entry.type === 'place')
      .map((m) => ({ type: 'place' as const, text: m.text, start: m.start, end: m.end, ref: m.entry.ref }));
    const v = venue(raw);
    if (v) return v;
  }
  for (const p of opening.slice(0, 3)) {
    for (const e of p.entities ?? []) {
      if (e.type !== 'organization' || !e.ref) continue;
      if (!AT_ORGANIZATION.test(p.text.slice(Math.max(0, e.start - 30), e.start))) continue;
      const seat = getOrganization(e.ref)?.seat;
      if (seat) return seat;
    }
  }
  return null;
}
