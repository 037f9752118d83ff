import type { ActionCategory, Paragraph, Subject } from '../../types.js';
import { paragraphLanguage, report, type AnnotateContext } from '../context.js';
import { isListItem, readParagraphClauses, subjectFromCandidate, type ClauseReading } from './analyzeParagraph.js';
import { loadProposalLexicon, loadSubjectLexicon, loadVerbLexicon, type SubjectLexicon, type VerbLexicon } from './lexicons.js';
import { proposalNounStarts } from './proposalNouns.js';
import type { WordIdSet } from './vocabulary.js';
import { readChineseClauses } from './readChinese.js';

/**
 * Reads every paragraph's clauses in document order, carrying the context a paragraph
 * cannot see alone: the subject an anaphoric "Ils"/"They" continues, and the chapeau
 * ("… we:", "We commit to:") whose numbered items start with a bare verb. The reading
 * is cached per paragraph object so the subject, actions and kinds stages (which run in
 * that order) share one pass. Writes only the cache and messages.
 */
export interface DocumentReading extends ClauseReading {
  subjectValue: Subject;
}

export const NO_SUBJECT: Subject = { scope: 'none', states: [], qualifier: null, text: null };

/**
 * The reading of a paragraph made by readDocumentClauses for this document, or null when it has not
 * read it. Kept on the document's context (not in a module-level table keyed by paragraph, which
 * every document's paragraphs would grow): each later stage (actions, kinds, commitment, proposals)
 * reads it.
 */
export function readingOf(p: Paragraph, ctx: AnnotateContext): DocumentReading | null {
  return ctx.clauseReadings?.get(p) ?? null;
}

export function readDocumentClauses(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  const readings = new Map<Paragraph, DocumentReading>();
  ctx.clauseReadings = readings;
  let prevSubject: Subject | null = null;
  let chapeau: { category: ActionCategory | null; toVerb: boolean } | null = null;
  const missing = new Set<string>();
  // The lexicons of the languages met so far (loadLexicon builds a key string and probes its
  // cache; a document has one or two languages for hundreds of paragraphs).
  let lastLang: string | null = null;
  let verbs: VerbLexicon | null = null;
  let subjects: SubjectLexicon | null = null;
  let proposalStarts: WordIdSet | null = null;
  for (const p of paragraphs) {
    if (p.kind === 'fragment' || p.kind === 'heading') {
      readings.set(p, emptyReading());
      continue;
    }
    const lang = paragraphLanguage(p, ctx);
    if (lang !== lastLang) {
      verbs = loadVerbLexicon(lang);
      subjects = loadSubjectLexicon(lang);
      proposalStarts = proposalNounStarts(loadProposalLexicon(lang));
      lastLang = lang;
    }
    if (!verbs || !subjects) {
      if (!missing.has(lang)) {
        missing.add(lang);
        report(ctx, 'subject', 'clause/no-lexicon', `no verb or subject lexicon for language "${lang}": subjects and actions left empty`, 'warning', p.eId);
      }
      readings.set(p, emptyReading());
      continue;
    }
    const r = verbs.substring ? readChineseClauses(p, verbs, subjects) : readParagraphClauses(p, verbs, subjects, proposalStarts);

    // A numbered item under a chapeau that ends "… to:" starts with the pledged verb itself.
    if (chapeau && r.itemVerb && !r.actions.some((a) => a.start === r.itemVerb!.start)) {
      if (chapeau.toVerb && chapeau.category) {
        r.actions.unshift({
          category: chapeau.category, text: p.text.slice(r.itemVerb.start, r.itemVerb.end),
          start: r.itemVerb.start, end: r.itemVerb.end, rule: 'actions/chapeau-item', form: 'finite',
        });
      }
    }

    let subject: Subject;
    const cand = r.subject;
    if (cand && cand.kind === 'anaphora') {
      const base: Subject = prevSubject ?? { ...NO_SUBJECT, scope: 'all' };
      subject = {
        scope: base.scope, states: [...base.states], qualifier: base.qualifier,
        ...(base.absent ? { absent: [...base.absent] } : {}),
        text: p.text.slice(cand.start, cand.end), start: cand.start, end: cand.end, rule: `subject/anaphora:${cand.rule}`,
      };
    } else if (cand && !(r.actions.length === 0 && cand.kind === 'firstPerson' && !cand.apposition)) {
      subject = subjectFromCandidate(p.text, cand);
    } else if (r.actions.length > 0) {
      subject = { scope: 'all', states: [], qualifier: null, text: null, rule: 'subject/context' };
    } else {
      subject = { ...NO_SUBJECT };
    }
    if (subject.scope === 'subset' && subject.states.length > 0 && ctx.document.members?.length) {
      subject.absent = membersBesides(ctx.document.members, subject.states);
    }
    if (subject.scope === 'all' || subject.scope === 'subset') prevSubject = subject;

    if (r.leadIn) {
      const last = r.actions.length ? [...r.actions].sort((a, b) => b.start - a.start)[0]! : null;
      chapeau = { category: last?.category ?? null, toVerb: /(?:\bto|\bà|\bde|d['’])\s*[:：]\s*$/iu.test(p.text) };
    } else if (!isListItem(p)) {
      chapeau = null;
    }
    // Field by field rather than a spread: one object shape whichever reader made r.
    readings.set(p, {
      actions: r.actions, subject: r.subject, sentences: r.sentences, openingFormula: r.openingFormula,
      leadIn: r.leadIn, colonSentences: r.colonSentences, itemVerb: r.itemVerb, proposalNoun: r.proposalNoun, subjectValue: subject,
    });
  }
}

function emptyReading(): DocumentReading {
  return {
    actions: [], subject: null, sentences: [], openingFormula: false, leadIn: false, colonSentences: [], itemVerb: null, proposalNoun: null,
    subjectValue: { ...NO_SUBJECT },
  };
}

/**
 * The members not among `states`, in the members' order, as a fresh array. Remembered per members
 * list and set of states: a speech names its own state (or the same few) paragraph after
 * paragraph, and each time the full list of members (193 at the UN) was filtered again.
 */
const absentByMembers = new WeakMap<string[], Map<string, string[]>>();
function membersBesides(members: string[], states: string[]): string[] {
  let byStates = absentByMembers.get(members);
  if (!byStates) { byStates = new Map(); absentByMembers.set(members, byStates); }
  const key = states.length === 1 ? states[0]! : states.join('\u0000');
  let absent = byStates.get(key);
  if (!absent) {
    const named = new Set(states);
    absent = members.filter((m) => !named.has(m));
    byStates.set(key, absent);
  }
  return absent.slice();
}
