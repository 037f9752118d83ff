import { isWhiteSpaceCode } from '../../text/whiteSpace.js';
import type { Action, Paragraph, Subject } from '../../types.js';
import { findSubjectCandidates, stateMentions, trimEnd, type SubjectCandidate } from './findSubjects.js';
import type { SubjectLexicon, VerbLexicon } from './lexicons.js';
import { adverbAt, compileLexicon, findVerbMatches, type AdverbIndex, type VerbMatch } from './matchVerbs.js';
import { foldLoose } from '../../text/fold.js';
import { endsWithColon, foldPhrase, splitSentences, tokenIndexAt, tokenizeParagraph, type Sentence, type Token } from './tokens.js';

/**
 * The clause reading of one paragraph: which verb matches are the members' actions
 * (position rules) and who the subject of the primary action is. Reads the paragraph's
 * text and state mentions and the language's verb and subject lexicons; returns a
 * ClauseReading that the subject, actions and kinds stages copy into the paragraph.
 * Context from earlier paragraphs (anaphora, chapeau) is applied by readDocumentClauses.
 */
export interface ClauseReading {
  actions: Action[];
  /** Subject of the primary action's sentence (or of the paragraph when it has no action). */
  subject: SubjectCandidate | null;
  sentences: Sentence[];
  /** The paragraph ends with the opening formula ("… déclarent ce qui suit"). */
  openingFormula: boolean;
  /** The paragraph ends with a colon: a lead-in for the items that follow. */
  leadIn: boolean;
  /** Offsets of the sentences that end with a colon. */
  colonSentences: Sentence[];
  /** A numbered item that starts with a bare verb (its first word). */
  itemVerb: { start: number; end: number } | null;
}

interface Accepted { m: VerbMatch; sentence: number }

function firstTokenOf(tokens: Token[], s: Sentence): number {
  return tokenIndexAt(tokens, s.start);
}

function prevToken(tokens: Token[], t: number): Token | undefined {
  return t > 0 ? tokens[t - 1] : undefined;
}

function phraseBefore(tokens: Token[], t: number, phrases: string[][]): boolean {
  return phrases.some((p) => t - p.length >= 0 && p.every((w, k) => tokens[t - p.length + k]!.w === w));
}

/**
 * Whether text[from, to) ends with one of `marks` followed only by white space: the test
 * /[marks]\s*$/u on the slice, read backwards from `to` because the regex would scan the
 * whole (often long) slice from its start for every verb.
 */
function endsWithMark(text: string, from: number, to: number, marks: string): boolean {
  let k = to;
  while (k > from && isWhiteSpaceCode(text.charCodeAt(k - 1))) k--;
  return k > from && marks.includes(text[k - 1]!);
}

/** Whether the text between a subject's end and a verb holds only adverbs or a comma incise. */
function gapIsClear(text: string, tokens: Token[], from: number, to: number, adverbs: AdverbIndex): boolean {
  const gap = text.slice(from, to).trim();
  if (gap === '' || gap === ',') return true;
  if ((gap.startsWith(',') || gap.startsWith('(')) && gap.endsWith(',')) return true;
  if (/^\(.*\)$/u.test(gap)) return true;
  // Every word in the gap an adverb?
  if (gap.length > 200) return false;
  let i = tokenIndexAt(tokens, from);
  while (i < tokens.length && tokens[i]!.end <= to) {
    const n = adverbAt(tokens, i, adverbs);
    if (n === 0) return false;
    i += n;
  }
  return !/[.;:]/u.test(gap);
}

/** The position-rule word lists of a verb lexicon, folded once (cached per lexicon object). */
interface PositionWords {
  relative: Set<string>;
  infMarkers: Set<string>;
  gerund: Set<string>;
  openers: string[][];
  coordinators: string[][];
  nounCues: Set<string>;
  nounForms: Set<string>;
  coordIncise: RegExp;
}
const positionWords = new WeakMap<VerbLexicon, PositionWords>();

