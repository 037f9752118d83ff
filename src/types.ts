/**
 * The analysis data model. Field meanings: spec/GUIDELINES.md; JSON shape:
 * spec/analysis.schema.json. Fields marked "added" are Concord extensions that the
 * schema allows ("implementations may add fields"); the schema's own fields keep
 * their meaning. docs/tree.md describes the model for people.
 */

export type Language = 'fr' | 'en' | 'ru' | 'zh';
/** ISO 639-1 code, or 'und' when nothing could be detected. */
export type LanguageCode = Language | string;

export type ParagraphKind = 'heading' | 'preamble' | 'operative' | 'fragment';
export type SubjectScope = 'all' | 'subset' | 'other' | 'none';
export const ACTION_CATEGORIES = [
  'decide', 'adopt', 'commit', 'support', 'call', 'welcome',
  'note', 'affirm', 'stress', 'consider', 'oppose',
] as const;
export type ActionCategory = (typeof ACTION_CATEGORIES)[number];
export const ENTITY_TYPES = [
  'state', 'organization', 'place', 'date', 'instrument', 'event', 'initiative', 'person',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Where a finding came from: the rule or lexicon entry that produced it (added). */
export interface Provenance {
  /** e.g. "actions/lexicon:fr.verb.noter" or "entities/gazetteer:state.KZ". */
  rule?: string;
}

export interface Subject extends Provenance {
  scope: SubjectScope;
  /** ISO 3166-1 alpha-2 codes; empty for `all` and for unnamed qualified groups. */
  states: string[];
  qualifier: string | null;
  /** The subject's words as written, or null. */
  text: string | null;
  /** added: offsets of `text` in the paragraph. */
  start?: number;
  end?: number;
  /** added: for a subset, the members of the organisation on the document's date that it leaves out. */
  absent?: string[];
}

export interface Action extends Provenance {
  category: ActionCategory;
  text: string;
  /** Offsets into the paragraph text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** added: 'finite' main verb or 'participle' clause. */
  form?: 'finite' | 'participle';
  /** added: the action is negated ("ne soutiennent pas"). */
  negated?: boolean;
}

export interface Entity extends Provenance {
  type: EntityType;
  text: string;
  start: number;
  end: number;
  /** Canonical id: ISO alpha-2 for states, lowercase id for organizations, slug for places. */
  ref?: string | null;
  /** ISO 8601 value for dates ("2024-07-04", "2025/2027", "../2030"). */
  value?: string | null;
}

export interface Proposal extends Provenance {
  /** ISO alpha-2 of the proposing state. */
  proposer: string;
  text: string;
  stance: ActionCategory;
  /** added: offsets of `text` in the paragraph. */
  start?: number;
  end?: number;
}

export interface Paragraph {
  n: number;
  eId: string;
  kind: ParagraphKind;
  text: string;
  subject: Subject;
  actions: Action[];
  commitment: boolean;
  commitments: number;
  entities: Entity[];
  proposals: Proposal[];
  topics: string[];
  /** added: offsets of the paragraph in the normalised document text. */
  start?: number;
  end?: number;
  /** added: number printed in the source ("1.", "12)", "(a)"), without punctuation. */
  num?: string | null;
  /** added: language of this paragraph when it differs from the document's. */
  language?: string;
  /** added: the rule that set `kind`. */
  kindRule?: string;
  /** added: the rule that set `commitment`. */
  commitmentRule?: string;
  /** added: the cue ids and rules that produced `topics` (src/annotate/topics.ts). */
  topicRules?: string[];
}

export type Severity = 'info' | 'warning' | 'error';

/** A message on the document: never an exception for odd input (added). */
export interface Message {
  severity: Severity;
  /** Stage that raised it: decode, segment, language, subject, actions, … */
  stage: string;
  /** Stable rule id, e.g. "decode/latin1-fallback". */
  ruleId: string;
  message: string;
  eId?: string;
}

export interface DocumentInfo {
  id: string;
  language: LanguageCode;
  organization: string | null;
  title: string | null;
  date: string | null;
  place: string | null;
  source: string | null;
  paragraphCount: number;
  /** added: member states of the organisation on the document's date (ISO alpha-2). */
  members?: string[];
  /** added: how the language was found: 'detected' | 'given'. */
  languageSource?: 'detected' | 'given';
  /** added: sha256 of the input bytes. */
  contentHash?: string;
  /** added: character count of the normalised text. */
  length?: number;
}

export interface Analysis {
  schemaVersion: '1';
  document: DocumentInfo;
  paragraphs: Paragraph[];
  /** added: messages raised while reading the document. */
  messages?: Message[];
  /** added (issue 6): institutional facts. */
  facts?: InstitutionalFact[];
}

/** An institutional fact (issue 6); defined in src/facts. */
export interface InstitutionalFact extends Provenance {
  kind: string;
  eId: string;
  start: number;
  end: number;
  text: string;
  [key: string]: unknown;
}
