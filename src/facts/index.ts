import type { Analysis, InstitutionalFact } from '../types.js';
import { extractBodies, extractAnniversaries } from './bodies.js';
import { extractChairmanship, linkChairmanships } from './chairmanship.js';
import { makeParagraphFacts, type ParagraphFacts } from './context.js';
import { extractDesignations } from './designations.js';
import { extractInstruments } from './instruments.js';
import { loadFactsLexicon } from './lexicon.js';
import { extractMembership } from './membership.js';
import { extractProposals } from './proposals.js';
import { extractNextSummit } from './summit.js';

export { PROPOSAL_STAGES, laterStage, type ProposalStage } from './proposals.js';
export { FACT_KINDS, type FactKind } from './kinds.js';

/** The fact rules, in the order they run on each paragraph (one file per fact kind). */
export const FACT_RULES: ReadonlyArray<[name: string, rule: (pf: ParagraphFacts) => InstitutionalFact[]]> = [
  ['membership', extractMembership],
  ['chairmanship', extractChairmanship],
  ['next-summit', extractNextSummit],
  ['bodies', extractBodies],
  ['anniversaries', extractAnniversaries],
  ['instruments', extractInstruments],
  ['designations', extractDesignations],
  ['proposals', extractProposals],
];

/**
 * Institutional facts (issue 6) of an analysed declaration. Reads each paragraph's text,
 * entities, actions and proposals, and lexicons/<lang>/facts.yaml for the paragraph's
 * language; writes nothing into the analysis except messages (a language without a facts
 * lexicon, a rule that failed on odd input). Returns the facts in paragraph order; each has
 * kind, eId, start/end/text in the paragraph, rule (the cue id) and its payload.
 */
export function extractFacts(analysis: Analysis): InstitutionalFact[] {
  const facts: InstitutionalFact[] = [];
  const org = analysis.document.organization ?? null;
  const docDate = analysis.document.date ?? null;
  const missing = new Set<string>();
  for (const paragraph of analysis.paragraphs) {
    if (paragraph.kind === 'fragment' || paragraph.kind === 'heading') continue;
    const lang = paragraph.language ?? analysis.document.language;
    const lex = loadFactsLexicon(lang);
    if (!lex) {
      missing.add(lang);
      continue;
    }
    const pf = makeParagraphFacts(paragraph, lex, org, docDate);
    for (const [name, rule] of FACT_RULES) {
      try {
        // A loop, not push(...): most rules find nothing in most paragraphs.
        for (const f of rule(pf)) facts.push(f);
      } catch (err) {
        // A rule that breaks on odd input is a bug, but one paragraph must not cost the document its facts.
        (analysis.messages ??= []).push({
          severity: 'warning', stage: 'facts', ruleId: `facts/${name}-failed`, eId: paragraph.eId,
          message: `the ${name} rule failed on this paragraph: ${(err as Error).message}`,
        });
      }
    }
  }
  for (const lang of missing) {
    (analysis.messages ??= []).push({
      severity: 'info', stage: 'facts', ruleId: 'facts/no-lexicon',
      message: `no facts lexicon for language "${lang}": institutional facts were not extracted from its paragraphs`,
    });
  }
  linkChairmanships(facts);
  return facts;
}
