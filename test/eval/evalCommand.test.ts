import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';

/** `concord eval` end to end, on copies of two dev gold files (one altered by hand). */
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'eval', ...args], { cwd: PACKAGE_ROOT, encoding: 'utf8', timeout: 60000 });

const dir = mkdtempSync(join(tmpdir(), 'concord-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const goldDir = join(dir, 'gold');
const predDir = join(dir, 'pred');
mkdirSync(goldDir);
mkdirSync(predDir);
const GOLD = join(PACKAGE_ROOT, 'test', 'fixtures', 'gold', 'dev');
for (const f of ['csto-2022-moscow-statement.en.json', 'g20-2020-riyadh.zh.json']) writeFileSync(join(goldDir, f), readFileSync(join(GOLD, f)));
// The prediction for the CSTO file: the gold with the second paragraph's kind changed.
const csto = JSON.parse(readFileSync(join(GOLD, 'csto-2022-moscow-statement.en.json'), 'utf8'));
expect(csto.paragraphs).toHaveLength(2);
csto.paragraphs[1].kind = csto.paragraphs[1].kind === 'preamble' ? 'operative' : 'preamble';
writeFileSync(join(predDir, 'csto-2022-moscow-statement.en.json'), JSON.stringify(csto));

describe('concord eval', () => {
  it('prints a table for two files', () => {
    const r = run(join(predDir, 'csto-2022-moscow-statement.en.json'), join(goldDir, 'csto-2022-moscow-statement.en.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^kind\s+0\.500\s+1\/2$/m);
    expect(r.stdout).toMatch(/^paragraphs matched\s+1\.000/m);
  });

  it('lists the disagreements with --details', () => {
    const r = run(join(predDir, 'csto-2022-moscow-statement.en.json'), join(goldDir, 'csto-2022-moscow-statement.en.json'), '--details');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Disagreements (1)');
    expect(r.stdout).toMatch(/^para_2 {2}kind {2}predicted: \w+ {2}gold: \w+$/m);
  });

  it('prints JSON with --format json', () => {
    const r = run(join(predDir, 'csto-2022-moscow-statement.en.json'), join(goldDir, 'csto-2022-moscow-statement.en.json'), '--format', 'json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.kind).toEqual({ correct: 1, total: 2, value: 0.5 });
    expect(report.disagreements).toEqual([expect.objectContaining({ eId: 'para_2', field: 'kind' })]);
  });

  it('pools two folders per language, counting a missing prediction as all missed', () => {
    const r = run(predDir, goldDir, '--format', 'json');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('no prediction for g20-2020-riyadh.zh.json');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.byLanguage)).toEqual(['en', 'zh']);
    expect(out.byLanguage.zh.paragraphs).toMatchObject({ gold: 5, predicted: 0, matched: 0 });
    expect(out.overall.paragraphs).toMatchObject({ gold: 7, predicted: 2, matched: 2 });
    expect(out.overall.kind).toMatchObject({ correct: 1, total: 2 });
  });

  it('refuses a file that is not an analysis, and a file paired with a folder (exit 2)', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"hello": 1}');
    const r = run(bad, join(goldDir, 'csto-2022-moscow-statement.en.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not an analysis');
    const r2 = run(predDir, join(goldDir, 'csto-2022-moscow-statement.en.json'));
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('two files or two folders');
  });
});
