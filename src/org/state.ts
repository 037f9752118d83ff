import { foldLoose } from '../text/fold.js';
import type { InstitutionalFact } from '../types.js';
import { linkProposals } from './proposals.js';
import { displayName, isActiveOn } from './registry.js';
import type {
  AnniversaryEntry, BodyEntry, ChairEntry, DesignationEntry, InstrumentEntry, MemberEntry, NextSummitEntry,
  OrgDocument, OrgFlag, OrgRecord, OrgRegistry, OrgState, Support,
} from './types.js';

/** Days two dates of one event may differ by before the difference is flagged (announced vs effective). */
const TOLERANCE_DAYS = 31;
/** Statuses under which an instrument applies. */
const APPLYING = new Set(['adopted', 'approved', 'signed', 'implementation', 'entry-into-force']);

/**
 * The state of an organisation on a date. Reads the reference data (memberships, chairmanships,
 * bodies) and the facts of the organisation's declarations dated on or before the date, oldest
 * first. Reference periods stand; a fact that agrees adds its paragraph as support; a fact the
 * reference lacks is added (source `fact`) and flagged `not-in-reference`; a fact that disagrees
 * (another date, another chair) is kept as support and flagged `contradiction`. Nothing is
 * dropped silently. Pure: writes only the returned object.
 */
export function computeOrgState(orgId: string, on: string, documents: OrgDocument[], registry: OrgRegistry): OrgState {
  const rec = registry.get(orgId);
  const docs = documents
    .filter((d) => d.organization === orgId && d.date && d.date <= on)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
  const flags: OrgFlag[] = [];
  const supportOf = (d: OrgDocument, f: InstitutionalFact): Support => ({ docId: d.id, eId: f.eId, date: d.date, rule: f.rule ?? '', text: f.text });
  const factsOf = (kind: string) => docs.flatMap((d) => d.facts.filter((f) => f.kind === kind).map((f) => ({ d, f })));

  const membershipHistory = applyMembershipFacts(rec, [...factsOf('admission'), ...factsOf('status-change')], supportOf, flags);
  const active = membershipHistory.filter((m) => isActiveOn({ from: m.since, to: m.until }, on));
  const chairHistory = applyChairFacts(rec, factsOf('chairmanship'), supportOf, flags);
  const chair = pickChair(chairHistory, on);

  return {
    org: {
      id: orgId, names: rec?.names ?? {}, acronyms: rec?.acronyms ?? {}, seat: rec?.seat ?? null, founded: rec?.founded ?? null, known: !!rec,
    },
    on,
    members: active.filter((m) => m.role === 'member').sort(byState),
    associates: active.filter((m) => m.role !== 'member').sort((a, b) => a.role.localeCompare(b.role) || byState(a, b)),
    membershipHistory,
    chair,
    chairHistory,
    bodies: collectBodies(orgId, registry, factsOf('body'), supportOf),
    instruments: collectInstruments(on, factsOf('instrument'), supportOf),
    proposals: linkProposals(docs, supportOf),
    designations: collectDesignations(factsOf('designation'), supportOf),
    anniversaries: factsOf('anniversary').map(({ d, f }) => ({ body: String(f.body), ref: (f.ref as string) ?? null, years: (f.years as number) ?? null, support: [supportOf(d, f)] }) satisfies AnniversaryEntry),
    summits: docs.map((d) => ({ docId: d.id, date: d.date, place: d.place, title: d.title, language: d.language })),
    nextSummit: nextSummitOf(docs, supportOf),
    flags,
  };
}

const byState = (a: { state: string }, b: { state: string }) => a.state.localeCompare(b.state);

type Found = { d: OrgDocument; f: InstitutionalFact };
type SupportOf = (d: OrgDocument, f: InstitutionalFact) => Support;

function daysBetween(a: string, b: string): number {
  const pa = Date.parse(a.length === 4 ? `${a}-01-01` : a);
  const pb = Date.parse(b.length === 4 ? `${b}-01-01` : b);
  return Number.isNaN(pa) || Number.isNaN(pb) ? Infinity : Math.abs(pa - pb) / 86_400_000;
}

