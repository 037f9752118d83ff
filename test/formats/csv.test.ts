import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeCell, renderCsv, writeCsv, UTF8_BOM } from '../../src/export/csv/index.js';
import { FORMATTERS } from '../../src/export/index.js';
import { renderJsonLine } from '../../src/export/jsonl/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { Analysis } from '../../src/types.js';

/** An RFC 4180 reader written for this test (independent of the writer): records of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '"' || c === '\n' || c === '\r') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    field += c; i++;
  }
  if (field !== '' || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

const gold = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'test/fixtures/gold/sco-2024-astana.fr.json'), 'utf8')) as Analysis;

describe('CSV export', () => {
  it('quotes commas, quotes, line breaks and edge spaces (RFC 4180) and reads back the same', () => {
    const tricky = ['a, b', 'il a dit « oui » et "non"', 'ligne 1\nligne 2', 'cr\r\nlf', ' espace', 'plain', 'Ça coûte 5 €', '', '中文，逗号'];
    const csv = writeCsv(['h1', 'h2'], tricky.map((t) => [t, 1]));
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toContain('"a, b",1\r\n');
    expect(csv).toContain('"il a dit « oui » et ""non""",1\r\n');
    expect(csv).toContain('"ligne 1\nligne 2",1\r\n');
    expect(csv).toContain('\r\nplain,1\r\n');
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['h1', 'h2']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(tricky);
    expect(rows.every((r) => r.length === 2)).toBe(true);
  });

  it('guards cells a spreadsheet would run as formulas, but not list dashes', () => {
    expect(escapeCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(escapeCell('+33 1 23')).toBe("'+33 1 23");
    expect(escapeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeCell('-1+2')).toBe("'-1+2");
    expect(escapeCell('- a list item')).toBe('- a list item');
    expect(escapeCell(-3)).toBe('-3');
    expect(escapeCell(null)).toBe('');
    expect(escapeCell(true)).toBe('true');
  });

  it('writes four tables with one header row and the right columns for the gold analysis', () => {
    const out = FORMATTERS.csv(gold);
    expect(out.kind).toBe('files');
    const files = (out as { files: Record<string, string> }).files;
    expect(Object.keys(files).sort()).toEqual(['commitments.csv', 'entities.csv', 'paragraphs.csv', 'proposals.csv']);
    const paragraphs = parseCsv(files['paragraphs.csv'].slice(1));
    expect(paragraphs[0].slice(0, 5)).toEqual(['document_id', 'eId', 'n', 'num', 'kind']);
    expect(paragraphs[0].at(-1)).toBe('text');
    expect(paragraphs.length).toBe(1 + 121);
    expect(paragraphs.every((r) => r.length === paragraphs[0].length)).toBe(true);
    // Row of gold paragraph 1: text, kind and subject read back intact.
    const p1 = Object.fromEntries(paragraphs[0].map((h, i) => [h, paragraphs[1][i]]));
    expect(p1.kind).toBe('preamble');
    expect(p1.subject_scope).toBe('all');
    expect(p1.text).toBe(gold.paragraphs[0].text);
    // Entity counts by type in the gold, summed by hand from the fixture: 106 organizations,
    // 34 places, 47 dates, 12 initiatives, 48 instruments, 22 events, 31 states.
    const entities = parseCsv(files['entities.csv'].slice(1));
    expect(entities.length - 1).toBe(106 + 34 + 47 + 12 + 48 + 22 + 31);
    expect(entities[0]).toEqual(['document_id', 'eId', 'type', 'text', 'ref', 'value', 'start', 'end', 'rule']);
    const commitments = parseCsv(files['commitments.csv'].slice(1));
    expect(commitments.length - 1).toBe(gold.paragraphs.filter((p) => p.commitment).length);
    const proposals = parseCsv(files['proposals.csv'].slice(1));
    expect(proposals[1].slice(2, 4)).toEqual(['KZ', 'note']);
    expect(renderCsv([gold, gold])['entities.csv'].split('\r\n').length - 2).toBe(2 * 300);
  });
});

describe('JSON Lines export', () => {
  it('writes one line per analysis, even with line breaks in the text', () => {
    const a = { ...gold, document: { ...gold.document, title: 'two\nlines' } };
    const line = renderJsonLine(a);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.split('\n').length).toBe(2);
    expect(JSON.parse(line)).toEqual(a);
    expect(FORMATTERS.jsonl(gold)).toEqual({ kind: 'text', text: JSON.stringify(gold) + '\n' });
  });
});
