import { isWhiteSpaceCode } from '../../text/whiteSpace.js';
import type { Action, Entity, Paragraph, Subject } from '../../types.js';
import { compileSubjects, findSubjectCandidates, stateMentions, trimEnd, type CompiledSubjects, type SubjectCandidate } from './findSubjects.js';
import type { SubjectLexicon, VerbLexicon } from './lexicons.js';
import { adverbAt, compileLexicon, findVerbMatches, type AdverbIndex, type VerbMatch } from './matchVerbs.js';
import { foldLoose } from '../../text/fold.js';
import { endsWithColon, foldPhrase, readParagraphTokens, splitSentences, WordTokens, type Sentence } from './tokens.js';
import { internWords, WordIdSet } from './vocabulary.js';

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
  /**
   * Whether a token of the paragraph is the first word of a proposal noun (proposalNounStarts):
   * without one the proposals stage finds nothing there. Null when not known (not asked for a
   * paragraph without actions or state mentions, where the stage does not look).
   */
  proposalNoun: boolean | null;
}

interface Accepted { m: VerbMatch; sentence: number }

/**
 * The last character of text[from, to) before trailing white space (String.trimEnd's white
 * space, which is \s), as a code unit; -1 when the span is blank.
 */
function lastMarkBefore(text: string, from: number, to: number): number {
  let k = to;
  while (k > from && isWhiteSpaceCode(text.charCodeAt(k - 1))) k--;
  return k > from ? text.charCodeAt(k - 1) : -1;
}

/**
 * Whether text[from, to) ends with one of `marks` followed only by white space: the test
 * /[marks]\s*$/u on the slice, read backwards from `to` because the regex would scan the
 * whole (often long) slice from its start for every verb.
 */
function endsWithMark(text: string, from: number, to: number, marks: string): boolean {
  const last = lastMarkBefore(text, from, to);
  return last >= 0 && marks.includes(String.fromCharCode(last));
}

/** Whether the tokens right before token t are one of the phrases. */
function phraseBefore(tokens: WordTokens, t: number, phrases: number[][]): boolean {
  for (const p of phrases) if (tokens.endsBefore(t, p)) return true;
  return false;
}

/** Whether the text between a subject's end and a verb holds only adverbs or a comma incise. */
function gapIsClear(text: string, tokens: WordTokens, from: number, to: number, adverbs: AdverbIndex): boolean {
  const gap = text.slice(from, to).trim();
  if (gap === '' || gap === ',') return true;
  if ((gap.startsWith(',') || gap.startsWith('(')) && gap.endsWith(',')) return true;
  if (/^\(.*\)$/u.test(gap)) return true;
  // Every word in the gap an adverb?
  if (gap.length > 200) return false;
  let i = tokens.indexAt(from);
  while (i < tokens.n && tokens.end[i]! <= to) {
    const n = adverbAt(tokens, i, adverbs);
    if (n === 0) return false;
    i += n;
  }
  return !/[.;:]/u.test(gap);
}

/** The position-rule word lists of a verb lexicon, folded and numbered once (cached per lexicon object). */
interface PositionWords {
  relative: WordIdSet;
  infMarkers: WordIdSet;
  gerund: WordIdSet;
  openers: number[][];
  coordinators: number[][];
  nounCues: WordIdSet;
  nounForms: WordIdSet;
  coordIncise: RegExp;
}
const positionWords = new WeakMap<VerbLexicon, PositionWords>();

