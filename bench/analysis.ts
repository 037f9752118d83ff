/**
 * Analysis throughput, printed beside a baseline measured in the same run on the same
 * bytes (decode + split lines: the floor any analyser pays), as a ratio. No assertions:
 * figures for people and for the closing notes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../src/analyze.js';
import { EXAMPLES_DIR, SHARED_DIR } from '../src/paths.js';
import { clearTextCaches } from '../src/text/fold.js';

function baseline(buffers: Buffer[]): number {
  let lines = 0;
  for (const b of buffers) lines += new TextDecoder().decode(b).split('\n').filter((l) => l.trim()).length;
  return lines;
}

function analyseAll(buffers: Buffer[]): number {
  let paragraphs = 0;
  for (const b of buffers) paragraphs += analyzeText(new TextDecoder().decode(b)).paragraphs.length;
  return paragraphs;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

function report(label: string, buffers: Buffer[]): void {
  const bytes = buffers.reduce((n, b) => n + b.length, 0);
  const mb = bytes / 1048576;
  const base = time(() => baseline(buffers));
  const run = time(() => analyseAll(buffers));
  const mbs = mb / (run.ms / 1000);
  const baseMbs = mb / (base.ms / 1000);
  console.log(
    `${label}: ${mb.toFixed(2)} MB, ${run.value} paragraphs in ${run.ms.toFixed(0)} ms → ` +
      `${mbs.toFixed(2)} MB/s, ${(run.value / (run.ms / 1000)).toFixed(0)} paragraphs/s | ` +
      `baseline (decode + split lines) ${baseMbs.toFixed(1)} MB/s | analysis costs ${(baseMbs / mbs).toFixed(1)}× the baseline`,
  );
}

const example = readFileSync(join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt'));
// Warm up: lexicons, gazetteers and the language model load once.
analyzeText(example.toString('utf8'));
const warm: number[] = [];
// "Warm" means lexicons, gazetteers and compiled code ready, not this text's folds remembered from
// the previous run: the caches keyed by paragraph text are emptied before each run.
for (let i = 0; i < 30; i++) {
  clearTextCaches();
  warm.push(time(() => analyzeText(example.toString('utf8'))).ms);
}
warm.sort((a, b) => a - b);
console.log(`example (Astana, ${(example.length / 1024).toFixed(1)} KB) warm: median ${warm[15].toFixed(1)} ms, best ${warm[0].toFixed(1)} ms (target ≤ 10 ms)`);
clearTextCaches();
report('example × 40 (its paragraph folds remembered after the first copy)', Array.from({ length: 40 }, () => example));

const ungd = join(SHARED_DIR, 'corpus', 'ungd');
if (existsSync(ungd)) {
  const files = readdirSync(ungd).filter((f) => f.endsWith('.txt')).sort();
  report(`UN General Debate corpus (${files.length} files)`, files.map((f) => readFileSync(join(ungd, f))));
} else {
  console.log('UN General Debate corpus: skipped (../shared/corpus/ungd is absent)');
}
const rss = process.memoryUsage().rss / 1048576;
console.log(`peak-ish RSS after analysis benchmarks: ${rss.toFixed(0)} MB`);
