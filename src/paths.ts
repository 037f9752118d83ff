import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (the folder holding package.json). Code runs both from src/ (tsx)
 * and from dist/src/ (built), at different depths, so we walk up instead of hard-coding "../..".
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lexicons'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('concord: cannot find the package root (package.json beside lexicons/)');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const LEXICONS_DIR = join(PACKAGE_ROOT, 'lexicons');
export const DATA_DIR = join(PACKAGE_ROOT, 'data');
export const EXAMPLES_DIR = join(PACKAGE_ROOT, 'examples');
export const SPEC_DIR = join(PACKAGE_ROOT, 'spec');
export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
/** The shared folder beside the repository, when present (benchmarks and optional tests only). */
export const SHARED_DIR = join(PACKAGE_ROOT, '..', 'shared');
