import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { BISHKEK_EN } from './storeSuite.js';

/** The corpus commands end to end (non-TTY: plain progress lines, final report). */
describe('concord import / search / track / items / diff', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-cli-'));
  const db = `sqlite:${join(dir, 'cli.db')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'src/cli/main.ts'), ...args], { cwd: PACKAGE_ROOT, encoding: 'utf8', timeout: 120_000 });

  it('imports files and folders, skips bad files with reasons, and reports', () => {
    const bad = join(dir, 'bad.pdf');
    writeFileSync(bad, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const r = run('import', join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt'), BISHKEK_EN, bad, empty, join(dir, 'missing'), '--db', db);
    expect(r.stdout).toMatch(/^imported 2, replaced 0, unchanged 0, failed 3 /m);
    expect(r.stdout).toMatch(/failed: .*bad\.pdf: /);
    expect(r.stdout).toMatch(/failed: .*empty\.txt: /);
    expect(r.stdout).toMatch(/failed: .*missing: no such file or folder/);
    expect(r.stderr).toMatch(/^imported\t\S+\t.*sco-2024-astana\.fr\.txt$/m); // plain progress lines off a terminal
    expect(r.status).toBe(1);
    const again = run('import', join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt'), '--db', db);
    expect(again.stdout).toMatch(/^imported 0, replaced 0, unchanged 1, failed 0 /m);
    expect(again.status).toBe(0);
  });

  it('lists the stored documents, filtered, as text and JSON', () => {
    const text = run('list', '--db', db);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^sco-2024-astana\tsco\t2024-07-04\tastana\tfr\t121 paragraphs$/m);
    const json = JSON.parse(run('list', '--db', db, '--lang', 'fr', '--format', 'json').stdout) as Array<{ id: string; language: string }>;
    expect(json.map((d) => d.id)).toContain('sco-2024-astana');
    expect(json.every((d) => d.language === 'fr')).toBe(true);
    expect(run('list', '--db', db, '--org', 'g7').stderr).toMatch(/no stored documents/);
  });

  it('searches with JSON facets and refuses bad queries with one clear line', () => {
    const r = run('search', 'banque développement', '--format', 'json', '--db', db);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.total).toBeGreaterThan(0);
    expect(out.hits[0].eId).toMatch(/^para_\d+$/);
    expect(out.facets.lang.fr).toBe(out.total);
    const text = run('search', 'Kazakhstan', '--db', db);
    expect(text.stdout).toMatch(/\[Kazakhstan\]/);
    const long = run('search', 'x'.repeat(10_000), '--db', db);
    expect(long.status).toBe(2);
    expect(long.stderr).toMatch(/^concord: the query is too long/);
    expect(long.stderr).not.toMatch(/sqlite|SQL|internal error/i);
  });

  it('tracks an item across two texts and lists items', () => {
    const t = run('track', 'development bank', '--db', db);
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/para_83 .*Banque de développement de l’OCS/);
    expect(t.stdout).toMatch(/SCO Development Bank/);
    const items = run('items', '--format', 'json', '--db', db);
    expect(JSON.parse(items.stdout).length).toBeGreaterThan(0);
    const none = run('track', 'qqqq zzzz', '--db', db);
    expect(none.status).toBe(2);
    const badType = run('items', '--type', 'spaceship', '--db', db);
    expect(badType.status).toBe(2);
  });

  it('diffs two stored documents as text and JSON', () => {
    const list = run('search', 'Kazakhstan', '--format', 'json', '--db', db);
    const ids = [...new Set(JSON.parse(list.stdout).hits.map((h: { documentId: string }) => h.documentId))] as string[];
    expect(ids.length).toBe(2);
    const j = run('diff', ids[0]!, ids[1]!, '--format', 'json', '--db', db);
    expect(j.status).toBe(0);
    const d = JSON.parse(j.stdout);
    expect(d.counts.dropped + d.counts.added + d.counts.changed).toBeGreaterThan(0);
    const t = run('diff', ids[0]!, 'no-such-doc', '--db', db);
    expect(t.status).toBe(2);
    expect(t.stderr).toMatch(/no document with id/);
  });
});
