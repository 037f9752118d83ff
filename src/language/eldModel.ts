import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';

/**
 * The eld language detector's 'medium' n-gram database, loaded with a third of the memory, and the
 * tables eld's text processing uses (see eldScorer.ts, which scores with them).
 *
 * Why not just `import { eld } from 'eld/medium'`: that database is a 2 MB JavaScript object
 * literal, and V8 keeps its parse and literal boilerplate besides the objects: importing it costs
 * ~190 MB of resident memory, most of the analyser's footprint (issue 3 bounds an import at 400 MB).
 * The same data parsed from JSON costs ~55 MB. So the build (scripts/build-language-model.mjs)
 * writes the database as JSON once, and it is read from there. Without the JSON (a source checkout
 * that was not built), the library's own module is used: same data, more memory.
 */

/** Where the build writes the database (under dist/, as any build output). */
export const ELD_MODEL_JSON = join(PACKAGE_ROOT, 'dist', 'language-model', 'eld-medium.json');

export interface EldDetector {
  detect(text: string): { language: string; isReliable(): boolean };
}

/** eld's database: language codes by index, and per n-gram the score of each language that has it. */
export interface EldDatabase {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

/** What eld's detect() reads besides the database (its own files, the source of truth). */
export interface EldTables {
  /** A character per byte: how eld spells the UTF-8 bytes of non-ASCII characters. */
  dictionary: readonly string[];
  /** eld's word separators (runs of non-letters), replaced by a space before n-grams are taken. */
  separators: RegExp;
  /** Per language, the mean score of a correct detection (the reliability test compares with it). */
  avgScore: Readonly<Record<string, number>>;
}

/** The folder of the installed eld package (beside us, or hoisted to a parent node_modules). */
export function findEldDir(): string | null {
  let dir = PACKAGE_ROOT;
  for (;;) {
    const candidate = join(dir, 'node_modules', 'eld');
    if (existsSync(join(candidate, 'src', 'languageDetector.js'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function findEldDirOrThrow(): string {
  const eldDir = findEldDir();
  if (!eldDir) throw new Error('concord: the eld package (language detection) is not installed; run npm ci');
  return eldDir;
}

/**
 * A module among eld's source files. They are not in eld's export map: imported by file URL,
 * which bypasses the map.
 */
async function importEldFile<T>(eldDir: string, ...path: string[]): Promise<T> {
  return (await import(pathToFileURL(join(eldDir, 'src', ...path)).href)) as T;
}

function readJsonDatabase(): EldDatabase | null {
  if (!existsSync(ELD_MODEL_JSON)) return null;
  try {
    const data = JSON.parse(readFileSync(ELD_MODEL_JSON, 'utf8')) as Partial<EldDatabase>;
    if (!data.type || !data.ngrams || !data.languages) return null;
    return data as EldDatabase;
  } catch {
    return null; // a damaged or foreign file: the library's own module still works
  }
}

/** The database: from the built JSON when present, else eld's 'medium' module. */
export async function loadEldDatabase(): Promise<{ database: EldDatabase; source: 'json' | 'module' }> {
  const fromJson = readJsonDatabase();
  if (fromJson) return { database: fromJson, source: 'json' };
  const { ngramsData } = await importEldFile<{ ngramsData: EldDatabase }>(findEldDirOrThrow(), 'ngrams', 'medium.js');
  return { database: ngramsData, source: 'module' };
}

export async function loadEldTables(): Promise<EldTables> {
  const eldDir = findEldDirOrThrow();
  const [{ dictionary }, { separators }, { avgScore }] = await Promise.all([
    importEldFile<{ dictionary: string[] }>(eldDir, 'dictionary.js'),
    importEldFile<{ separators: RegExp }>(eldDir, 'regexPatterns.js'),
    importEldFile<{ avgScore: Record<string, number> }>(eldDir, 'avgScore.js'),
  ]);
  return { dictionary, separators, avgScore };
}

/**
 * eld itself (the reference the tests compare our scorer with): a fresh instance made by eld's own
 * createEld, the hook its entry files use, loaded with the built JSON; else eld's 'medium' entry.
 */
export async function loadEld(): Promise<{ eld: EldDetector; source: 'json' | 'module' }> {
  const eldDir = findEldDir();
  const data = eldDir ? readJsonDatabase() : null;
  if (eldDir && data) {
    const mod = await importEldFile<{ createEld?: () => { instance: EldDetector; loadData: (d: unknown) => unknown } }>(eldDir, 'languageDetector.js');
    if (typeof mod.createEld === 'function') {
      const { instance, loadData } = mod.createEld();
      if (loadData(data)) return { eld: instance, source: 'json' };
    }
  }
  const { eld } = await import('eld/medium');
  return { eld, source: 'module' };
}