function applyMembershipFacts(rec: OrgRecord | null, found: Found[], supportOf: SupportOf, flags: OrgFlag[]): MemberEntry[] {
  const history: MemberEntry[] = (rec?.memberships ?? []).map((m) => ({
    state: m.member, role: m.role, since: m.from, until: m.to, source: 'reference', support: [],
  }));
  for (const { d, f } of found) {
    const state = String(f.state);
    const role = String(f.status);
    const date = (f.date as string | null) ?? d.date ?? '';
    const support = supportOf(d, f);
    if (f.stage === 'in-progress') continue;
    const same = history.filter((m) => m.state === state && m.role === role);
    const match = same.find((m) => !m.since || daysBetween(m.since, date) <= TOLERANCE_DAYS);
    if (match) {
      match.support.push(support);
      if (match.source === 'reference') match.source = 'reference+fact';
      continue;
    }
    if (same.length) {
      const m = same[0];
      flags.push({ kind: 'contradiction', support, message: `${d.id} reports ${state} as ${role} from ${date}; the reference data has ${role} from ${m.since ?? 'an unknown date'}${m.until ? ` to ${m.until}` : ''}` });
      m.support.push(support);
      continue;
    }
    flags.push({ kind: 'not-in-reference', support, message: `${d.id} reports ${state} as ${role} from ${date}; the reference data has no such record (added from the declaration)` });
    // A new role ends the state's other open roles at that date (a partner that becomes a member).
    for (const other of history) {
      if (other.state === state && !other.until && (!other.since || other.since < date)) other.until = date;
    }
    history.push({ state, role, since: date || null, until: null, source: 'fact', support: [support] });
  }
  return history;
}

function applyChairFacts(rec: OrgRecord | null, found: Found[], supportOf: SupportOf, flags: OrgFlag[]): ChairEntry[] {
  const history: ChairEntry[] = (rec?.chairmanships ?? []).map((c) => ({ state: c.state, since: c.from, until: c.to, source: 'reference', support: [] }));
  const hasReference = history.length > 0;
  for (const { d, f } of found) {
    const date = d.date ?? '';
    const support = supportOf(d, f);
    const claims: Array<{ state: string; at: string; role: 'from' | 'to' }> = [];
    if (typeof f.to === 'string') claims.push({ state: f.to, at: date, role: 'to' });
    if (typeof f.from === 'string') claims.push({ state: f.from, at: date, role: 'from' });
    for (const c of claims) {
      // "to": chair from the declaration's date; "from": chair up to it.
      const match = history.find((h) => h.state === c.state && (c.role === 'to'
        ? (!h.since || daysBetween(h.since, c.at) <= TOLERANCE_DAYS || isActiveOn({ from: h.since, to: h.until }, c.at))
        : (!h.until || daysBetween(h.until, c.at) <= TOLERANCE_DAYS || isActiveOn({ from: h.since, to: h.until }, c.at))));
      if (match) {
        if (!match.support.some((s) => s.docId === support.docId && s.eId === support.eId)) match.support.push(support);
        if (match.source === 'reference') match.source = 'reference+fact';
        continue;
      }
      if (hasReference) {
        flags.push({ kind: 'contradiction', support, message: `${d.id} reports the chair ${c.role === 'to' ? 'passing to' : 'held by'} ${c.state} at ${date}; the reference data disagrees` });
      }
      if (c.role === 'to') {
        for (const h of history) if (!h.until && h.since && h.since < c.at) h.until = c.at;
        history.push({ state: c.state, since: c.at || null, until: null, source: 'fact', support: [support] });
      } else if (!history.some((h) => h.state === c.state && h.until === c.at)) {
        const p = f.period as { start?: string | null } | null;
        history.push({ state: c.state, since: p?.start ?? null, until: c.at || null, source: 'fact', support: [support] });
      }
    }
  }
  return history.sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
}

