import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { UnreadableInputError } from '../../src/ingest/types.js';

/** Bad input of every kind: a clear message, as much analysis as possible, never a crash or a hang. */
const enc = (s: string) => new TextEncoder().encode(s);
const ruleIds = (a: { messages?: { ruleId: string }[] }) => (a.messages ?? []).map((m) => m.ruleId);

describe('bad input', () => {
  it('an empty file gives no paragraphs and an error message', async () => {
    const a = await analyzeBytes(new Uint8Array(0), { filename: 'empty.txt' });
    expect(a.paragraphs).toHaveLength(0);
    expect(ruleIds(a)).toContain('segment/empty');
    expect(a.messages?.find((m) => m.ruleId === 'segment/empty')?.message).toMatch(/empty/);
  });

  it('white space only gives no paragraphs and says so', async () => {
    const a = await analyzeBytes(enc('  \n\t\n \r\n  '), {});
    expect(a.paragraphs).toHaveLength(0);
    expect(a.messages?.find((m) => m.ruleId === 'segment/empty')?.message).toMatch(/white space/);
  });

  it('a PDF or PNG given to the text reader is refused as not a text file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const { ingestText } = await import('../../src/ingest/txt.js');
    expect(() => ingestText(png)).toThrow(UnreadableInputError);
    expect(() => ingestText(png)).toThrow(/not a text file.*use a format the importer supports/);
    const pdfLike = enc('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj');
    expect(() => ingestText(pdfLike)).toThrow(/not a text file/);
  });

  it('invalid UTF-8 (Latin-1 bytes) is decoded as Latin-1 with a warning', async () => {
    // "Les États membres soutiennent" in Latin-1: É is 0xC9, invalid as UTF-8 here.
    const latin1 = new Uint8Array([...'Les '].map((c) => c.charCodeAt(0)).concat([0xc9], [...'tats membres soutiennent la paix.'].map((c) => c.charCodeAt(0))));
    const a = await analyzeBytes(latin1, {});
    expect(a.paragraphs[0].text).toBe('Les États membres soutiennent la paix.');
    expect(ruleIds(a)).toContain('decode/not-utf8');
  });

  it('UTF-16 with a BOM (little and big endian) is read', async () => {
    const s = 'We welcome the report.\nWe will continue.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const a = await analyzeBytes(new Uint8Array(le), {});
    const b = await analyzeBytes(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), {});
    expect(a.paragraphs.map((p) => p.text)).toEqual(['We welcome the report.', 'We will continue.']);
    expect(b.paragraphs.map((p) => p.text)).toEqual(['We welcome the report.', 'We will continue.']);
  });

  it('a UTF-8 BOM and CRLF line ends leave no trace in the text', async () => {
    const a = await analyzeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('First line.\r\nSecond line.\r\n')]), {});
    expect(a.paragraphs.map((p) => p.text)).toEqual(['First line.', 'Second line.']);
  });

  it('one 2 MB line is split into paragraphs at sentence boundaries', async () => {
    const sentence = 'The Member States support the strengthening of cooperation in trade and investment. ';
    const text = sentence.repeat(Math.ceil((2 * 1024 * 1024) / sentence.length));
    const a = await analyzeBytes(enc(text), { facts: false });
    expect(a.paragraphs.length).toBeGreaterThan(1000);
    expect(Math.max(...a.paragraphs.map((p) => p.text.length))).toBeLessThan(5000);
  });

  it('10,000 paragraphs are all kept, with eIds in order', async () => {
    const lines = Array.from({ length: 10000 }, (_, i) => `${i + 1}. The Member States note item number ${i + 1}.`);
    const a = await analyzeBytes(enc(lines.join('\n')), { facts: false });
    expect(a.paragraphs).toHaveLength(10000);
    expect(a.paragraphs[9999].eId).toBe('para_10000');
    expect(a.paragraphs[9999].num).toBe('10000'.length > 3 ? null : '10000');
  });

  it('a text in an unsupported language is segmented, its language reported, with a warning', async () => {
    const de = 'Die Mitgliedstaaten bekräftigen ihr Engagement für Frieden und Sicherheit in der Region.\nSie unterstützen die Zusammenarbeit im Bereich des Handels und der Investitionen.';
    const a = await analyzeBytes(enc(de), {});
    expect(a.paragraphs).toHaveLength(2);
    expect(a.document.language).toBe('de');
    expect(ruleIds(a)).toContain('language/unsupported');
  });

  it('an input over the size limit is refused with the limit in the message', async () => {
    await expect(analyzeBytes(enc('x'.repeat(2048)), { maxBytes: 1024 })).rejects.toThrow(/over the limit of .* MB; split the file/);
  });
});

describe('the analyze command on bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bad-'));
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', input, timeout: 60000 });

  it('exits 2 with a one-line reason for a binary file no importer reads', () => {
    const f = join(dir, 'picture.txt');
    writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const r = run(['analyze', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a text file.*PNG.*use a format the importer supports.*\[decode\/binary\]/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 with a one-line reason for a broken PDF (the PDF importer takes it, and says what is wrong)', () => {
    const f = join(dir, 'broken.pdf');
    writeFileSync(f, Buffer.from('%PDF-1.4\n1 0 obj garbage'));
    const r = run(['analyze', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/PDF/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  it('exits 2 for an empty file and for a missing file, and reads stdin with -', () => {
    const f = join(dir, 'empty.txt');
    writeFileSync(f, '');
    const empty = run(['analyze', f]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/empty/);
    const missing = run(['analyze', join(dir, 'nope.txt')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*ENOENT/);
    const stdin = run(['analyze', '-', '--format', 'json'], 'The Member States welcome the report.\n');
    expect(stdin.status).toBe(0);
    expect(JSON.parse(stdin.stdout).paragraphs).toHaveLength(1);
  });

  it('exits 2 on a usage error', () => {
    const r = run(['analyze', 'examples/sco-2024-astana.fr.txt', '--format', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown format "nope"/);
  });
});
