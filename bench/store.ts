/**
 * Store benchmark (issue 3): imports the examples, the store fixtures and, when present,
 * ../shared/corpus/ungd (1,938 UN General Debate speeches, 28 MB) into a fresh SQLite file,
 * and prints docs/s, MB/s, database size and peak RSS (targets: ≤ 60 s, ≤ 400 MB), then the
 * p50/p95 latency of 100 varied searches, without and with facets (the JSON output computes
 * them; target p95 ≤ 50 ms). Without the corpus, the search figures are also measured on a synthetic
 * corpus (stored copies of the stored analyses) so that the numbers mean something.
 * No assertions: figures for people. Options: --no-synthetic, --keep (keep the database), --no-command (skip the second import through the built `concord import`);
 * CONCORD_BENCH_LIMIT=N (a spread sample of N files), CONCORD_BENCH_COPIES=N (synthetic copies),
 * CONCORD_IMPORT_WORKERS=N (analysis worker threads; 0 analyses in the main thread). The import
 * runs through importFiles, the path of `concord import`; peak RSS is the whole process's
 * (worker threads share it), sampled and read from the kernel's VmHWM.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_DIR, PACKAGE_ROOT, SHARED_DIR } from '../src/paths.js';
import { collectFiles, importFiles } from '../src/store/importFiles.js';
import { openStore, type SearchQuery, type Store } from '../src/store/index.js';

const args = new Set(process.argv.slice(2));
let peakRss = 0;
/** The process' resident set: all its threads, so import workers included. */
function rssNow(): number {
  return process.memoryUsage().rss;
}
/** The kernel's peak resident set of the process (VmHWM: every thread, workers included), or 0. */
function rssPeakKernel(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, rssNow());
}, 50);

function mb(n: number): string {
  return (n / 1e6).toFixed(1);
}

