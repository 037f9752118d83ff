import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SPEC_DIR } from '../paths.js';
import type { Analysis } from '../types.js';

let validate: ReturnType<Ajv2020['compile']> | null = null;

/** Checks an analysis against spec/analysis.schema.json; returns the errors (empty when valid). */
export function validateAnalysis(analysis: Analysis | unknown): string[] {
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    validate = ajv.compile(JSON.parse(readFileSync(join(SPEC_DIR, 'analysis.schema.json'), 'utf8')));
  }
  if (validate(analysis)) return [];
  return (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
