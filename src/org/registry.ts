import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DATA_DIR } from '../paths.js';
import { getMemberships, getOrganizations } from '../reference/load.js';
import type { ChairRecord, MembershipRecord, OrgRecord, OrgRegistry } from './types.js';

/**
 * Reads a file of organisations in the shape of data/organizations.yaml into an OrgRegistry
 * (tests and other data sets; the package's own data goes through defaultOrgRegistry, which
 * uses the reference part's validated loader). Read-only and tolerant: a record
 * with missing fields gets empty ones. YAML dates may arrive as Date objects; they are turned
 * back into ISO strings. A missing file gives an empty registry (the model then works from
 * facts alone).
 */
export function loadOrgRegistry(path = join(DATA_DIR, 'organizations.yaml')): OrgRegistry {
  if (!existsSync(path)) return makeOrgRegistry([]);
  const doc = parseYaml(readFileSync(path, 'utf8')) as { organizations?: unknown[] } | null;
  const records = (doc?.organizations ?? []).map(toRecord).filter((r): r is OrgRecord => !!r);
  return makeOrgRegistry(records);
}

let cached: OrgRegistry | null = null;
/**
 * The registry of the package's own data, loaded once through the reference part's loader
 * (src/reference: schema-checked, `membersFromStates` expanded, so the UN has its members).
 */
export function defaultOrgRegistry(): OrgRegistry {
  return (cached ??= registryFromReference());
}

/** Builds the registry from src/reference's validated organisations and memberships. */
export function registryFromReference(): OrgRegistry {
  const records = getOrganizations()
    .map((o) => toRecord({ ...o, memberships: getMemberships(o.id) }))
    .filter((r): r is OrgRecord => !!r);
  return makeOrgRegistry(records);
}

/** A registry over given records (tests build their own). */
export function makeOrgRegistry(records: OrgRecord[]): OrgRegistry {
  const byId = new Map(records.map((r) => [r.id, r]));
  return {
    get: (id) => byId.get(id) ?? null,
    ids: () => records.map((r) => r.id),
    bodiesOf(id) {
      const out: OrgRecord[] = [];
      let frontier = [id];
      const seen = new Set(frontier);
      while (frontier.length) {
        const next: string[] = [];
        for (const r of records) {
          if (r.parent && frontier.includes(r.parent) && !seen.has(r.id)) {
            seen.add(r.id);
            out.push(r);
            next.push(r.id);
          }
        }
        frontier = next;
      }
      return out;
    },
  };
}

function iso(v: unknown): string | null {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && v.trim()) return v.trim();
  return null;
}

function strList(v: unknown): Record<string, string[]> {
  if (!v || typeof v !== 'object') return {};
  const out: Record<string, string[]> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (Array.isArray(val)) out[k] = val.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

function toRecord(raw: unknown): OrgRecord | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string') return null;
  const memberships: MembershipRecord[] = Array.isArray(r.memberships)
    ? r.memberships.flatMap((m) => {
        const x = m as Record<string, unknown>;
        return typeof x?.member === 'string'
          ? [{ member: x.member, role: typeof x.role === 'string' ? x.role : 'member', from: iso(x.from), to: iso(x.to), ...(typeof x.note === 'string' ? { note: x.note } : {}) }]
          : [];
      })
    : [];
  const chairmanships: ChairRecord[] = Array.isArray(r.chairmanships)
    ? r.chairmanships.flatMap((c) => {
        const x = c as Record<string, unknown>;
        return typeof x?.state === 'string' ? [{ state: x.state, from: iso(x.from), to: iso(x.to) }] : [];
      })
    : [];
  return {
    id: r.id,
    kind: typeof r.kind === 'string' ? r.kind : 'organization',
    parent: typeof r.parent === 'string' ? r.parent : null,
    seat: typeof r.seat === 'string' ? r.seat : null,
    founded: iso(r.founded),
    names: strList(r.names),
    acronyms: strList(r.acronyms),
    shortNames: strList(r.shortNames),
    memberships,
    chairmanships,
  };
}

/** True when a record is active on a date: from ≤ on < to (open ends are open). */
export function isActiveOn(rec: { from: string | null; to: string | null }, on: string): boolean {
  return (!rec.from || rec.from <= on) && (!rec.to || on < rec.to);
}

/**
 * A display name for a body in a language: its own full name, else the root organisation's
 * acronym with the body's short name ("SCO Secretariat"), else its id.
 */
export function displayName(registry: OrgRegistry, rec: OrgRecord, lang = 'en'): string {
  const own = rec.names[lang]?.[0] ?? rec.names.en?.[0];
  if (own) return own;
  const short = rec.shortNames[lang]?.[0] ?? rec.shortNames.en?.[0];
  if (!short) return rec.id;
  let root: OrgRecord | null = rec;
  for (let i = 0; root?.parent && i < 10; i++) root = registry.get(root.parent);
  const acronym = root?.acronyms[lang]?.[0] ?? root?.acronyms.en?.[0];
  return acronym ? `${acronym} ${short}` : short;
}
