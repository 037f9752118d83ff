import type { Message } from '../types.js';
import { UnreadableInputError } from './types.js';

/**
 * bytes → string. UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as
 * such; bytes that are not valid UTF-8 are read as Windows-1252/Latin-1 with a
 * warning. Binary files (NUL bytes, known magic numbers) cannot be read as text and
 * throw UnreadableInputError. No normalisation here: see normaliseText.
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  messages: Message[];
}

const MAGIC: Array<[string, number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP (DOCX, XLSX…)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
  ['OLE (DOC, XLS)', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** The binary format these bytes start with, if any. */
export function sniffBinaryFormat(bytes: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return name;
  }
  return null;
}

function hasBinaryControlBytes(bytes: Uint8Array): boolean {
  // Look at the first 64 KiB: NUL bytes never occur in UTF-8/Latin-1 text (UTF-16 is handled by its BOM first).
  const n = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  return n > 0 && controls / n > 0.1;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const messages: Message[] = [];
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', messages };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', messages };
  }
  const magic = sniffBinaryFormat(bytes);
  if (magic || hasBinaryControlBytes(bytes)) {
    throw new UnreadableInputError(
      `not a text file${magic ? ` (it looks like ${magic})` : ' (it holds binary bytes)'}`,
      'decode/binary',
      'use a format the importer supports (.txt, .html, .pdf, .docx, .xml) or convert the file to UTF-8 text',
    );
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
    return { text, encoding: 'utf-8', messages };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes.subarray(start));
    messages.push({
      severity: 'warning',
      stage: 'decode',
      ruleId: 'decode/not-utf8',
      message: 'the file is not valid UTF-8; it was read as Latin-1 (Windows-1252). Check accented letters, or save the file as UTF-8.',
    });
    return { text, encoding: 'windows-1252', messages };
  }
}

/**
 * Normalises decoded text: NFC, line breaks to "\n", control characters (other than
 * tab and line feed) to spaces. Typographic apostrophes are kept as written (they are
 * matched as "'" by src/text/fold.ts).
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF]/g, (c) => (c === '\uFEFF' ? '' : ' '));
}
