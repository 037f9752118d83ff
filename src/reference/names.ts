import { getBlockers, getOrganization, getOrganizations, getOrganizationsFile, getPlaces, getStates, rootOrganization } from './load.js';
import { Gazetteer, type GazetteerEntry } from './gazetteer.js';
import { DATA_LANGUAGES, type DataLanguage, type NamesByLanguage, type OrganizationRecord } from './types.js';

/**
 * Turns the reference data into gazetteer entries for one language, and builds (and caches) the
 * gazetteer. A text in French is matched with the French names and the English ones (declarations
 * translated by machine keep English names: "Université SCO"); an unknown language gets all four.
 * Organization bodies get their names combined with their parent's through the data's
 * `bodyNamePatterns` ("Secrétariat" + "de l'OCS"); `contextNames` are added alone only when the
 * gazetteer is built for a document of that body's root organization.
 */

const PRIORITY = { state: 3, organization: 2, place: 1, blocker: 4 } as const;

/** Languages whose names apply to a text in `lang`. */
export function languagesFor(lang: string): DataLanguage[] {
  return (DATA_LANGUAGES as readonly string[]).includes(lang)
    ? [...new Set<DataLanguage>([lang as DataLanguage, 'en'])]
    : [...DATA_LANGUAGES];
}

/** True for names written like acronyms ("OCS", "G20", "U.S.", "КНР"): matched with exact case. */
export function looksLikeAcronym(name: string): boolean {
  const letters = name.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length === 0 || letters.length > 8) return false;
  if (!/\p{Lu}/u.test(letters)) return false;
  return letters === letters.toUpperCase() && /^[\p{Lu}\p{N}.+\-\s&]+$/u.test(name);
}

function list(names: NamesByLanguage | undefined, lang: DataLanguage): string[] {
  return names?.[lang] ?? [];
}

const expandedCache = new Map<string, string[]>();
/**
 * Every name of an organization in one language: its names and acronyms, plus (for a body) its
 * names, short names and context names combined with every name of its parent through the
 * language's patterns. Recursive (a body of a body), cached.
 */
export function expandedOrganizationNames(org: OrganizationRecord, lang: DataLanguage): string[] {
  const key = `${org.id}|${lang}`;
  const hit = expandedCache.get(key);
  if (hit) return hit;
  expandedCache.set(key, []); // guards against a parent cycle in the data
  const out = new Set<string>([...list(org.names, lang), ...list(org.acronyms, lang)]);
  const parent = org.parent ? getOrganization(org.parent) : undefined;
  const patterns = getOrganizationsFile().bodyNamePatterns?.[lang] ?? [];
  if (parent && patterns.length > 0) {
    const bodyNames = new Set([...list(org.names, lang), ...list(org.shortNames, lang), ...list(org.contextNames, lang)]);
    // A parent that is itself a body has hundreds of expanded names; its shortest 40 (acronyms and
    // "RATS de l'OCS" forms) are the ones used before a child's name, and keep the index small.
    // The parent's short names too: "RATS Executive Committee" (but "RATS" alone is not a name).
    const allParent = [...new Set([...expandedOrganizationNames(parent, lang), ...list(parent.shortNames, lang)])];
    const parentNames = parent.parent ? [...allParent].sort((a, b) => a.length - b.length).slice(0, 40) : allParent;
    for (const b of bodyNames) for (const p of parentNames) for (const pat of patterns) {
      const elided = pat.includes("l'{parent}") && !/^[aeiouyéèêàâîôûœæh]/i.test(p) ? null : pat;
      if (!elided) continue;
      out.add(elided.replace('{body}', b).replace('{parent}', p));
    }
  }
  const result = [...out];
  expandedCache.set(key, result);
  return result;
}