function compilePositionWords(verbs: VerbLexicon): PositionWords {
  const hit = positionWords.get(verbs);
  if (hit) return hit;
  const coordinators = verbs.coordinators.map(foldPhrase);
  const w: PositionWords = {
    relative: new Set((verbs.relativeMarkers ?? []).flatMap(foldPhrase)),
    infMarkers: new Set((verbs.infinitiveMarkers ?? []).flatMap(foldPhrase)),
    gerund: new Set((verbs.gerundMarkers ?? []).flatMap(foldPhrase)),
    openers: (verbs.participleOpeners ?? []).map(foldPhrase),
    coordinators,
    nounCues: new Set((verbs.nounCues ?? []).flatMap(foldPhrase)),
    nounForms: new Set((verbs.nounForms ?? []).flatMap(foldPhrase)),
    coordIncise: new RegExp(`(?:^|[\\s,])(?:${coordinators.map((c) => c.join('\\s+')).join('|')})\\s*,[^,]*,\\s*$`, 'u'),
  };
  positionWords.set(verbs, w);
  return w;
}

/** The opening-formula endings of a subject lexicon, folded once (cached per lexicon). */
const openingFormulas = new WeakMap<SubjectLexicon, string[][]>();
function foldedOpeningFormulas(subjects: SubjectLexicon): string[][] {
  let hit = openingFormulas.get(subjects);
  if (!hit) {
    hit = subjects.openingFormula.map(foldPhrase);
    openingFormulas.set(subjects, hit);
  }
  return hit;
}

/**
 * Whether the paragraph's words joined by spaces end with the formula's words joined by spaces
 * (the test this replaces, without building the joined paragraph): the last words equal the
 * formula's, except the first formula word, which may end a longer word ("redeclare …").
 */
function wordsEndWith(tokens: Token[], formula: string[]): boolean {
  const k = formula.length;
  if (k === 0) return true;
  const at = tokens.length - k;
  if (at < 0) return false;
  for (let j = 1; j < k; j++) if (tokens[at + j]!.w !== formula[j]) return false;
  return tokens[at]!.w.endsWith(formula[0]!);
}

/** "… et, conformément à la résolution, appellent …": a coordinator before a comma incise. */
function coordinatedAcrossIncise(coordIncise: RegExp, before: string): boolean {
  return coordIncise.test(foldLoose(before));
}

/** The candidate (not 'other') ending last at or before `off`; the first of equal ends. */
function nearestSubjectBefore(cands: SubjectCandidate[], off: number): SubjectCandidate | null {
  let best: SubjectCandidate | null = null;
  for (const cand of cands) {
    if (cand.kind !== 'other' && cand.end <= off && (!best || cand.end > best.end)) best = cand;
  }
  return best;
}

/** Index of the sentence that holds offset `off` (the last one starting at or before it; 0 when none). */
function sentenceOf(sentences: Sentence[], off: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= off) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