function compilePositionWords(verbs: VerbLexicon): PositionWords {
  const hit = positionWords.get(verbs);
  if (hit) return hit;
  const coordinators = verbs.coordinators.map(foldPhrase);
  const w: PositionWords = {
    relative: new WordIdSet((verbs.relativeMarkers ?? []).flatMap(foldPhrase)),
    infMarkers: new WordIdSet((verbs.infinitiveMarkers ?? []).flatMap(foldPhrase)),
    gerund: new WordIdSet((verbs.gerundMarkers ?? []).flatMap(foldPhrase)),
    openers: (verbs.participleOpeners ?? []).map((o) => internWords(foldPhrase(o))),
    coordinators: coordinators.map(internWords),
    nounCues: new WordIdSet((verbs.nounCues ?? []).flatMap(foldPhrase)),
    nounForms: new WordIdSet((verbs.nounForms ?? []).flatMap(foldPhrase)),
    coordIncise: new RegExp(`(?:^|[\\s,])(?:${coordinators.map((c) => c.join('\\s+')).join('|')})\\s*,[^,]*,\\s*$`, 'u'),
  };
  positionWords.set(verbs, w);
  return w;
}

/** An opening-formula ending: its words' ids, and its first word (which may end a longer word). */
interface OpeningFormula { ids: number[]; first: string }

/** The opening-formula endings of a subject lexicon, folded once (cached per lexicon). */
const openingFormulas = new WeakMap<SubjectLexicon, OpeningFormula[]>();
function foldedOpeningFormulas(subjects: SubjectLexicon): OpeningFormula[] {
  let hit = openingFormulas.get(subjects);
  if (!hit) {
    hit = subjects.openingFormula.map(foldPhrase).map((words) => ({ ids: internWords(words), first: words[0] ?? '' }));
    openingFormulas.set(subjects, hit);
  }
  return hit;
}

/**
 * Whether the paragraph's words joined by spaces end with the formula's words joined by spaces
 * (the test this replaces, without building the joined paragraph): the last words equal the
 * formula's, except the first formula word, which may end a longer word ("redeclare …").
 */
