import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';

/**
 * The eld language detector with its 'medium' n-gram database, loaded with a third of the memory.
 *
 * Why not just `import { eld } from 'eld/medium'`: that database is a 2 MB JavaScript object
 * literal, and V8 keeps its parse and literal boilerplate besides the objects: importing it costs
 * ~190 MB of resident memory, most of the analyser's footprint (issue 3 bounds an import at 400 MB).
 * The same data parsed from JSON costs ~55 MB. So the build (scripts/build-language-model.mjs)
 * writes the database as JSON once, and here a fresh eld instance (eld's own createEld, the hook
 * its entry files use) is loaded with it. Same data, same code: the same answers (a test checks).
 * Without the JSON (a source checkout that was not built), the library's own entry is used.
 */

/** Where the build writes the database (under dist/, as any build output). */
export const ELD_MODEL_JSON = join(PACKAGE_ROOT, 'dist', 'language-model', 'eld-medium.json');

export interface EldDetector {
  detect(text: string): { language: string; isReliable(): boolean };
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

async function loadFromJson(): Promise<EldDetector | null> {
  const eldDir = findEldDir();
  if (!eldDir || !existsSync(ELD_MODEL_JSON)) return null;
  try {
    const data = JSON.parse(readFileSync(ELD_MODEL_JSON, 'utf8')) as { type?: string; ngrams?: object; languages?: object };
    if (!data.type || !data.ngrams || !data.languages) return null;
    // createEld is not in eld's export map: imported by file URL, which bypasses the map.
    const mod = (await import(pathToFileURL(join(eldDir, 'src', 'languageDetector.js')).href)) as {
      createEld?: () => { instance: EldDetector; loadData: (d: unknown) => unknown };
    };
    if (typeof mod.createEld !== 'function') return null;
    const { instance, loadData } = mod.createEld();
    return loadData(data) ? instance : null;
  } catch {
    return null; // a damaged or foreign file: the library's own entry still works
  }
}

/** The detector: from the built JSON when present, else eld's 'medium' entry. */
export async function loadEld(): Promise<{ eld: EldDetector; source: 'json' | 'module' }> {
  const fromJson = await loadFromJson();
  if (fromJson) return { eld: fromJson, source: 'json' };
  const { eld } = await import('eld/medium');
  return { eld, source: 'module' };
}
