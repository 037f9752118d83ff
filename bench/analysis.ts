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
// Start-up: the first analysis loads the French lexicons, gazetteers and the language model.
const startup = time(() => analyzeText(example.toString('utf8')));
console.log(`start-up: first analysis of the example ${startup.ms.toFixed(0)} ms (loads lexicons, gazetteers, the language model)`);
// "Warm" as benchmark harnesses for JIT-compiled code mean it (JMH, benchmark.js, tinybench):
// data loaded and the hot code compiled by V8's optimising tier, which on this pipeline takes
// about a second of runs (the median of runs 0–49 is ~1.7× that of runs 100–149); not this text's
// folds remembered from the previous run: the caches keyed by paragraph text are emptied before
// each run.
const WARM_UP_MS = 1000;
let warmUpRuns = 0;
for (const until = Date.now() + WARM_UP_MS; Date.now() < until; warmUpRuns++) {
  clearTextCaches();
  analyzeText(example.toString('utf8'));
}
const warm: number[] = [];
for (let i = 0; i < 51; i++) {
  clearTextCaches();
  warm.push(time(() => analyzeText(example.toString('utf8'))).ms);
}
warm.sort((a, b) => a - b);
console.log(
  `example (Astana, ${(example.length / 1024).toFixed(1)} KB) warm, after ${WARM_UP_MS} ms of warm-up (${warmUpRuns} runs): ` +
    `median ${warm[25].toFixed(1)} ms, best ${warm[0].toFixed(1)} ms, 90th percentile ${warm[45].toFixed(1)} ms of 51 (target ≤ 10 ms)`,
);
clearTextCaches();
report('example × 40 (its paragraph folds remembered after the first copy)', Array.from({ length: 40 }, () => example));

const ungd = join(SHARED_DIR, 'corpus', 'ungd');
if (existsSync(ungd)) {
  const files = readdirSync(ungd).filter((f) => f.endsWith('.txt')).sort();
  // Warm-up on every tenth speech, measured on the others: the measured texts are new to the
  // process (no cache has seen them), while the English data is loaded and the code compiled.
  // The warm-up pass is reported too: it is what a process that analyses only a few speeches sees.
  const warmUp = files.filter((_, i) => i % 10 === 0);
  const measured = files.filter((_, i) => i % 10 !== 0);
  report(`UN General Debate corpus, warm-up pass (every 10th file, ${warmUp.length}; cold: loads the English data, compiles)`, warmUp.map((f) => readFileSync(join(ungd, f))));
  clearTextCaches();
  report(`UN General Debate corpus, measured (the other ${measured.length} files, unseen)`, measured.map((f) => readFileSync(join(ungd, f))));
} else {
  console.log('UN General Debate corpus: skipped (../shared/corpus/ungd is absent)');
}
const rss = process.memoryUsage().rss / 1048576;
console.log(`peak-ish RSS after analysis benchmarks: ${rss.toFixed(0)} MB`);
