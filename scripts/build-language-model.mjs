// Writes eld's 'medium' n-gram database as JSON (dist/language-model/eld-medium.json), which
// src/language/eldModel.ts loads with a third of the memory of the library's JavaScript module.
// Plain Node (no TypeScript): it runs in `npm run build`, before anything is compiled.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let dir = root;
let eldDir = null;
for (;;) {
  const c = join(dir, 'node_modules', 'eld');
  if (existsSync(join(c, 'src', 'ngrams', 'medium.js'))) { eldDir = c; break; }
  const parent = dirname(dir);
  if (parent === dir) break;
  dir = parent;
}
if (!eldDir) {
  console.error('build-language-model: eld is not installed; run npm ci first');
  process.exit(1);
}
const { ngramsData } = await import(pathToFileURL(join(eldDir, 'src', 'ngrams', 'medium.js')).href);
const out = join(root, 'dist', 'language-model', 'eld-medium.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(ngramsData));
console.log(`build-language-model: wrote ${out}`);
