/**
 * `npm run bench:compare -- <other checkout>`: this checkout's analyser against another's (say, a
 * worktree of main), in one process, on the same texts.
 *
 * Why not two runs of `npm run bench`: on the 2-core machines wall times drift by ±25 % from one
 * run to the next, far more than most changes. Here each document is analysed by both versions
 * one after the other (their order swapped every document), so drift hits both alike and the
 * ratio holds where the absolute figures do not. Figures only, no assertions.
 * Texts: every third UN General Debate speech when ../shared/corpus/ungd exists, else the example
 * repeated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXAMPLES_DIR, PACKAGE_ROOT, SHARED_DIR } from '../src/paths.js';

type Analyse = (text: string) => unknown;

/** A checkout's analyser, and the function that empties its caches keyed by paragraph text. */
async function loadAnalyser(root: string): Promise<{ analyse: Analyse; clear: () => void }> {
  const entry = join(root, 'src', 'analyze.ts');
  if (!existsSync(entry)) throw new Error(`${root} is not a Concord checkout (no src/analyze.ts)`);
  const analyse = ((await import(pathToFileURL(entry).href)) as { analyzeText: Analyse }).analyzeText;
  const fold = (await import(pathToFileURL(join(root, 'src', 'text', 'fold.ts')).href)) as { clearTextCaches?: () => void };
  return { analyse, clear: fold.clearTextCaches ?? (() => {}) };
}

function texts(): { label: string; list: string[] } {
  const ungd = join(SHARED_DIR, 'corpus', 'ungd');
  if (existsSync(ungd)) {
    const files = readdirSync(ungd).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % 3 === 0);
    return { label: `${files.length} UN General Debate speeches`, list: files.map((f) => readFileSync(join(ungd, f), 'utf8')) };
  }
  const example = readFileSync(join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt'), 'utf8');
  return { label: 'the example × 40', list: Array.from({ length: 40 }, () => example) };
}

function elapsedMs(fn: () => unknown): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const other = process.argv[2];
if (!other) {
  console.log('usage: npm run bench:compare -- <path of another Concord checkout>');
  process.exit(2);
}
const baseVersion = await loadAnalyser(resolve(other));
const hereVersion = await loadAnalyser(PACKAGE_ROOT);
const base = baseVersion.analyse;
const here = hereVersion.analyse;
const { label, list } = texts();
const mb = list.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1048576;
// Warm up both: lexicons, gazetteers, compiled code.
for (const t of list.slice(0, 40)) { base(t); here(t); }
console.log(`${label}, ${mb.toFixed(2)} MB; base = ${resolve(other)}, here = ${PACKAGE_ROOT}`);
for (let round = 1; round <= 3; round++) {
  let baseMs = 0;
  let hereMs = 0;
  list.forEach((t, i) => {
    if (i % 2) { baseMs += elapsedMs(() => base(t)); hereMs += elapsedMs(() => here(t)); }
    else { hereMs += elapsedMs(() => here(t)); baseMs += elapsedMs(() => base(t)); }
  });
  console.log(
    `round ${round}: base ${(mb / (baseMs / 1000)).toFixed(2)} MB/s, here ${(mb / (hereMs / 1000)).toFixed(2)} MB/s → here is ${(baseMs / hereMs).toFixed(2)}× as fast`,
  );
}

// The example, warm (as bench/analysis.ts times it: text caches emptied before each run), the two
// versions in turn; medians, since single runs of 10 ms scatter.
const example = readFileSync(join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt'), 'utf8');
const runs: { base: number[]; here: number[] } = { base: [], here: [] };
for (let i = 0; i < 230; i++) {
  const order = i % 2 ? (['base', 'here'] as const) : (['here', 'base'] as const);
  for (const which of order) {
    const v = which === 'base' ? baseVersion : hereVersion;
    v.clear();
    const ms = elapsedMs(() => v.analyse(example));
    if (i >= 30) runs[which].push(ms); // the first 30 warm up
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(
  `example warm (median of ${runs.base.length}): base ${median(runs.base).toFixed(1)} ms, here ${median(runs.here).toFixed(1)} ms → here is ${(median(runs.base) / median(runs.here)).toFixed(2)}× as fast`,
);