/** The gazetteer entries for a language (see the module comment); `contextOrg` is a root organization id. */
export function buildEntries(lang: string, contextOrg: string | null = null): GazetteerEntry[] {
  const langs = languagesFor(lang);
  const entries: GazetteerEntry[] = [];
  for (const s of getStates()) {
    if (!s.independent) continue;
    for (const l of langs) {
      const names = new Set([s.name[l], s.formal[l], ...list(s.aliases, l)].filter((x): x is string => Boolean(x)));
      for (const name of names) {
        entries.push({ type: 'state', ref: s.id, name, source: `${l}`, exactCase: looksLikeAcronym(name), priority: PRIORITY.state });
      }
    }
  }
  for (const o of getOrganizations()) {
    // An office ("Secretary-General") is neither an organization nor a body: no mention (GUIDELINES §5);
    // "SCO" in "SCO Secretary-General" stays a mention of the SCO.
    if (o.kind === 'office') continue;
    const inContext = contextOrg !== null && rootOrganization(o.id) === contextOrg && o.id !== contextOrg;
    for (const l of langs) {
      const acr = new Set(list(o.acronyms, l));
      for (const name of expandedOrganizationNames(o, l)) {
        entries.push({
          type: 'organization', ref: o.id, name, source: acr.has(name) ? `${l}.acronym` : `${l}`,
          exactCase: acr.has(name) || looksLikeAcronym(name), priority: PRIORITY.organization,
        });
      }
      if (inContext) {
        for (const name of list(o.contextNames, l)) {
          entries.push({ type: 'organization', ref: o.id, name, source: `${l}.context`, exactCase: looksLikeAcronym(name), priority: PRIORITY.organization });
        }
      }
    }
  }
  for (const p of getPlaces()) {
    for (const l of langs) for (const name of list(p.names, l)) {
      entries.push({ type: 'place', ref: p.id, name, source: `${l}`, exactCase: looksLikeAcronym(name), priority: PRIORITY.place });
    }
  }
  const blockers = getBlockers();
  for (const l of langs) for (const name of list(blockers, l)) {
    entries.push({ type: 'blocker', ref: '', name, source: `${l}.blocker`, priority: PRIORITY.blocker });
  }
  return entries;
}

/**
 * getGazetteer's answers by text language and context organization (or null): it is asked once
 * per paragraph, and the languages' key (languagesFor: two arrays and a set) cost more than the
 * look-up itself.
 */
const answers = new Map<string, Map<string | null, Gazetteer>>();

/**
 * The gazetteer for a text language (all names that hold in any document), built once per
 * language and cached for the life of the process; with `contextOrg`, see getContextGazetteer.
 */
export function getGazetteer(lang: string, contextOrg: string | null = null): Gazetteer {
  let byOrg = answers.get(lang);
  if (!byOrg) { byOrg = new Map(); answers.set(lang, byOrg); }
  let g = byOrg.get(contextOrg);
  if (!g) {
    g = contextOrg !== null ? getContextGazetteer(lang, contextOrg) : getBaseGazetteer(lang);
    byOrg.set(contextOrg, g);
  }
  return g;
}

const gazetteers = new Map<string, Gazetteer>();
/** The gazetteer of all names that hold in any document, one per set of languages. */
function getBaseGazetteer(lang: string): Gazetteer {
  const key = languagesFor(lang).join('+');
  let g = gazetteers.get(key);
  if (!g) {
    g = new Gazetteer(buildEntries(lang, null));
    gazetteers.set(key, g);
  }
  return g;
}

const contextGazetteers = new Map<string, Gazetteer>();
/**
 * The base gazetteer of the language plus the context names of one organization's bodies. Built
 * as a copy of the base with the few context names added (cheaper than building from scratch).
 */
function getContextGazetteer(lang: string, contextOrg: string): Gazetteer {
  const key = `${languagesFor(lang).join('+')}|${contextOrg}`;
  let g = contextGazetteers.get(key);
  if (!g) {
    const extra = contextEntries(lang, contextOrg);
    g = extra.length === 0 ? getBaseGazetteer(lang) : getBaseGazetteer(lang).withEntries(extra);
    contextGazetteers.set(key, g);
  }
  return g;
}

/** Only the context names of the bodies of one root organization (see buildEntries). */
export function contextEntries(lang: string, contextOrg: string): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  for (const o of getOrganizations()) {
    if (o.kind === 'office' || o.id === contextOrg || rootOrganization(o.id) !== contextOrg) continue;
    for (const l of languagesFor(lang)) for (const name of list(o.contextNames, l)) {
      out.push({ type: 'organization', ref: o.id, name, source: `${l}.context`, exactCase: looksLikeAcronym(name), priority: PRIORITY.organization });
    }
  }
  return out;
}
