/**
 * Builds data/states.json: every ISO 3166-1 entry with its names in en/fr/ru/zh.
 *
 * Reads: the installed packages world-countries (common and official names, translations,
 * independence and UN membership) and i18n-iso-countries (short names per language), and
 * data/states.aliases.yaml (formal and variant names the packages lack, and names to exclude).
 * Writes: data/states.json (validated against data/schema/states.schema.json at load time).
 *
 * Why a generated file rather than run-time loading: the result is reviewable data (a diff shows
 * what a package upgrade changed) and loading it needs no package at run time.
 * Run: npx tsx scripts/build-states.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DATA_DIR } from '../src/paths.js';

const require = createRequire(import.meta.url);
const LANGS = ['en', 'fr', 'ru', 'zh'] as const;
type Lang = (typeof LANGS)[number];

interface WorldCountry {
  cca2: string; cca3: string; ccn3: string; independent: boolean | null; unMember: boolean;
  name: { common: string; official: string };
  translations: Record<string, { official: string; common: string }>;
  altSpellings: string[];
  capital?: string[];
}
interface AliasFile {
  aliases: Record<string, Partial<Record<Lang, string[]>>>;
  exclude: Partial<Record<Lang, string[]>>;
}

const worldCountries = require('world-countries') as WorldCountry[];
const isoCountries = require('i18n-iso-countries') as {
  registerLocale(l: unknown): void;
  getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
  getAlpha2Codes(): Record<string, string>;
  alpha2ToAlpha3(c: string): string | undefined;
  alpha2ToNumeric(c: string): string | undefined;
};
for (const l of LANGS) isoCountries.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));

const aliasFile = parseYaml(readFileSync(join(DATA_DIR, 'states.aliases.yaml'), 'utf8')) as AliasFile;
const TRANSLATION_KEY: Record<Lang, string | null> = { en: null, fr: 'fra', ru: 'rus', zh: 'zho' };
const LEADING_ARTICLE = /^(?:les?|la|l'|the)\s+/i;

/** Cleans one package name: splits "A (B)", drops comma-inverted forms, fixes stray spaces. */
function cleanNames(raw: string): string[] {
  const out: string[] = [];
  const m = /^(.*?)\s*[（(]([^)）]+)[)）]\s*$/.exec(raw);
  // The bracketed part is a name of its own only when it is a real name ("Vatican City State"),
  // not a qualifier ("金", "Rép. dém.").
  const parts = m ? (m[2].length >= 4 && !m[2].includes('.') ? [m[1], m[2]] : [m[1]]) : [raw];
  for (let p of parts) {
    p = p.replace(/\s+-/g, '-').replace(/'\s+/g, "'").replace(/\s+/g, ' ').trim();
    if (!p || p.includes(',')) continue;
    p = p.replace(LEADING_ARTICLE, '');
    p = p.charAt(0).toUpperCase() + p.slice(1);
    out.push(p);
  }
  return out;
}

const wcByCode = new Map(worldCountries.map((c) => [c.cca2, c]));
const isoNames = Object.fromEntries(LANGS.map((l) => [l, isoCountries.getNames(l, { select: 'all' })])) as Record<Lang, Record<string, string[]>>;
const codes = new Set<string>([...Object.keys(isoCountries.getAlpha2Codes()), ...worldCountries.map((c) => c.cca2)]);

interface StateEntry {
  id: string; alpha3: string | null; numeric: string | null; independent: boolean; unMember: boolean;
  name: Record<Lang, string>; formal: Partial<Record<Lang, string>>; aliases: Record<Lang, string[]>;
}

const excluded = Object.fromEntries(LANGS.map((l) => [l, new Set((aliasFile.exclude[l] ?? []).map((s) => s.toLowerCase()))])) as Record<Lang, Set<string>>;
const entries: StateEntry[] = [];
for (const code of [...codes].sort()) {
  const wc = wcByCode.get(code);
  const name = {} as Record<Lang, string>;
  const formal: Partial<Record<Lang, string>> = {};
  const aliases = {} as Record<Lang, string[]>;
  for (const l of LANGS) {
    const names: string[] = [];
    const key = TRANSLATION_KEY[l];
    const tr = wc ? (key ? wc.translations[key] : { common: wc.name.common, official: wc.name.official }) : undefined;
    const iso = isoNames[l][code] ?? [];
    for (const n of iso) names.push(...cleanNames(n));
    if (tr) { names.push(...cleanNames(tr.common)); names.push(...cleanNames(tr.official)); }
    const hand = aliasFile.aliases[code]?.[l] ?? [];
    names.push(...hand);
    const uniq = [...new Set(names)].filter((n) => !excluded[l].has(n.toLowerCase()));
    name[l] = (iso[0] && cleanNames(iso[0])[0]) || uniq[0] || code;
    const off = hand.find((h) => /R[ée]publi|Republic|Kingdom|Royaume|State|État|Federation|Fédération|Федерац|Республик|Королевств|Государств|共和国|王国/.test(h)) ?? (tr ? cleanNames(tr.official)[0] : undefined);
    if (off) formal[l] = off;
    aliases[l] = uniq.filter((n) => n !== name[l]);
  }
  entries.push({
    id: code,
    alpha3: isoCountries.alpha2ToAlpha3(code) ?? wc?.cca3 ?? null,
    numeric: isoCountries.alpha2ToNumeric(code) ?? wc?.ccn3 ?? null,
    independent: Boolean(wc?.independent) || code === 'PS' || code === 'VA',
    unMember: Boolean(wc?.unMember) && code !== 'VA', // the Holy See is a UN observer state, not a member
    name, formal, aliases,
  });
}

// A name listed for two codes by the packages is ambiguous ("Congo"): keep it only where the alias
// file puts it by hand.
const owners = new Map<string, Set<string>>();
for (const e of entries) for (const l of LANGS) for (const n of [e.name[l], ...e.aliases[l]]) {
  const k = `${l}:${n.toLowerCase()}`;
  if (!owners.has(k)) owners.set(k, new Set());
  owners.get(k)!.add(e.id);
}
let dropped = 0;
for (const e of entries) for (const l of LANGS) {
  if (owners.get(`${l}:${e.name[l].toLowerCase()}`)!.size > 1 && e.formal[l]) {
    e.aliases[l] = e.aliases[l].filter((n) => n !== e.formal[l]);
    e.name[l] = e.formal[l]!;
  }
  const hand = new Set(aliasFile.aliases[e.id]?.[l] ?? []);
  e.aliases[l] = e.aliases[l].filter((n) => {
    if (n === e.name[l]) return false;
    const keep = owners.get(`${l}:${n.toLowerCase()}`)!.size === 1 || hand.has(n);
    if (!keep) dropped++;
    return keep;
  });
}
writeFileSync(join(DATA_DIR, 'states.json'), JSON.stringify({ generatedBy: 'scripts/build-states.ts', states: entries }, null, 1) + '\n');
console.log(`states.json: ${entries.length} entries, ${dropped} ambiguous names dropped`);
