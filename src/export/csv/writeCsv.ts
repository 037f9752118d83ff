/**
 * RFC 4180 CSV text: fields quoted when they hold a comma, a double quote, a line break
 * or leading/trailing space; quotes doubled; records end with CRLF; one header row.
 * Hand-written (a dozen lines) rather than a dependency: no CSV writer is installed and
 * the rules are short. Cells that a spreadsheet would run as a formula (starting with
 * =, +, @, tab or CR, or "-" not followed by a space) get a leading apostrophe, the
 * usual guard against CSV formula injection. Reads: rows. Writes: nothing.
 */
export type Cell = string | number | boolean | null | undefined;

/** UTF-8 byte order mark: Excel reads BOM-less UTF-8 CSV in the legacy code page and garbles accents. */
export const UTF8_BOM = '\uFEFF';

export function escapeCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^(?:[=+@\t\r]|-(?! ))/.test(s)) s = `'${s}`;
  if (/[",\r\n]|^\s|\s$/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function writeCsv(header: string[], rows: Cell[][]): string {
  const lines = [header, ...rows].map((r) => r.map(escapeCell).join(','));
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
