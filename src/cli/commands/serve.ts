import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { EXAMPLES_DIR } from '../../paths.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../../server/limits.js';
import type { ServerStore } from '../../server/storeApi.js';
import { UsageError } from '../errors.js';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  maxUploadBytes: string;
  quiet?: boolean;
}

/** The bundled example declarations: the main ones (examples/*.txt) or the dev excerpts (examples/dev/*.txt). */
export function listBundledExamples(which: 'main' | 'dev'): string[] {
  const dir = which === 'main' ? EXAMPLES_DIR : join(EXAMPLES_DIR, 'dev');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Imports each bundled example the store does not hold yet (matched by file name), so a
 * fresh clone's first `npm start` shows the Astana declaration. Returns how many were imported.
 */
export async function importBundledExamples(store: ServerStore, files: string[], log: (line: string) => void): Promise<number> {
  const have = new Set((await store.listDocuments({ limit: 100_000 })).map((d) => (d.source ? basename(d.source) : '')));
  let imported = 0;
  for (const file of files) {
    if (have.has(basename(file))) continue;
    const outcome = await store.importFile(file, { source: basename(file) });
    if (outcome.status === 'failed') log(`concord: could not import ${basename(file)}: ${outcome.reason ?? 'unknown reason'}`);
    else {
      imported++;
      log(`concord: imported ${basename(file)} as ${outcome.documentId}`);
    }
  }
  return imported;
}

function parsePort(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`invalid port "${s}"`, 'give a number from 0 to 65535');
  return n;
}

/** Opens the store, builds the server, listens, prints the URL, and closes cleanly on SIGINT/SIGTERM. */
async function runServer(opts: ServeOptions, withExamples: boolean): Promise<void> {
  const port = parsePort(opts.port);
  const maxUploadBytes = Number(opts.maxUploadBytes);
  if (!Number.isInteger(maxUploadBytes) || maxUploadBytes < 1) throw new UsageError(`invalid --max-upload-bytes "${opts.maxUploadBytes}"`, 'give a positive number of bytes');
  // The server (and the analyser it uses for uploads) is loaded when a server starts, not for every command.
  const { openServerStore } = await import('../../server/openServerStore.js');
  const { buildServer } = await import('../../server/app.js');
  const store = await openServerStore(opts.db, (m) => process.stderr.write(`concord: warning: ${m}\n`));
  const log = (line: string) => process.stderr.write(line + '\n');
  // The main example (Astana) is imported before listening, so the first page shows it; the dev
  // excerpts follow in the background so the URL appears without waiting for them.
  if (withExamples) await importBundledExamples(store, listBundledExamples('main'), log);
  const app = await buildServer({
    store,
    maxUploadBytes,
    // Request logs (pino, JSON lines) go to stderr; stdout carries only the URL line.
    logger: opts.quiet ? false : { level: 'info', stream: process.stderr },
  });
  const close = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port, host: opts.host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  process.stdout.write(`Concord is serving ${store.kind} at http://${shownHost}:${actualPort}/ (API docs: http://${shownHost}:${actualPort}/api/docs)\n`);
  if (withExamples) {
    importBundledExamples(store, listBundledExamples('dev'), log).catch((e: unknown) => log(`concord: could not import the dev examples: ${(e as Error).message}`));
  }
}

function addServerOptions(cmd: Command): Command {
  return cmd
    .option('--db <url>', 'store URL: sqlite:PATH or postgres://… (default: CONCORD_DB, else sqlite:./concord.db)')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', process.env.PORT ?? '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--max-upload-bytes <n>', 'largest upload accepted, in bytes', String(DEFAULT_MAX_UPLOAD_BYTES))
    .option('-q, --quiet', 'no request log');
}

export function registerServe(program: Command): void {
  addServerOptions(
    program.command('serve').description('Serve the web reader and the REST API (/api, OpenAPI at /api/docs) on a store'),
  ).action((opts: ServeOptions) => runServer(opts, false));
  addServerOptions(
    program.command('start').description('Import the bundled example declarations into the store if absent, then serve (what `npm start` runs)'),
  ).action((opts: ServeOptions) => runServer(opts, true));
}
