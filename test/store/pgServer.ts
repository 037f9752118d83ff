import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL database for the store suite: CONCORD_TEST_PG when set (CI sets
 * postgres://postgres@127.0.0.1:5432/test), else a throwaway server started here from Debian's
 * binaries (/usr/lib/postgresql/<v>/bin, run as the postgres user when we are root, since initdb
 * refuses root); null when no PostgreSQL binaries exist (the suite then skips). Each suite gets
 * its own schema (search_path in the URL), dropped at the end.
 */
export interface TestPg {
  url: string;
  stop(): Promise<void>;
}

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

export function pgAvailable(): boolean {
  return Boolean(process.env.CONCORD_TEST_PG) || findBinDir() !== null;
}

async function withSchema(baseUrl: string, onStop: () => Promise<void>): Promise<TestPg> {
  const schema = `concord_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const sep = baseUrl.includes('?') ? '&' : '?';
  return {
    url: `${baseUrl}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    async stop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
      await onStop();
    },
  };
}

export async function startTestPg(): Promise<TestPg | null> {
  if (process.env.CONCORD_TEST_PG) return withSchema(process.env.CONCORD_TEST_PG, async () => undefined);
  const bin = findBinDir();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'concord-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = 54329 + Math.floor(Math.random() * 500);
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    else execFileSync(full, args, { stdio: 'pipe' });
  };
  run('initdb', ['-D', data, '-E', 'UTF8', '--locale=C.UTF-8', '-A', 'trust', '-U', 'postgres']);
  run('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${data} -c listen_addresses=127.0.0.1`, '-l', join(data, 'log'), '-w', 'start']);
  const stopServer = async () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    return await withSchema(`postgres://postgres@127.0.0.1:${port}/postgres`, stopServer);
  } catch (e) {
    await stopServer();
    throw e;
  }
}

/** True when `runuser` exists (needed to start a server as root). */
export function canRunAsPostgres(): boolean {
  if (process.getuid?.() !== 0) return true;
  return spawnSync('runuser', ['--help'], { stdio: 'ignore' }).status === 0;
}