export function readParagraphClauses(p: Paragraph, verbs: VerbLexicon, subjects: SubjectLexicon): ClauseReading {
  const text = p.text;
  const tokens = tokenizeParagraph(text);
  const sentences = splitSentences(text);
  const matches = findVerbMatches(tokens, text, verbs);
  const c = compileLexicon(verbs);
  const { relative, infMarkers, gerund, openers, coordinators, nounCues, nounForms, coordIncise } = compilePositionWords(verbs);
  // A participle right after a noun ("Member States concerned") qualifies it: not a verb there.
  const verbStarts = matches.filter((m) => m.kind !== 'participle' || endsWithMark(text, 0, m.start, ',(')).map((m) => m.start);
  // Per sentence: the actions accepted so far (the loop below reads the last one often).
  const acceptedIn = new Map<number, Accepted[]>();
  // Subject candidates per sentence, found when first needed: the sentences of the verb matches
  // and those up to the subject's; the others' would never be read (findSubjectCandidates has
  // no side effect, so skipping them changes nothing).
  const states = stateMentions(p.entities);
  const candidates: (SubjectCandidate[] | undefined)[] = new Array(sentences.length);
  const candidatesOf = (si: number): SubjectCandidate[] =>
    candidates[si] ??= findSubjectCandidates(text, tokens, sentences[si]!, subjects, states, verbStarts);
  // First word of a numbered item ("1. Recognize …"): the number is a token of digits.
  const numWords = p.num ? foldPhrase(p.num) : [];
  const firstWord = numWords.length > 0 && numWords.every((w, k) => tokens[k]?.w === w) ? numWords.length : 0;

  const accepted: Accepted[] = [];
  for (const m of matches) {
    const si = sentenceOf(sentences, m.start);
    const s = sentences[si]!;
    const here = acceptedIn.get(si) ?? [];
    const earlier = here.length > 0;
    const prev = prevToken(tokens, m.t0);
    // The nearest subject before the verb (only it can govern the verb directly).
    const nearest = nearestSubjectBefore(candidatesOf(si), m.start);
    const subjectBefore = !!nearest && gapIsClear(text, tokens, nearest.end, m.start, c.adverbs);
    const coordinated = (earlier && (phraseBefore(tokens, m.t0, coordinators) || endsWithMark(text, s.start, m.start, ',') || coordinatedAcrossIncise(coordIncise, text.slice(s.start, m.start))))
      // "We meet … and commit ourselves …": a second predicate of the sentence's subject.
      || (m.kind !== 'participle' && phraseBefore(tokens, m.t0, coordinators) && candidatesOf(si).some((cand) => cand.kind !== 'other' && cand.kind !== 'states' && cand.end <= m.start && cand.t0 === firstTokenOf(tokens, s)));
    let ok = false;
    if (m.kind === 'participle') {
      const before = text.slice(s.start, m.start).trimEnd();
      const opener = phraseBefore(tokens, m.t0, openers);
      const atStart = m.t0 <= firstWord || before === '' || /[,(:;—–-]$/u.test(before);
      const lastHere = here[here.length - 1];
      const coordinatedParticiple = coordinated && lastHere?.m.kind === 'participle';
      ok = opener || coordinatedParticiple || (atStart && !(prev && gerund.has(prev.w) && text.slice(prev.end, m.start).trim() === ''));
    } else if (m.kind === 'base') {
      // Item-initial forms ("1. Decides", "2. Recognize") only open a numbered item.
      // … or coordinate with an item verb of the same person ("1. Décide … et prie …").
      const itemVerb = here.find((a) => a.m.kind === 'base');
      ok = m.t0 === firstWord || (!!itemVerb && itemVerb.m.person === m.person && m.person !== '' && (phraseBefore(tokens, m.t0, coordinators) || coordinatedAcrossIncise(coordIncise, text.slice(s.start, m.start))));
    } else {
      // A finite verb counts only when the members' subject governs it, or it is coordinated with
      // a verb that does ("… et soutiennent …"); not inside a relative clause or after "to".
      // So "notent que les pays soutiennent …" keeps only "notent".
      const nounUse = !subjectBefore && m.t1 - m.t0 === 1 && nounForms.has(tokens[m.t0]!.w) && nounCues.has(tokens[m.t1]?.w ?? '');
      if (prev && (relative.has(prev.w) || infMarkers.has(prev.w))) ok = false;
      else ok = (subjectBefore || coordinated || m.t0 === firstWord) && !nounUse;
    }
    if (ok) {
      accepted.push({ m, sentence: si });
      here.push({ m, sentence: si });
      acceptedIn.set(si, here);
    }
  }

  // Primary action: the first finite main verb; then the others in text order.
  const finite = accepted.filter((a) => a.m.kind !== 'participle');
  const primary = finite[0] ?? accepted[0];
  const ordered = primary ? [primary, ...accepted.filter((a) => a !== primary)] : [];
  const actions: Action[] = ordered.map(({ m }) => {
    const a: Action = {
      category: m.negated && m.category !== 'commit' && m.category !== 'oppose' ? 'oppose' : m.category,
      text: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      rule: ruleName('actions/lexicon:', m.rule),
      form: m.kind === 'participle' ? 'participle' : 'finite',
    };
    // Added last, as the spread it replaces did (the JSON keys keep that order).
    if (m.negated) a.negated = true;
    return a;
  });

  // Subject: the candidate that governs the primary action's sentence, else the first of the paragraph.
  let subject: SubjectCandidate | null = null;
  if (primary) {
    subject = candidatesOf(primary.sentence).find((cand) => cand.kind !== 'other' && cand.start < primary.m.start) ?? null;
    // "We, the Leaders of …, met … We commit …": the formula names who "we" are.
    if (subject && subject.kind === 'firstPerson') {
      for (let si = 0; si < primary.sentence; si++) {
        const formula = candidatesOf(si).find((cand) => cand.apposition);
        if (formula) { subject = formula; break; }
      }
    }
  } else {
    // The paragraph's first candidate.
    for (let si = 0; si < sentences.length && !subject; si++) subject = candidatesOf(si)[0] ?? null;
  }

  const openingFormula = foldedOpeningFormulas(subjects).some((f) => wordsEndWith(tokens, f));
  // (trimEnd removes exactly the \s characters, so this is /[:：]$/u on the trimmed text.)
  const leadIn = endsWithColon(text, 0, text.length);
  const colonSentences = sentences.filter((s) => endsWithColon(text, s.start, s.end));
  const itemVerb = isListItem(p) && firstWord < tokens.length && /^\p{Lu}/u.test(text.slice(tokens[firstWord]!.start))
    ? { start: tokens[firstWord]!.start, end: tokens[firstWord]!.end } : null;
  return { actions, subject, sentences, openingFormula, leadIn, colonSentences, itemVerb };
}

/**
 * `${prefix}${rule}`, one string per pair: a paragraph's actions and subject name a handful of
 * lexicon entries, and a fresh concatenation per paragraph is one more string to allocate and,
 * at output, to flatten.
 */
const ruleNames = new Map<string, Map<string, string>>();
function ruleName(prefix: string, rule: string): string {
  let byRule = ruleNames.get(prefix);
  if (!byRule) { byRule = new Map(); ruleNames.set(prefix, byRule); }
  let name = byRule.get(rule);
  if (name === undefined) { name = prefix + rule; byRule.set(rule, name); }
  return name;
}

/** A numbered or bulleted item ("1. …", "(a) …", "• …", "- …"). */
export function isListItem(p: Paragraph): boolean {
  return !!p.num || /^\s*[•\-–—*·▪●○]\s/u.test(p.text);
}

/** The subject as the data model wants it, from a candidate (context applied by the caller). */
export function subjectFromCandidate(text: string, cand: SubjectCandidate): Subject {
  const end = trimEnd(text, cand.end);
  const start = cand.start;
  const words = text.slice(start, end);
  // Written out rather than spread from a shared base (a spread per paragraph showed in profiles);
  // the keys keep the order the spread gave them, which the JSON output follows.
  if (cand.kind === 'states') return { scope: 'subset', states: cand.states, qualifier: null, text: words, start, end, rule: 'subject/state-list' };
  if (cand.kind === 'other') return { scope: 'other', states: [], qualifier: null, text: words, start, end, rule: ruleName('subject/lexicon:', cand.rule) };
  if (cand.qualifier) {
    const qualifier = text.slice(cand.qualifier.start, cand.qualifier.end);
    return { scope: 'subset', states: [], qualifier, text: words, start, end, rule: ruleName('subject/qualified:', cand.rule) };
  }
  return { scope: 'all', states: [], qualifier: null, text: words, start, end, rule: ruleName('subject/lexicon:', cand.rule) };
}
