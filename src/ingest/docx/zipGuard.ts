import { inflateRawSync } from 'node:zlib';
import { UnreadableInputError } from '../types.js';

/**
 * Refuses ZIP archives (DOCX) that would inflate to too much: reads the central
 * directory's declared sizes BEFORE anything is inflated, and checks the entry count,
 * the total uncompressed size and each entry's compression ratio. Hand-written (the
 * central directory is a fixed-layout table) because the ZIP libraries installed
 * inflate while listing. Reads: the archive bytes. Writes: nothing.
 * Errors: UnreadableInputError (ingest/zip-bomb, ingest/docx-malformed).
 */
export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  /** Largest uncompressed/compressed ratio accepted for entries over 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalUncompressed: 256 * 1024 * 1024, maxRatio: 200 };

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;

function malformed(why: string): UnreadableInputError {
  return new UnreadableInputError(`the file is not a readable DOCX (${why})`, 'ingest/docx-malformed', 'open it in a word processor and save it again as .docx');
}

export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw malformed('no ZIP directory');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw malformed('ZIP64 archives are not accepted for DOCX');
  if (cdOffset + cdSize > bytes.length) throw malformed('truncated ZIP directory');
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CDH_SIG) throw malformed('damaged ZIP directory');
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const localOffset = view.getUint32(p + 42, true);
    entries.push({ name, compressedSize, uncompressedSize, method, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export function checkZipBomb(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntryInfo[] {
  const entries = listZipEntries(bytes);
  const bomb = (why: string) => new UnreadableInputError(`the DOCX was refused: ${why} (a possible ZIP bomb)`, 'ingest/zip-bomb', 'check where the file came from; a real declaration is far smaller');
  if (entries.length > limits.maxEntries) throw bomb(`it holds ${entries.length} files, over ${limits.maxEntries}`);
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize === 0xffffffff || e.compressedSize === 0xffffffff) throw bomb(`${e.name} declares a ZIP64 size`);
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) throw bomb(`${e.name} would inflate ${Math.round(ratio)} times`);
  }
  if (total > limits.maxTotalUncompressed) throw bomb(`it would inflate to ${(total / 1048576).toFixed(0)} MB, over ${(limits.maxTotalUncompressed / 1048576).toFixed(0)} MB`);
  return entries;
}

/**
 * Inflates one entry whose sizes were checked by checkZipBomb, never beyond its declared
 * size (zlib stops at maxOutputLength, so a lying header cannot inflate more).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntryInfo): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) throw malformed(`damaged entry ${entry.name}`);
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw malformed(`unsupported compression in ${entry.name}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch {
    throw malformed(`damaged entry ${entry.name}`);
  }
}
