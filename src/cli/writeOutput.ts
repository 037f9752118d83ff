import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedOutput } from '../export/index.js';

/**
 * Writes a formatter's output: one text to `out` (or standard output), or several named
 * files into the folder `out` (default: the current folder), saying which on stderr.
 */
export function writeRenderedOutput(rendered: RenderedOutput, out: string | undefined): void {
  if (rendered.kind === 'text') {
    if (out) writeFileSync(out, rendered.text);
    else process.stdout.write(rendered.text);
    return;
  }
  const dir = out ?? '.';
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(rendered.files)) writeFileSync(join(dir, name), content);
  process.stderr.write(`concord: wrote ${Object.keys(rendered.files).join(', ')} to ${dir}\n`);
}
