import type { Analysis } from '../types.js';

/** The human summary of one analysis. (Stub: to be implemented.) */
export function renderSummary(a: Analysis): string {
  return `${a.document.id}: ${a.document.paragraphCount} paragraphs (${a.document.language})\n`;
}
