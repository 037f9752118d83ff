/**
 * `npm run bench`: runs every benchmark file in its own process (so one's memory does not
 * colour another's figures) and prints their figures. Benchmarks never fail the build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';

const BENCHMARKS = ['analysis.ts', 'store.ts', 'server.ts'];
for (const file of BENCHMARKS) {
  const path = join(PACKAGE_ROOT, 'bench', file);
  if (!existsSync(path)) continue;
  console.log(`\n== bench/${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', path], { stdio: 'inherit', cwd: PACKAGE_ROOT });
  if (r.status !== 0) console.log(`bench/${file} exited with ${r.status}`);
}
