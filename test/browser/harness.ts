import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { buildServer, WEB_ROOT } from '../../src/server/app.js';
import { createMemoryStore } from '../../src/server/memoryStore.js';
import type { ServerStore } from '../../src/server/storeApi.js';
import { fixtureAnalyses } from './fixtures.js';

/** Where browser tests and the benchmark find Chromium, and how they launch it (see /work/shared/STACK.md). */
export const CHROMIUM = process.env.CONCORD_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts');

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Builds web/dist with Vite when it is missing (the browser tests need the built app). */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(join(WEB_ROOT, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(PACKAGE_ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

/** Starts a real server on a free loopback port over the fixture analyses. */
export async function startFixtureServer(options: { maxUploadBytes?: number; store?: ServerStore } = {}): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildServer({ store: options.store ?? createMemoryStore(fixtureAnalyses()), maxUploadBytes: options.maxUploadBytes ?? 256 * 1024 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  mkdirSync(ARTIFACTS, { recursive: true });
  return { app, url: `http://127.0.0.1:${port}` };
}