function pickChair(history: ChairEntry[], on: string): ChairEntry | null {
  const active = history.filter((h) => isActiveOn({ from: h.since, to: h.until }, on));
  return active.find((h) => h.source === 'reference+fact') ?? active.find((h) => h.source === 'reference') ?? active[active.length - 1] ?? null;
}

function nameKey(s: string): string {
  return foldLoose(s).replace(/\b(?:19|20)\d\d\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function collectBodies(orgId: string, registry: OrgRegistry, found: Found[], supportOf: SupportOf): BodyEntry[] {
  const bodies: BodyEntry[] = registry.bodiesOf(orgId).map((b) => ({
    id: b.id, name: displayName(registry, b), names: b.names, parent: b.parent, seat: b.seat, kind: b.kind,
    status: 'reference', source: 'reference', support: [],
  }));
  for (const { d, f } of found) {
    const ref = typeof f.ref === 'string' ? f.ref : null;
    const name = String(f.body);
    const entry = bodies.find((b) => (ref && b.id === ref) || nameKey(b.name) === nameKey(name));
    if (entry) {
      entry.status = String(f.status);
      entry.support.push(supportOf(d, f));
      if (entry.source === 'reference') entry.source = 'reference+fact';
    } else {
      bodies.push({ id: ref, name, names: {}, parent: orgId, seat: null, kind: (f.bodyKind as string) ?? null, status: String(f.status), source: 'fact', support: [supportOf(d, f)] });
    }
  }
  return bodies;
}

function covers(period: { start: string | null; end: string | null } | null, on: string): boolean {
  if (!period) return true;
  const y = on.slice(0, 4);
  return (!period.start || period.start.slice(0, 4) <= y) && (!period.end || y <= period.end.slice(0, 4));
}

function collectInstruments(on: string, found: Found[], supportOf: SupportOf): InstrumentEntry[] {
  const out: (InstrumentEntry & { key: string })[] = [];
  for (const { d, f } of found) {
    const name = String(f.instrument);
    const key = nameKey(name);
    const period = (f.period as InstrumentEntry['period']) ?? null;
    let e = out.find((x) => x.key === key);
    if (!e) {
      e = { key, name, kind: (f.instrumentKind as string) ?? null, status: String(f.status), period, date: (f.date as string) ?? null, inForce: false, support: [] };
      out.push(e);
    } else {
      e.status = String(f.status);
      e.period = period ?? e.period;
      e.date = (f.date as string) ?? e.date;
    }
    e.support.push(supportOf(d, f));
  }
  for (const e of out) e.inForce = APPLYING.has(e.status) && covers(e.period, on);
  return out.map(({ key: _k, ...rest }) => rest);
}

function collectDesignations(found: Found[], supportOf: SupportOf): DesignationEntry[] {
  const out: DesignationEntry[] = [];
  for (const { d, f } of found) {
    const period = (f.period as DesignationEntry['period']) ?? null;
    const holder = (f.holder as string) ?? null;
    const key = (x: DesignationEntry) => `${x.designation}|${nameKey(x.title)}|${x.holder ?? ''}|${x.period?.start ?? ''}`;
    const entry: DesignationEntry = {
      designation: String(f.designation), title: String(f.title), holder, holderRef: (f.holderRef as string) ?? null, period, status: String(f.status), support: [supportOf(d, f)],
    };
    const same = out.find((x) => key(x) === key(entry));
    if (same) {
      same.support.push(...entry.support);
      if (entry.status === 'declared') same.status = 'declared';
    } else out.push(entry);
  }
  return out;
}

function nextSummitOf(docs: OrgDocument[], supportOf: SupportOf): NextSummitEntry | null {
  for (let i = docs.length - 1; i >= 0; i--) {
    const d = docs[i];
    const f = d.facts.find((x) => x.kind === 'next-summit');
    if (!f) continue;
    // A later stored declaration is that summit (or a later one): the announcement is history.
    if (i < docs.length - 1) return null;
    return { year: (f.year as string) ?? null, host: (f.host as string) ?? null, place: (f.place as string) ?? null, support: [supportOf(d, f)] };
  }
  return null;
}
