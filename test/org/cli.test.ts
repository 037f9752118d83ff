import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerOrg } from '../../src/cli/commands/org.js';
import { UsageError } from '../../src/cli/errors.js';
import { extractFacts } from '../../src/facts/index.js';
import type { Analysis } from '../../src/types.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'concord-org-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the org command in-process (fast); CONCORD_DB is cleared and the folder has no concord.db. */
async function runOrg(args: string[]): Promise<{ stdout: string; error: Error | null }> {
  const program = new Command().exitOverride();
  registerOrg(program);
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const cwd = process.cwd();
  const env = process.env.CONCORD_DB;
  process.stdout.write = ((c: string) => (chunks.push(String(c)), true)) as typeof process.stdout.write;
  process.chdir(dir);
  delete process.env.CONCORD_DB;
  try {
    await program.parseAsync(['node', 'concord', 'org', ...args]);
    return { stdout: chunks.join(''), error: null };
  } catch (err) {
    return { stdout: chunks.join(''), error: err as Error };
  } finally {
    process.stdout.write = write;
    process.chdir(cwd);
    if (env !== undefined) process.env.CONCORD_DB = env;
  }
}

describe('concord org', () => {
  it('the installed command lists nine SCO members on 2024-07-03 without a store', () => {
    // One real process, to check the command is wired into concord's main program.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const r = spawnSync(process.execPath, ['--import', tsx, join(root, 'src/cli/main.ts'), 'org', 'sco', '--on', '2024-07-03', '--format', 'json'], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, CONCORD_DB: '' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).members).toHaveLength(9);
  });

  it('ten members on 2024-07-05, Belarus since the summit', async () => {
    const b = await runOrg(['sco', '--on', '2024-07-05']);
    expect(b.error).toBeNull();
    expect(b.stdout).toMatch(/^Members \(10\):$/m);
    expect(b.stdout).toMatch(/^ {2}BY {2}Belarus, since 2024-07-04$/m);
  });

  it('reads stored declarations: facts appear with the paragraph that supports them', async () => {
    const gold = JSON.parse(readFileSync(join(root, 'test/fixtures/gold/sco-2024-astana.fr.json'), 'utf8')) as Analysis;
    gold.facts = extractFacts(structuredClone(gold));
    const { openStore } = await import('../../src/store/index.js');
    const db = join(dir, 'c.db');
    const store = await openStore(`sqlite:${db}`);
    try {
      expect((await store.importAnalysis(gold, { source: 'sco-2024-astana.fr.json' })).status).toBe('imported');
    } finally {
      await store.close();
    }
    const r = await runOrg(['sco', '--on', '2024-07-05', '--db', `sqlite:${db}`, '--format', 'json']);
    expect(r.error).toBeNull();
    const s = JSON.parse(r.stdout);
    expect(s.members).toHaveLength(10);
    expect(s.members.find((m: { state: string }) => m.state === 'BY').support[0].eId).toBe('para_118');
    expect(s.chair.state).toBe('CN');
    expect(s.nextSummit).toMatchObject({ year: '2025', host: 'CN' });
    expect(s.summits).toHaveLength(1);
    expect(s.proposals).toHaveLength(13);
    const before = JSON.parse((await runOrg(['sco', '--on', '2024-07-03', '--db', `sqlite:${db}`, '--format', 'json'])).stdout);
    expect(before.members).toHaveLength(9);
  });

  it('reads analysis files given with --analysis', async () => {
    const file = join(dir, 'a.json');
    writeFileSync(file, readFileSync(join(root, 'test/fixtures/gold/sco-2024-astana.fr.json')));
    const r = await runOrg(['sco', '--on', '2024-07-05', '--analysis', file]);
    expect(r.error).toBeNull();
    expect(r.stdout).toMatch(/^Next summit: 2025, People's Republic of China \[sco-2024-astana#para_120\]$/m);
  });

  it('refuses a bad date, a bad id, an unknown organisation and a non-analysis file as usage errors', async () => {
    for (const args of [['sco', '--on', '2024-13-45'], ['../etc'], ['nosuchorg'], ['sco', '--format', 'xml']]) {
      const r = await runOrg(args);
      expect(r.error, args.join(' ')).toBeInstanceOf(UsageError);
    }
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"hello": 1}');
    expect((await runOrg(['sco', '--analysis', junk])).error?.message).toMatch(/not a concord analysis/);
  });
});
