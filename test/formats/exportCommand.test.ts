import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileNameFor, registerExport } from '../../src/cli/commands/export.js';
import { validateAkn } from '../../src/export/akn/validate.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { openStore } from '../../src/store/index.js';
import type { Analysis } from '../../src/types.js';

const gold = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'test/fixtures/gold/sco-2024-astana.fr.json'), 'utf8')) as Analysis;
const dir = mkdtempSync(join(tmpdir(), 'concord-export-'));
const db = `sqlite:${join(dir, 'corpus.db')}`;
const second: Analysis = {
  ...gold,
  document: { ...gold.document, id: 'sco-2024-astana.copy', source: 'copy.txt', contentHash: 'b'.repeat(64) },
  paragraphs: gold.paragraphs.slice(0, 3),
};

async function run(...args: string[]): Promise<void> {
  const program = new Command().exitOverride();
  registerExport(program);
  await program.parseAsync(['node', 'concord', 'export', '--db', db, ...args]);
}

beforeAll(async () => {
  const store = await openStore(db);
  try {
    await store.importAnalysis({ ...gold, document: { ...gold.document, contentHash: 'a'.repeat(64) } }, { source: 'gold.txt' });
    await store.importAnalysis(second, { source: 'copy.txt' });
  } finally {
    await store.close();
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('concord export (from the store)', () => {
  it('writes the whole corpus as JSON Lines, one stored analysis per line', async () => {
    const out = join(dir, 'all.jsonl');
    await run('--all', '--format', 'jsonl', '-o', out);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(2);
    const ids = lines.map((l) => (JSON.parse(l) as Analysis).document.id).sort();
    expect(ids).toEqual(['sco-2024-astana', 'sco-2024-astana.copy']);
    const stored = lines.map((l) => JSON.parse(l) as Analysis).find((a) => a.document.id === 'sco-2024-astana')!;
    expect(stored.paragraphs).toEqual(gold.paragraphs);
  });

  it('writes one set of CSV tables for the corpus with a single header row', async () => {
    const out = join(dir, 'csv');
    await run('--all', '--format', 'csv', '-o', out);
    expect(readdirSync(out).sort()).toEqual(['commitments.csv', 'entities.csv', 'paragraphs.csv', 'proposals.csv']);
    const rows = readFileSync(join(out, 'paragraphs.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(rows.filter((r) => r.includes('document_id,eId')).length).toBe(1);
    // 121 + 3 paragraphs; no gold paragraph holds a line break, so one line per record.
    expect(rows.length).toBe(1 + 121 + 3);
  });

  it('writes one valid AKN file per document, and a single document by id', async () => {
    const out = join(dir, 'akn');
    await run('--all', '--format', 'akn', '-o', out);
    expect(readdirSync(out).sort()).toEqual(['sco-2024-astana.akn.xml', 'sco-2024-astana.copy.akn.xml']);
    expect(await validateAkn(readFileSync(join(out, 'sco-2024-astana.akn.xml'), 'utf8'))).toEqual([]);
    const one = join(dir, 'one.xml');
    await run('sco-2024-astana.copy', '--format', 'akn', '-o', one);
    expect(readFileSync(one, 'utf8')).toContain('<paragraph eId="para_3">');
  });

  it('refuses unknown documents, unknown formats and a missing target', async () => {
    await expect(run('nope', '--format', 'akn')).rejects.toThrow(/no stored document "nope"/);
    await expect(run('--all', '--format', 'docx')).rejects.toThrow(/unknown format/);
    await expect(run('--format', 'csv')).rejects.toThrow(/nothing to export/);
  });

  it('makes safe file names from ids', () => {
    expect(fileNameFor('../../etc/passwd', 'akn')).toBe('__.._etc_passwd.akn.xml');
    expect(fileNameFor('g20-2023-newdelhi.en', 'json')).toBe('g20-2023-newdelhi.en.json');
  });
});
