import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { UsageError } from './errors.js';

/**
 * Reads a file argument (or "-" for stdin) into bytes, refusing more than maxBytes
 * before reading it all, so a 100 MB input is bounded in memory.
 */
export function readInput(file: string, maxBytes: number): { bytes: Uint8Array; filename: string | null } {
  if (file === '-') return { bytes: readBounded(0, maxBytes, 'standard input'), filename: null };
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UsageError(`${file} is a folder`, 'give a file, or use concord import for folders');
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'check the path');
  }
  if (size > maxBytes) throw tooLarge(size, maxBytes);
  const fd = openSync(file, 'r');
  try {
    return { bytes: readBounded(fd, maxBytes, file), filename: file };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number, max: number): UsageError {
  return new UsageError(
    `the input is ${(size / 1048576).toFixed(1)} MB, over the limit of ${(max / 1048576).toFixed(0)} MB`,
    'split it into smaller documents, or raise the limit with --max-bytes',
  );
}

function readBounded(fd: number, maxBytes: number, name: string): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(1 << 20);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw new UsageError(`cannot read ${name}: ${(e as Error).message}`);
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw tooLarge(total, maxBytes);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return new Uint8Array(Buffer.concat(chunks));
}
