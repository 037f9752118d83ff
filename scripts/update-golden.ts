/**
 * Rewrites test/golden/cases/*.expected.json from the current analyser. Run it after a
 * deliberate change, then check `git diff test/golden` line by line before committing:
 * a golden file is only worth what the hand check behind it is worth.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../src/analyze.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { projectForGolden } from '../test/golden/project.js';

const dir = join(PACKAGE_ROOT, 'test', 'golden', 'cases');
const only = process.argv.slice(2);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  const out = projectForGolden(analyzeText(readFileSync(join(dir, file), 'utf8'), { filename: file }));
  writeFileSync(join(dir, file.replace(/\.txt$/, '.expected.json')), JSON.stringify(out, null, 2) + '\n');
  console.log(`updated ${file.replace(/\.txt$/, '.expected.json')}`);
}
