import type { Analysis } from '../types.js';
import { renderSummary } from '../summary/renderSummary.js';

/**
 * Output formats of `concord analyze --format` (and `concord export`). A format
 * renders one Analysis either to a single text (stdout or --out FILE) or to several
 * named files (written into the --out folder).
 */
export type RenderedOutput = { kind: 'text'; text: string } | { kind: 'files'; files: Record<string, string> };
export type Formatter = (analysis: Analysis) => RenderedOutput;

export const FORMATTERS: Record<string, Formatter> = {
  json: (a) => ({ kind: 'text', text: JSON.stringify(a, null, 2) + '\n' }),
  summary: (a) => ({ kind: 'text', text: renderSummary(a) }),
};

/** Adds a format (src/export/<format>/ registers itself through src/export/index.ts). */
export function registerFormatter(name: string, formatter: Formatter): void {
  FORMATTERS[name] = formatter;
}