function fileSize(p: string): number {
  return ['', '-wal', '-shm'].reduce((s, suffix) => s + (existsSync(p + suffix) ? statSync(p + suffix).size : 0), 0);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** 100 varied queries: words and phrases in four languages, with and without filters, and a few hostile ones. */
function queries(): SearchQuery[] {
  const words = [
    'development', 'sustainable development', 'climate change', 'terrorism', 'nuclear weapons', 'peace', 'security council',
    'human rights', 'poverty', 'pandemic', '"United Nations"', 'reform', 'sanctions', 'trade', 'investment', 'refugees',
    'Palestine', 'Africa', 'disarmament', 'multilateralism', 'women', 'education', 'debt', 'energy', 'food security',
    'ocean', 'migration', 'cooperation', 'sovereignty', 'Ukraine', 'Syria', 'Afghanistan', 'health', 'water', 'digital',
    'développement durable', 'sécurité', 'coopération', 'paix', 'changement climatique', 'États membres', 'terrorisme',
    'banque de développement', 'commerce', 'énergie', 'развитие', 'безопасность', 'сотрудничество', 'пандемия', 'экономика',
    '合作', '发展', '贸易', '峰会', '经济', 'develop*', '"climate change" OR "poverty"', "'; DROP TABLE documents; --", 'Development Bank', 'agenda 2030',
  ];
  const filters: Array<Partial<SearchQuery>> = [{}, { lang: 'en' }, { year: 2015 }, { action: 'call' }, { commitment: true }, { lang: 'fr' }, { topic: 'security' }, { org: 'un' }];
  const out: SearchQuery[] = [];
  for (let i = 0; out.length < 100; i++) out.push({ q: words[i % words.length]!, ...filters[Math.floor(i / words.length) % filters.length], limit: 20 });
  return out;
}

async function timeSearches(store: Store, label: string, facets: boolean): Promise<void> {
  const qs = queries().map((q) => ({ ...q, facets }));
  for (const q of qs.slice(0, 5)) await store.search(q).catch(() => undefined); // warm caches
  const times: number[] = [];
  let errors = 0;
  let hits = 0;
  for (const q of qs) {
    const t = process.hrtime.bigint();
    try {
      const r = await store.search(q);
      hits += r.total;
    } catch {
      errors++;
    }
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`search ${facets ? 'with facets' : 'hits + total'} (${label}): ${qs.length} queries, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (target p95 ≤ 50 ms); ${hits} matching paragraphs in all, ${errors} clear query errors`);
}

/**
 * The same import through the built command, as users run it (`node dist/src/cli/main.js import`):
 * wall time and the peak resident memory of that process (VmHWM from /proc, polled; the kernel's
 * figure covers every thread, the analysis worker included). This process runs under tsx, whose
 * loader in each thread adds ~35 MB that the command does not carry.
 */
async function importThroughCommand(paths: string[], dbPath: string): Promise<void> {
  const cli = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
  if (!existsSync(cli)) {
    console.log('import through the built command: skipped (no dist/; run npm run build)');
    return;
  }
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [cli, 'import', '--db', `sqlite:${dbPath}`, ...paths], { stdio: ['ignore', 'ignore', 'pipe'] });
  let hwm = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) hwm = Math.max(hwm, Number(m[1]) * 1024);
    } catch {
      // not Linux, or the process has just ended
    }
  }, 25);
  let tail = '';
  child.stderr!.on('data', (d: Buffer) => { tail = (tail + d.toString()).slice(-500); });
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearInterval(poll);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`import through the built command (concord import, ${paths.length} files): ${secs.toFixed(1)} s (target ≤ 60 s), peak RSS ${hwm ? `${mb(hwm)} MB` : 'not measured (no /proc)'} (target ≤ 400 MB), exit ${code}; database ${mb(fileSize(dbPath))} MB${code > 1 ? `; ${tail.trim()}` : ''}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-store-'));
  const dbPath = join(dir, 'bench.db');
  const ungd = join(SHARED_DIR, 'corpus', 'ungd');
  const inputs = [EXAMPLES_DIR, join(PACKAGE_ROOT, 'test', 'store', 'fixtures')];
  if (existsSync(ungd)) inputs.push(ungd);
  else console.log(`corpus ${ungd} absent: importing the examples only (the 60 s / 400 MB targets are for the corpus)`);
  let { files } = await collectFiles(inputs);
  // CONCORD_BENCH_LIMIT=N imports every k-th file so that N are taken (a spread sample), for slow machines.
  const limit = Number(process.env.CONCORD_BENCH_LIMIT ?? 0);
  if (limit > 0 && files.length > limit) {
    const step = files.length / limit;
    files = Array.from({ length: limit }, (_, i) => files[Math.floor(i * step)]!);
    console.log(`CONCORD_BENCH_LIMIT=${limit}: importing a spread sample of ${files.length} files`);
  }
  const store = await openStore(`sqlite:${dbPath}`);
  // The path `concord import` takes (importFiles): files analysed in worker threads while the
  // previous ones are stored (CONCORD_IMPORT_WORKERS=0 analyses in this thread).
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let lastShown = 0;
  const report = await importFiles(store, files, {}, (_o, done, doneBytes) => {
    if (done - lastShown >= 100) {
      lastShown = done;
      process.stderr.write(`  … ${done}/${files.length} files, ${mb(doneBytes)} MB, ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(0)} s, RSS ${mb(rssNow())} MB (main thread's heap ${mb(process.memoryUsage().heapTotal)} MB)\n`);
    }
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const bytes = report.bytes;
  const counts = { imported: report.imported, replaced: report.replaced, unchanged: report.unchanged, failed: report.failed.length };
  const firstFailure = report.failed[0] ? `${report.failed[0].source}: ${report.failed[0].reason}` : '';
  const docs = counts.imported + counts.replaced;
  const t = report.timing;
  console.log(`import: ${files.length} files, ${mb(bytes)} MB in ${secs.toFixed(1)} s: ${(docs / secs).toFixed(1)} docs/s, ${(bytes / 1e6 / secs).toFixed(3)} MB/s (target ≤ 60 s for the corpus)`);
  if (t) {
    const where = t.workers ? `in ${t.workers} worker thread(s) (${t.analysedInWorkers} files there), overlapping storage` : 'in the main thread';
    console.log(`  of which analysis ${t.analyseSeconds.toFixed(1)} s + preparing rows ${t.prepareSeconds.toFixed(1)} s ${where}; storage ${t.storeSeconds.toFixed(1)} s in the main thread (${((t.storeSeconds * 1000) / Math.max(1, docs)).toFixed(1)} ms/doc)`);
  }
  console.log(`  CPU time of the process (all threads): ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
  console.log(`  imported ${counts.imported}, unchanged ${counts.unchanged}, failed ${counts.failed}${firstFailure ? ` (first: ${firstFailure})` : ''}`);
  console.log(`  load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores (other processes share the machine)`);
  peakRss = Math.max(peakRss, rssNow(), rssPeakKernel());
  console.log(`  peak RSS during the import (whole process, worker threads included): ${mb(peakRss)} MB; database ${mb(fileSize(dbPath))} MB`);
  await timeSearches(store, existsSync(ungd) ? `examples + ungd (${files.length} files)` : 'examples only', false);
  await timeSearches(store, existsSync(ungd) ? `examples + ungd (${files.length} files)` : 'examples only', true);
  if ((!existsSync(ungd) || limit > 0) && !args.has('--no-synthetic')) {
    // Stored copies of the example analyses (new hashes and sources): storage and search cost
    // only, no analysis; roughly the paragraph count of the 28 MB corpus when COPIES is 400.
    const COPIES = Number(process.env.CONCORD_BENCH_COPIES ?? 400);
    const ids = (await store.listDocuments({ limit: 500 })).map((d) => d.id);
    const analyses = [];
    for (const id of ids) analyses.push((await store.getAnalysis(id))!);
    const t1 = process.hrtime.bigint();
    let paragraphs = 0;
    for (let i = 0; i < COPIES; i++) {
      const a = structuredClone(analyses[i % analyses.length]!);
      a.document.id = `${a.document.id}-copy-${i}`;
      if (a.document.date) a.document.date = `${1990 + (i % 35)}${a.document.date.slice(4)}`;
      paragraphs += a.paragraphs.length;
      await store.importAnalysis(a, { source: `synthetic/${i}`, contentHash: `synthetic-${i}` });
    }
    const s1 = Number(process.hrtime.bigint() - t1) / 1e9;
    console.log(`store only (synthetic): ${COPIES} stored analyses, ${paragraphs} paragraphs in ${s1.toFixed(1)} s: ${(COPIES / s1).toFixed(1)} docs/s, ${(paragraphs / s1).toFixed(0)} paragraphs/s`);
    await timeSearches(store, `synthetic, ${paragraphs} more paragraphs`, false);
    await timeSearches(store, `synthetic, ${paragraphs} more paragraphs`, true);
  }
  await store.close();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024, rssPeakKernel());
  if (!args.has('--no-command')) await importThroughCommand(files.map((f) => f.path), join(dir, 'command.db'));
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024, rssPeakKernel());
  console.log(`in-process import above (this process, under tsx): database ${mb(fileSize(dbPath))} MB on disk; peak RSS ${mb(peakRss)} MB (target ≤ 400 MB)`);
  if (args.has('--keep')) console.log(`kept ${dbPath}`);
  else rmSync(dir, { recursive: true, force: true });
}

await main();
