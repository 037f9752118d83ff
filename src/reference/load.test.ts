import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DATA_DIR } from '../paths.js';
import {
  chairOn, getOrganization, getOrganizations, getPlaces, getStates, membersOn, rootOrganization, validateData,
} from './load.js';

const readYaml = (f: string): unknown => parseYaml(readFileSync(join(DATA_DIR, f), 'utf8'));

describe('reference data files', () => {
  it('each validates against its schema', () => {
    expect(validateData(JSON.parse(readFileSync(join(DATA_DIR, 'states.json'), 'utf8')), 'states')).toBeNull();
    expect(validateData(readYaml('states.aliases.yaml'), 'states.aliases')).toBeNull();
    expect(validateData(readYaml('organizations.yaml'), 'organizations')).toBeNull();
    expect(validateData(readYaml('places.yaml'), 'places')).toBeNull();
    expect(validateData(readYaml('blockers.yaml'), 'blockers')).toBeNull();
  });

  it('the schemas reject broken data (a missing id, a bad date, an unknown role)', () => {
    expect(validateData({ places: [{ kind: 'city', names: {} }] }, 'places')).not.toBeNull();
    expect(validateData({ organizations: [{ id: 'x', kind: 'organization', memberships: [{ member: 'KZ', role: 'member', from: '4 July 2024' }] }] }, 'organizations')).not.toBeNull();
    expect(validateData({ organizations: [{ id: 'x', kind: 'organization', memberships: [{ member: 'KZ', role: 'friend', from: null }] }] }, 'organizations')).not.toBeNull();
  });

  it('has unique ids and every parent, seat and member exists', () => {
    const orgs = getOrganizations();
    expect(new Set(orgs.map((o) => o.id)).size).toBe(orgs.length);
    const places = new Set(getPlaces().map((p) => p.id));
    const states = new Set(getStates().map((s) => s.id));
    for (const o of orgs) {
      if (o.parent) expect(getOrganization(o.parent), `${o.id}.parent`).toBeDefined();
      if (o.seat) expect(places.has(o.seat), `${o.id}.seat ${o.seat}`).toBe(true);
      for (const m of o.memberships ?? []) {
        if (/^[A-Z]{2}$/.test(m.member)) expect(states.has(m.member), `${o.id} member ${m.member}`).toBe(true);
        else expect(getOrganization(m.member), `${o.id} member ${m.member}`).toBeDefined();
      }
    }
    expect(new Set(getPlaces().map((p) => p.id)).size).toBe(getPlaces().length);
  });

  it('covers every ISO 3166-1 code and the 193 UN members', () => {
    expect(getStates().length).toBeGreaterThanOrEqual(249);
    expect(membersOn('un', '2024-09-26')).toHaveLength(193);
  });
});

describe('membersOn', () => {
  it('SCO: 9 members the day before Belarus joined (4 July 2024), 10 after', () => {
    expect(membersOn('sco', '2024-07-03')).toHaveLength(9);
    expect(membersOn('sco', '2024-07-03')).not.toContain('BY');
    expect(membersOn('sco', '2024-07-05')).toHaveLength(10);
    expect(membersOn('sco', '2024-07-05')).toContain('BY');
  });
  it('SCO founders only in 2010; India and Pakistan from 9 June 2017', () => {
    expect(membersOn('sco', '2010-01-01')).toEqual(['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ']);
    expect(membersOn('sco', '2017-06-09')).toHaveLength(8);
  });
  it('a body has its organization’s members', () => {
    expect(membersOn('sco-hsc', '2024-07-05')).toEqual(membersOn('sco', '2024-07-05'));
  });
  it('observers and partners on request; organizations only on request', () => {
    expect(membersOn('sco', '2024-07-05', { roles: ['observer'] })).toEqual(['AF', 'MN']);
    expect(membersOn('brics', '2025-07-06', { roles: ['partner'] })).toContain('NG');
    expect(membersOn('g20', '2024-01-01')).toHaveLength(19);
    const withOrgs = membersOn('g20', '2024-01-01', { includeOrganizations: true });
    expect(withOrgs).toContain('eu');
    expect(withOrgs).toContain('au');
    expect(membersOn('g20', '2023-01-01', { includeOrganizations: true })).not.toContain('au');
  });
  it('BRICS grows in 2024 and 2025', () => {
    expect(membersOn('brics', '2023-08-22')).toHaveLength(5);
    expect(membersOn('brics', '2024-10-22')).toHaveLength(9);
    expect(membersOn('brics', '2025-07-06')).toHaveLength(10);
  });
  it('an unknown organization has no members', () => {
    expect(membersOn('no-such-org', '2024-01-01')).toEqual([]);
  });
});

describe('organization tree', () => {
  it('walks bodies up to their organization, not through a specialised agency', () => {
    expect(rootOrganization('sco-rats-executive-committee')).toBe('sco');
    expect(rootOrganization('un-security-council')).toBe('un');
    expect(rootOrganization('who')).toBe('who');
  });
  it('knows the SCO chair after the Astana summit', () => {
    expect(chairOn('sco', '2024-07-05')).toBe('CN');
    expect(chairOn('sco', '2024-07-03')).toBe('KZ');
  });
});
