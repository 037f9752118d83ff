import type { InstitutionalFact } from '../types.js';

/** A membership record of the reference data: `from` inclusive, `to` exclusive (null = open). */
export interface MembershipRecord {
  member: string;
  role: string;
  from: string | null;
  to: string | null;
  note?: string;
}

export interface ChairRecord {
  state: string;
  from: string | null;
  to: string | null;
}

/** One organisation or body of the reference data (data/organizations.yaml). */
export interface OrgRecord {
  id: string;
  kind: string;
  parent: string | null;
  seat: string | null;
  founded: string | null;
  names: Record<string, string[]>;
  acronyms: Record<string, string[]>;
  /** Generic names ("Secretariat") that only name the body together with the parent's name. */
  shortNames: Record<string, string[]>;
  memberships: MembershipRecord[];
  chairmanships: ChairRecord[];
}

/** Read access to the reference data that the organisation model needs. */
export interface OrgRegistry {
  get(id: string): OrgRecord | null;
  /** Every id, in file order. */
  ids(): string[];
  /** Bodies whose parent chain leads to the organisation (children before grandchildren). */
  bodiesOf(id: string): OrgRecord[];
}

/** A declaration of an organisation, reduced to what the model reads. */
export interface OrgDocument {
  id: string;
  organization: string | null;
  date: string | null;
  place: string | null;
  title: string | null;
  language: string;
  facts: InstitutionalFact[];
}

/** Where an element of the state comes from: a paragraph of a stored declaration. */
export interface Support {
  docId: string;
  eId: string;
  date: string | null;
  rule: string;
  /** The words of the fact in its paragraph. */
  text: string;
}

export type Source = 'reference' | 'fact' | 'reference+fact';

export interface MemberEntry {
  state: string;
  role: string;
  since: string | null;
  until: string | null;
  source: Source;
  support: Support[];
}

export interface ChairEntry {
  state: string;
  since: string | null;
  until: string | null;
  source: Source;
  support: Support[];
}

export interface BodyEntry {
  id: string | null;
  name: string;
  names: Record<string, string[]>;
  parent: string | null;
  seat: string | null;
  kind: string | null;
  /** 'reference' for a body of the reference data no declaration spoke of; else the latest fact status. */
  status: string;
  source: Source;
  support: Support[];
}

export interface InstrumentEntry {
  name: string;
  kind: string | null;
  status: string;
  period: { start: string | null; end: string | null } | null;
  date: string | null;
  /** Adopted, approved, signed or being implemented, and the date falls inside its period. */
  inForce: boolean;
  support: Support[];
}

export interface ProposalHistoryEntry {
  docId: string;
  date: string | null;
  eId: string;
  stance: string;
  stage: string;
}

export interface ProposalEntry {
  key: string;
  proposer: string;
  text: string;
  /** The furthest stage reached so far (proposed → noted → supported → decided → implemented). */
  stage: string;
  /** The stance of the latest declaration that spoke of it. */
  latestStance: string;
  refs: string[];
  history: ProposalHistoryEntry[];
  support: Support[];
}

export interface DesignationEntry {
  designation: string;
  title: string;
  holder: string | null;
  holderRef: string | null;
  period: { start: string | null; end: string | null } | null;
  status: string;
  support: Support[];
}

export interface AnniversaryEntry {
  body: string;
  ref: string | null;
  years: number | null;
  support: Support[];
}

export interface SummitEntry {
  docId: string;
  date: string | null;
  place: string | null;
  title: string | null;
  language: string;
}

export interface NextSummitEntry {
  year: string | null;
  host: string | null;
  place: string | null;
  support: Support[];
}

/** A fact that disagrees with the reference data, or that the reference data lacks: shown, never dropped. */
export interface OrgFlag {
  kind: 'contradiction' | 'not-in-reference';
  message: string;
  support: Support;
}

/** The state of an organisation on a date (computeOrgState). */
export interface OrgState {
  org: { id: string; names: Record<string, string[]>; acronyms: Record<string, string[]>; seat: string | null; founded: string | null; known: boolean };
  on: string;
  members: MemberEntry[];
  /** Observers, dialogue partners, partner countries… on the date. */
  associates: MemberEntry[];
  /** Every membership period known (reference and facts), for timelines. */
  membershipHistory: MemberEntry[];
  chair: ChairEntry | null;
  chairHistory: ChairEntry[];
  bodies: BodyEntry[];
  instruments: InstrumentEntry[];
  proposals: ProposalEntry[];
  designations: DesignationEntry[];
  anniversaries: AnniversaryEntry[];
  summits: SummitEntry[];
  nextSummit: NextSummitEntry | null;
  flags: OrgFlag[];
}
