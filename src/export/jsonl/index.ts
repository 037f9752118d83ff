import type { Analysis } from '../../types.js';
import { registerFormatter } from '../formats.js';

/**
 * JSON Lines (`--format jsonl`): one analysis per line, for a whole corpus
 * (`concord export --all --format jsonl`). JSON.stringify escapes line breaks inside
 * strings, so one line is always one document. Reads: an analysis. Writes: nothing.
 */
export function renderJsonLine(analysis: Analysis): string {
  return JSON.stringify(analysis) + '\n';
}

registerFormatter('jsonl', (analysis) => ({ kind: 'text', text: renderJsonLine(analysis) }));
