/**
 * Server benchmark (figures only, no assertions):
 *  1. document page API: GET /api/documents/<Astana> under 50 concurrent clients → p50/p95/p99, req/s
 *     (server in its own process on a SQLite file holding the gold analyses; clients in this one);
 *  2. the reader's time to first paragraph (and to all paragraphs) in Chromium, cold page load each time.
 * Run: npx tsx bench/server.ts  (or npm run bench). Needs web/dist (built here when missing).
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { openStore } from '../src/store/index.js';
import { CHROMIUM, CHROMIUM_ARGS, ensureWebBuilt, hasChromium } from '../test/browser/harness.js';
import { ASTANA_ID, fixtureAnalyses } from '../test/browser/fixtures.js';

const CLIENTS = 50;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const PAGE_LOADS = 7;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function startServer(db: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0', '--quiet'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/[^\s/]+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * One GET with node:http on a keep-alive agent (lighter than fetch, so the client side takes
 * less of the shared CPU), asking for gzip as browsers do; resolves with the status and body size.
 */
function get(agent: Agent, target: string): Promise<{ status: number; bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(target, { agent, headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
      let bytes = 0;
      res.on('data', (b: Buffer) => (bytes += b.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function benchApi(url: string): Promise<void> {
  const target = `${url}/api/documents/${ASTANA_ID}`;
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const jsonBytes = (await (await fetch(target, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength;
  const first = await get(agent, target);
  for (let i = 0; i < 200; i++) await get(agent, target); // warm-up
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < REQUESTS) {
        next++;
        const s = performance.now();
        const res = await get(agent, target);
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  agent.destroy();
  console.log(`document page API (${(jsonBytes / 1024).toFixed(0)} KB JSON sent as ${(first.bytes / 1024).toFixed(0)} KB ${first.encoding}, ${CLIENTS} concurrent keep-alive clients, ${latencies.length} requests):`);
  console.log(`  p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${percentile(latencies, 95).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  max ${latencies[latencies.length - 1].toFixed(1)} ms  ${(latencies.length / wall).toFixed(0)} req/s  (target p95 ≤ 50 ms)`);
}

async function benchReader(url: string): Promise<void> {
  if (!hasChromium()) {
    console.log(`reader time to first paragraph: skipped (no Chromium at ${CHROMIUM})`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const first: number[] = [];
  const all: number[] = [];
  const scriptReady: number[] = [];
  const dataReady: number[] = [];
  try {
    for (let i = 0; i < PAGE_LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 } }); // fresh cache each load
      const page = await context.newPage();
      await page.goto(`${url}/#/doc/${ASTANA_ID}`, { waitUntil: 'commit' });
      await page.waitForSelector('#para_121');
      // The reader marks when its first paragraphs and all paragraphs are committed to the DOM.
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const doc = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.name.includes('/api/documents/'));
        // (No named helper functions in here: tsx would wrap them in a __name() the page lacks.)
        return { first: performance.getEntriesByName('concord:first-paragraph')[0]?.startTime ?? NaN, all: performance.getEntriesByName('concord:all-paragraphs')[0]?.startTime ?? NaN, dcl: nav.domContentLoadedEventEnd, data: doc?.responseEnd ?? NaN };
      });
      if (i > 0) {
        first.push(t.first);
        all.push(t.all);
        scriptReady.push(t.dcl);
        dataReady.push(t.data);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  for (const xs of [first, all, scriptReady, dataReady]) xs.sort((a, b) => a - b);
  console.log(`reader, cold load of ${ASTANA_ID} (${first.length} loads after one warm-up, from navigation start):`);
  console.log(`  first paragraph: median ${percentile(first, 50).toFixed(0)} ms, max ${first[first.length - 1].toFixed(0)} ms (target ≤ 1000 ms)`);
  console.log(`  all 121 paragraphs: median ${percentile(all, 50).toFixed(0)} ms, max ${all[all.length - 1].toFixed(0)} ms`);
  console.log(`  (median script ready ${percentile(scriptReady, 50).toFixed(0)} ms, document JSON received ${percentile(dataReady, 50).toFixed(0)} ms)`);
}

async function main(): Promise<void> {
  // The figures depend on what else runs: say how busy the machine was.
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min)`);
  await ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-server-'));
  const db = `sqlite:${join(dir, 'bench.db')}`;
  const store = await openStore(db);
  for (const a of fixtureAnalyses()) await store.importAnalysis(a, { source: `${a.document.id}.json` });
  await store.close();
  const server = await startServer(db);
  try {
    await benchApi(server.url);
    await benchReader(server.url);
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
