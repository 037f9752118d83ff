import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { DATA_DIR } from '../paths.js';
import type {
  Chairmanship, Membership, NamesByLanguage, OrganizationRecord, OrganizationsFile, PlaceRecord, StateRecord,
} from './types.js';

/**
 * Loads the reference data files (data/*.json|yaml), validates each against its JSON schema in
 * data/schema/ and caches the result for the life of the process. Invalid data is a bug in the
 * data, not odd input, so it throws with the file and the failing paths.
 */
const SCHEMA_DIR = join(DATA_DIR, 'schema');
let ajv: InstanceType<typeof Ajv2020> | null = null;
const cache = new Map<string, unknown>();

function getAjv(): InstanceType<typeof Ajv2020> {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, 'common.schema.json'), 'utf8')));
  }
  return ajv;
}

/** Validates parsed data against data/schema/<schemaName>.schema.json; returns the error text or null. */
export function validateData(data: unknown, schemaName: string): string | null {
  const a = getAjv();
  const id = `https://concord.example/data/${schemaName}.schema.json`;
  let validate = a.getSchema(id);
  if (!validate) {
    a.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, `${schemaName}.schema.json`), 'utf8')));
    validate = a.getSchema(id)!;
  }
  if (validate(data)) return null;
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

/** Reads data/<file> (YAML or JSON), validates it against <schemaName> and caches it. */
export function loadDataFile<T>(file: string, schemaName: string): T {
  const key = `${file}|${schemaName}`;
  const hit = cache.get(key);
  if (hit) return hit as T;
  const path = join(DATA_DIR, file);
  const raw = readFileSync(path, 'utf8');
  const data = file.endsWith('.json') ? JSON.parse(raw) : parseYaml(raw);
  const err = validateData(data, schemaName);
  if (err) throw new Error(`reference: ${path} does not match schema ${schemaName}: ${err}`);
  cache.set(key, data);
  return data as T;
}

/** Every ISO 3166-1 entry (data/states.json), sovereign or not. */
export function getStates(): StateRecord[] {
  return loadDataFile<{ states: StateRecord[] }>('states.json', 'states').states;
}

let stateIndex: Map<string, StateRecord> | null = null;
/** One state by ISO alpha-2 code, or undefined. */
export function getState(code: string): StateRecord | undefined {
  if (!stateIndex) stateIndex = new Map(getStates().map((s) => [s.id, s]));
  return stateIndex.get(code.toUpperCase());
}

export function getOrganizationsFile(): OrganizationsFile {
  return loadDataFile<OrganizationsFile>('organizations.yaml', 'organizations');
}

/** Organizations, bodies and mechanisms (data/organizations.yaml). */
export function getOrganizations(): OrganizationRecord[] {
  return getOrganizationsFile().organizations;
}

let orgIndex: Map<string, OrganizationRecord> | null = null;
/** One organization or body by id, or undefined. */
export function getOrganization(id: string): OrganizationRecord | undefined {
  if (!orgIndex) orgIndex = new Map(getOrganizations().map((o) => [o.id, o]));
  return orgIndex.get(id);
}

/**
 * The organization a body belongs to: walks `parent` up through bodies, mechanisms and offices
 * and stops at the first organization or group ("sco-rats-executive-committee" → "sco";
 * "who" stays "who" although its parent is "un", because WHO is an organization of its own).
 */
export function rootOrganization(id: string): string {
  let cur = getOrganization(id);
  const seen = new Set<string>();
  while (cur && cur.parent && (cur.kind === 'body' || cur.kind === 'mechanism' || cur.kind === 'office') && !seen.has(cur.id)) {
    seen.add(cur.id);
    const next = getOrganization(cur.parent);
    if (!next) break;
    cur = next;
  }
  return cur?.id ?? id;
}

/** Cities, regions and areas (data/places.yaml). */
export function getPlaces(): PlaceRecord[] {
  return loadDataFile<{ places: PlaceRecord[] }>('places.yaml', 'places').places;
}

let placeIndex: Map<string, PlaceRecord> | null = null;
export function getPlace(id: string): PlaceRecord | undefined {
  if (!placeIndex) placeIndex = new Map(getPlaces().map((p) => [p.id, p]));
  return placeIndex.get(id);
}

/** Phrases that block shorter gazetteer names inside them (data/blockers.yaml). */
export function getBlockers(): NamesByLanguage {
  return loadDataFile<{ blockers: NamesByLanguage }>('blockers.yaml', 'blockers').blockers;
}

/** The membership rows of an organization, with `membersFromStates` expanded. */
export function getMemberships(orgId: string): Membership[] {
  const org = getOrganization(orgId);
  if (!org) return [];
  const rows = [...(org.memberships ?? [])];
  if (org.membersFromStates === 'unMember') {
    for (const s of getStates()) if (s.unMember) rows.push({ member: s.id, role: 'member', from: null });
  }
  return rows;
}

export interface MembersOnOptions {
  /** Roles to include (default: only 'member'). */
  roles?: Membership['role'][];
  /** Also return member organizations (lower-case ids such as "eu", "au"); default false. */
  includeOrganizations?: boolean;
}

/**
 * The members of an organization on a date (ISO yyyy-mm-dd; a shorter "2024" or "2024-07" is
 * read as its first day). A membership counts from its `from` date inclusive to its `to` date
 * exclusive: SCO on 2024-07-03 has 9 members, on 2024-07-04 (Belarus admitted) 10. A body's
 * members are its root organization's. Unknown organization → [].
 */
export function membersOn(orgId: string, isoDate: string, options: MembersOnOptions = {}): string[] {
  const roles = new Set(options.roles ?? ['member']);
  const date = normaliseDate(isoDate);
  const out = new Set<string>();
  for (const m of getMemberships(rootOrganization(orgId))) {
    if (!roles.has(m.role)) continue;
    if (!options.includeOrganizations && !/^[A-Z]{2}$/.test(m.member)) continue;
    if (m.from && m.from > date) continue;
    if (m.to && m.to <= date) continue;
    out.add(m.member);
  }
  return [...out].sort();
}

/** The state holding the chairmanship/presidency of an organization on a date, or null. */
export function chairOn(orgId: string, isoDate: string): string | null {
  const org = getOrganization(rootOrganization(orgId));
  const date = normaliseDate(isoDate);
  const row = (org?.chairmanships ?? []).find((c: Chairmanship) => c.from <= date && (!c.to || date < c.to));
  return row?.state ?? null;
}

function normaliseDate(d: string): string {
  if (/^\d{4}$/.test(d)) return `${d}-01-01`;
  if (/^\d{4}-\d{2}$/.test(d)) return `${d}-01`;
  return d.slice(0, 10);
}
