import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** `concord serve` as a process: prints its URL, answers the API, logs requests to stderr, stops on SIGTERM. */
const dir = mkdtempSync(join(tmpdir(), 'concord-serve-'));
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('concord serve', () => {
  it('serves an empty SQLite store on a free port and stops on SIGTERM', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'src/cli/main.ts'), 'serve', '--db', `sqlite:${join(dir, 'serve.db')}`, '--port', '0'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) resolve(m[1]);
      });
      child!.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    const meta = (await (await fetch(`${url}/api/meta`)).json()) as { store: string };
    expect(meta.store).toBe('sqlite');
    const docs = (await (await fetch(`${url}/api/documents`)).json()) as { documents: unknown[] };
    expect(docs.documents).toEqual([]);
    const missing = await fetch(`${url}/api/documents/x`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    // Request log: pino JSON lines on stderr.
    await expect.poll(() => stderr).toMatch(/"url":"\/api\/meta"/);
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = null;
  });

  it('start imports the Astana example into an empty store, then serves it', { timeout: 240_000 }, async () => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'src/cli/main.ts'), 'start', '--db', `sqlite:${join(dir, 'start.db')}`, '--port', '0', '--quiet'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child = p;
    let stderr = '';
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      p.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) resolve(m[1]);
      });
      p.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    const { documents } = (await (await fetch(`${url}/api/documents`)).json()) as { documents: Array<{ id: string; source: string; paragraphCount: number }> };
    const astana = documents.find((d) => d.source === 'sco-2024-astana.fr.txt');
    expect(astana).toBeDefined();
    expect(astana!.paragraphCount).toBeGreaterThan(100);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    p.kill('SIGKILL');
    child = null;
  });

  it('refuses a bad port with a usage error', async () => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'src/cli/main.ts'), 'serve', '--port', 'eighty'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const code = await new Promise<number | null>((resolve) => p.on('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toContain('invalid port');
  });
});
