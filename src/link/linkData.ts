import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { ItemType } from '../store/types.js';
import { termsOf } from './terms.js';

/**
 * Loads the linking data (src/link/data/*.json: item head nouns, cross-language concept
 * glossary, stop and boundary words) once, and pre-stems every entry so that lookups
 * compare index terms with index terms. Adding a word is a data change.
 */

interface HeadEntry { id: string; type: ItemType; [lang: string]: unknown }
interface GlossaryEntry { id: string; [lang: string]: unknown }

export interface LinkData {
  /** lang → stem of a head noun → head entry. */
  heads: Map<string, Map<string, { id: string; type: ItemType; words: number }>>;
  /** lang → stem sequence ("a b") → concept id; '*' holds every language's sequences. */
  concepts: Map<string, Map<string, string>>;
  /** Longest concept sequence, in terms. */
  maxConceptTerms: number;
  stop: Map<string, Set<string>>;
  boundary: Map<string, Set<string>>;
}

const LANGS = ['en', 'fr', 'ru', 'zh'];
/**
 * Read from the package root, not beside this module: the compiled module lives in dist/,
 * where no data files are copied.
 */
const LINK_DATA_DIR = join(PACKAGE_ROOT, 'src', 'link', 'data');
let cached: LinkData | null = null;

let validate: ((x: unknown) => boolean) & { errors?: unknown } | null = null;

/** Read one data file and check it against data/link-data.schema.json (a broken file is a bug: throw). */
function readJson<T>(name: string): T {
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(LINK_DATA_DIR, 'link-data.schema.json'), 'utf8'));
    validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  }
  const data = JSON.parse(readFileSync(join(LINK_DATA_DIR, name), 'utf8')) as unknown;
  if (!validate(data)) throw new Error(`src/link/data/${name} does not match link-data.schema.json: ${JSON.stringify(validate.errors)}`);
  const ids = new Set<string>();
  for (const e of (data as { entries?: Array<{ id: string }> }).entries ?? []) {
    if (ids.has(e.id)) throw new Error(`src/link/data/${name}: duplicate id ${e.id}`);
    ids.add(e.id);
  }
  return data as T;
}

function wordsOf(entry: Record<string, unknown>, lang: string): string[] {
  const v = entry[lang];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The pre-stemmed linking data (read once per process). */
export function loadLinkData(): LinkData {
  if (cached) return cached;
  const heads = readJson<{ entries: HeadEntry[] }>('heads.json').entries;
  const glossary = readJson<{ entries: GlossaryEntry[] }>('glossary.json').entries;
  const words = readJson<{ stop: Record<string, string[]>; boundary: Record<string, string[]> }>('stopwords.json');
  const data: LinkData = { heads: new Map(), concepts: new Map([['*', new Map()]]), maxConceptTerms: 1, stop: new Map(), boundary: new Map() };
  const addConcept = (lang: string, seq: string[], id: string): void => {
    if (seq.length === 0) return;
    const key = seq.join(' ');
    let m = data.concepts.get(lang);
    if (!m) data.concepts.set(lang, (m = new Map()));
    if (!m.has(key)) m.set(key, id);
    const all = data.concepts.get('*')!;
    if (!all.has(key)) all.set(key, id);
    data.maxConceptTerms = Math.max(data.maxConceptTerms, seq.length);
  };
  for (const lang of LANGS) {
    const hm = new Map<string, { id: string; type: ItemType; words: number }>();
    for (const h of heads) {
      for (const w of wordsOf(h, lang)) {
        const seq = termsOf(w, lang);
        if (seq.length === 1) hm.set(seq[0]!, { id: h.id, type: h.type, words: 1 });
        addConcept(lang, seq, h.id);
      }
    }
    data.heads.set(lang, hm);
    for (const g of glossary) for (const w of wordsOf(g, lang)) addConcept(lang, termsOf(w, lang), g.id);
    data.stop.set(lang, new Set((words.stop[lang] ?? []).flatMap((w) => termsOf(w, lang))));
    data.boundary.set(lang, new Set((words.boundary[lang] ?? []).map((w) => w.toLowerCase())));
  }
  cached = data;
  return data;
}
