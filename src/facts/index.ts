import type { Analysis, InstitutionalFact } from '../types.js';

/** Institutional facts (issue 6) from an analysed declaration. (Stub: to be implemented.) */
export function extractFacts(analysis: Analysis): InstitutionalFact[] {
  void analysis;
  return [];
}
