import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { LEXICONS_DIR } from '../paths.js';

/**
 * Loads per-language lexicon files: lexicons/<lang>/<name>.yaml, validated against
 * lexicons/schema/<name>.schema.json. A file that fails its schema is a bug in the
 * data, so it throws with the file and the failing path; a missing file for a
 * language simply means the language has no such data yet (returns null).
 */
const ajv = new Ajv2020({ allErrors: true, strict: false });
const cache = new Map<string, unknown>();
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

function validatorFor(name: string) {
  let v = validators.get(name);
  if (!v) {
    const schemaPath = join(LEXICONS_DIR, 'schema', `${name}.schema.json`);
    if (!existsSync(schemaPath)) throw new Error(`lexicon: no schema for "${name}" (expected ${schemaPath})`);
    v = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    validators.set(name, v);
  }
  return v;
}

/** Parses and validates one YAML/JSON data file against a JSON schema file. Throws on invalid data. */
export function loadValidatedFile<T>(path: string, schemaName: string): T {
  const raw = readFileSync(path, 'utf8');
  const data = path.endsWith('.json') ? JSON.parse(raw) : parseYaml(raw);
  const validate = validatorFor(schemaName);
  if (!validate(data)) {
    const errs = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new Error(`lexicon: ${path} does not match schema ${schemaName}: ${errs}`);
  }
  return data as T;
}

/** lexicons/<lang>/<name>.yaml for one language, or null when that language has no such file. */
export function loadLexicon<T>(lang: string, name: string): T | null {
  const key = `${lang}/${name}`;
  if (cache.has(key)) return cache.get(key) as T | null;
  const path = join(LEXICONS_DIR, lang, `${name}.yaml`);
  const value = existsSync(path) ? loadValidatedFile<T>(path, name) : null;
  cache.set(key, value);
  return value;
}

/** Languages that have a lexicon file of this name. */
export function languagesWith(name: string, langs: readonly string[] = ['fr', 'en', 'ru', 'zh']): string[] {
  return langs.filter((l) => existsSync(join(LEXICONS_DIR, l, `${name}.yaml`)));
}