function wordsEndWith(tokens: WordTokens, formula: OpeningFormula): boolean {
  const k = formula.ids.length;
  if (k === 0) return true;
  const at = tokens.n - k;
  if (at < 0) return false;
  for (let j = 1; j < k; j++) if (tokens.id[at + j] !== formula.ids[j]) return false;
  const end = tokens.end[at]!;
  return end - tokens.start[at]! >= formula.first.length && tokens.folded.startsWith(formula.first, end - formula.first.length);
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

/**
 * The tokens every paragraph is read into (the reading keeps offsets, never the tokens): no
 * arrays to allocate per paragraph. readParagraphClauses does not nest, so one buffer serves.
 */
const paragraphTokens = new WordTokens();

/** A paragraph being read: what the position rules consult, and its sentences' subject candidates found so far. */
class ParagraphRead {
  /**
   * Subject candidates per sentence, found when first needed: the sentences of the verb matches
   * that need them and those up to the subject's; the others' would never be read
   * (findSubjectCandidates has no side effect, so skipping them changes nothing).
   */
  private readonly candidates: (SubjectCandidate[] | undefined)[];

  constructor(
    readonly text: string,
    readonly tokens: WordTokens,
    readonly sentences: Sentence[],
    private readonly subjects: CompiledSubjects,
    private readonly states: Entity[],
    private readonly verbStarts: number[],
    readonly words: PositionWords,
  ) {
    this.candidates = new Array(sentences.length);
  }

  candidatesOf(si: number): SubjectCandidate[] {
    return this.candidates[si] ??= findSubjectCandidates(this.text, this.tokens, this.sentences[si]!, this.subjects, this.states, this.verbStarts);
  }

  /**
   * Whether verb match m (in sentence si) is coordinated: with an earlier action of its sentence
   * ("… et soutiennent …", "…, appellent …"), or, for a finite form, as a second predicate of the
   * sentence's opening subject ("We meet … and commit ourselves …").
   */
  isCoordinated(m: VerbMatch, si: number, earlier: boolean): boolean {
    const { text, tokens, words } = this;
    const s = this.sentences[si]!;
    const afterCoordinator = phraseBefore(tokens, m.t0, words.coordinators);
    if (earlier && (afterCoordinator || endsWithMark(text, s.start, m.start, ',') || coordinatedAcrossIncise(words.coordIncise, text.slice(s.start, m.start)))) return true;
    if (m.kind === 'participle' || !afterCoordinator) return false;
    const first = tokens.indexAt(s.start);
    return this.candidatesOf(si).some((cand) => cand.kind !== 'other' && cand.kind !== 'states' && cand.end <= m.start && cand.t0 === first);
  }
}

/** The index of the first token after a paragraph's item number ("1. Recognize …": the number is a token of digits); 0 without one. */
function firstWordAfterNumber(tokens: WordTokens, num: string | null | undefined): number {
  if (!num) return 0;
  const numWords = foldPhrase(num);
  if (numWords.length === 0) return 0;
  for (let k = 0; k < numWords.length; k++) if (!tokens.is(k, numWords[k]!)) return 0;
  return numWords.length;
}

const UPPER_AT = /\p{Lu}/uy;

/** Whether a token's word is in `words`. */
function someTokenIn(tokens: WordTokens, words: WordIdSet): boolean {
  const ids = tokens.id;
  for (let k = 0; k < tokens.n; k++) if (words.has(ids[k]!)) return true;
  return false;
}

/** `proposalStarts`: the first words of the proposal nouns (proposalNounStarts), compiled before this call; null when unknown. */
export function readParagraphClauses(p: Paragraph, verbs: VerbLexicon, subjects: SubjectLexicon, proposalStarts: WordIdSet | null = null): ClauseReading {
  const text = p.text;
  // The lexicons are numbered before the tokens are read: a token's id is that of a word numbered already.
  const c = compileLexicon(verbs);
  const words = compilePositionWords(verbs);
  const subjectForms = compileSubjects(subjects);
  const formulas = foldedOpeningFormulas(subjects);
  const tokens = readParagraphTokens(text, paragraphTokens);
  const sentences = splitSentences(text);
  const matches = findVerbMatches(tokens, text, c);
  const { relative, infMarkers, gerund, openers, nounCues, nounForms } = words;
  // A participle right after a noun ("Member States concerned") qualifies it: not a verb there.
  const verbStarts: number[] = [];
  for (const m of matches) if (m.kind !== 'participle' || endsWithMark(text, 0, m.start, ',(')) verbStarts.push(m.start);
  const states = stateMentions(p.entities);
  const read = new ParagraphRead(text, tokens, sentences, subjectForms, states, verbStarts, words);
  const firstWord = firstWordAfterNumber(tokens, p.num);
  // Per sentence: the actions accepted so far (the loop below reads the last one often).
  const acceptedIn: (Accepted[] | undefined)[] = new Array(sentences.length);

  const accepted: Accepted[] = [];
  for (const m of matches) {
    const si = sentenceOf(sentences, m.start);
    const s = sentences[si]!;
    const here = acceptedIn[si] ?? [];
    const earlier = here.length > 0;
    const prev = m.t0 > 0 ? m.t0 - 1 : -1;
    const prevId = tokens.idAt(prev);
    let ok = false;
    if (m.kind === 'participle') {
      const opener = phraseBefore(tokens, m.t0, openers);
      const last = lastMarkBefore(text, s.start, m.start);
      const atStart = m.t0 <= firstWord || last < 0 || PARTICIPLE_OPENING_MARKS.includes(String.fromCharCode(last));
      const lastHere = here[here.length - 1];
      const coordinatedParticiple = lastHere?.m.kind === 'participle' && read.isCoordinated(m, si, earlier);
      ok = opener || coordinatedParticiple || (atStart && !(prev >= 0 && gerund.has(prevId) && lastMarkBefore(text, tokens.end[prev]!, m.start) < 0));
    } else if (m.kind === 'base') {
      // Item-initial forms ("1. Decides", "2. Recognize") only open a numbered item.
      // … or coordinate with an item verb of the same person ("1. Décide … et prie …").
      const itemVerb = here.find((a) => a.m.kind === 'base');
      ok = m.t0 === firstWord || (!!itemVerb && itemVerb.m.person === m.person && m.person !== '' && (phraseBefore(tokens, m.t0, words.coordinators) || coordinatedAcrossIncise(words.coordIncise, text.slice(s.start, m.start))));
    } else if (prev >= 0 && (relative.has(prevId) || infMarkers.has(prevId))) {
      // A finite verb counts only when the members' subject governs it, or it is coordinated with
      // a verb that does ("… et soutiennent …"); not inside a relative clause or after "to".
      // So "notent que les pays soutiennent …" keeps only "notent".
      ok = false;
    } else {
      // The nearest subject before the verb (only it can govern the verb directly).
      const nearest = nearestSubjectBefore(read.candidatesOf(si), m.start);
      const subjectBefore = !!nearest && gapIsClear(text, tokens, nearest.end, m.start, c.adverbs);
      const nounUse = !subjectBefore && m.t1 - m.t0 === 1 && nounForms.has(tokens.id[m.t0]!) && nounCues.has(tokens.idAt(m.t1));
      ok = !nounUse && (subjectBefore || m.t0 === firstWord || read.isCoordinated(m, si, earlier));
    }
    if (ok) {
      accepted.push({ m, sentence: si });
      here.push({ m, sentence: si });
      acceptedIn[si] = here;
    }
  }

  // Primary action: the first finite main verb; then the others in text order.
  const primary = accepted.find((a) => a.m.kind !== 'participle') ?? accepted[0];
  const ordered = primary ? [primary, ...accepted.filter((a) => a !== primary)] : [];
  // Pushed onto a literal, not made by ordered.map: map's result is holey once optimised code
  // inlines it and packed before, and the stages reading actions deoptimised on the change.
  const actions: Action[] = [];
  for (const { m } of ordered) {
    actions.push({
      category: m.negated && m.category !== 'commit' && m.category !== 'oppose' ? 'oppose' : m.category,
      text: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      rule: ruleName('actions/lexicon:', m.rule),
      form: m.kind === 'participle' ? 'participle' : 'finite',
      // Last, as the spread it replaces had it (the JSON keys keep that order); always made
      // (undefined, left out of the JSON, when not negated) so that every action has one hidden class.
      negated: m.negated ? true : undefined,
    });
  }

  // Subject: the candidate that governs the primary action's sentence, else the first of the paragraph.
  let subject: SubjectCandidate | null = null;
  if (primary) {
    subject = read.candidatesOf(primary.sentence).find((cand) => cand.kind !== 'other' && cand.start < primary.m.start) ?? null;
    // "We, the Leaders of …, met … We commit …": the formula names who "we" are.
    if (subject && subject.kind === 'firstPerson') {
      for (let si = 0; si < primary.sentence; si++) {
        const formula = read.candidatesOf(si).find((cand) => cand.apposition);
        if (formula) { subject = formula; break; }
      }
    }
  } else {
    // The paragraph's first candidate.
    for (let si = 0; si < sentences.length && !subject; si++) subject = read.candidatesOf(si)[0] ?? null;
  }

  const openingFormula = formulas.some((f) => wordsEndWith(tokens, f));
  // (trimEnd removes exactly the \s characters, so this is /[:：]$/u on the trimmed text.)
  const leadIn = endsWithColon(text, 0, text.length);
  const colonSentences = sentences.filter((s) => endsWithColon(text, s.start, s.end));
  let itemVerb: ClauseReading['itemVerb'] = null;
  if (isListItem(p) && firstWord < tokens.n) {
    UPPER_AT.lastIndex = tokens.start[firstWord]!;
    if (UPPER_AT.test(text)) itemVerb = { start: tokens.start[firstWord]!, end: tokens.end[firstWord]! };
  }
  // Asked for only where the proposals stage looks (actions and a state), else left unknown.
  const proposalNoun = proposalStarts && actions.length > 0 && states.length > 0 ? someTokenIn(tokens, proposalStarts) : null;
  return { actions, subject, sentences, openingFormula, leadIn, colonSentences, itemVerb, proposalNoun };
}

/** The marks after which a participle opens a clause (/[,(:;—–-]$/u on the text before it). */
const PARTICIPLE_OPENING_MARKS = ',(:;—–-';

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
