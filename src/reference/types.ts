/** Shapes of the reference data files in data/ (see data/README.md and data/schema/). */

export const DATA_LANGUAGES = ['en', 'fr', 'ru', 'zh'] as const;
export type DataLanguage = (typeof DATA_LANGUAGES)[number];
export type NamesByLanguage = Partial<Record<DataLanguage, string[]>>;

export interface StateRecord {
  /** ISO 3166-1 alpha-2. */
  id: string;
  alpha3: string | null;
  numeric: string | null;
  /** Only sovereign states are matched as `state` mentions. */
  independent: boolean;
  unMember: boolean;
  name: Record<DataLanguage, string>;
  formal: Partial<Record<DataLanguage, string>>;
  aliases: NamesByLanguage;
}

export type MembershipRole = 'member' | 'observer' | 'dialogue-partner' | 'partner' | 'associate' | 'participant' | 'invited';

export interface Membership {
  /** ISO alpha-2 (upper case) for a state, organization id (lower case) otherwise. */
  member: string;
  role: MembershipRole;
  /** ISO date; null = since before any date of interest. */
  from: string | null;
  /** ISO date the membership ended (exclusive), when it did. */
  to?: string;
  note?: string;
}

export interface Chairmanship { state: string; from: string; to?: string }

export type OrganizationKind = 'organization' | 'body' | 'mechanism' | 'group' | 'office';

export interface OrganizationRecord {
  id: string;
  kind: OrganizationKind;
  parent?: string;
  seat?: string;
  founded?: string;
  names?: NamesByLanguage;
  acronyms?: NamesByLanguage;
  shortNames?: NamesByLanguage;
  contextNames?: NamesByLanguage;
  membersFromStates?: 'unMember';
  memberships?: Membership[];
  chairmanships?: Chairmanship[];
}

export interface OrganizationsFile {
  bodyNamePatterns?: Partial<Record<DataLanguage, string[]>>;
  organizations: OrganizationRecord[];
}

export type PlaceKind = 'city' | 'region' | 'area' | 'water' | 'territory';

export interface PlaceRecord {
  /** Lower-case English slug. */
  id: string;
  kind: PlaceKind;
  country?: string;
  names: NamesByLanguage;
}
