import { isWhiteSpaceCode } from '../../text/whiteSpace.js';
import type { Entity } from '../../types.js';
import type { SubjectLexicon } from './lexicons.js';
import { startsWithComma } from './matchVerbs.js';
import { foldPhrase, type Sentence, type WordTokens } from './tokens.js';
import { byWordId, internWords, WordIdSet } from './vocabulary.js';

/**
 * Subject candidates of one sentence: the members as a body ("Les États membres", "The
 * Member States", "Leaders"), first person ("We", "Nous"), an anaphoric pronoun ("Ils",
 * "They"), named states at the start of the sentence, or someone else ("La présidence").
 * A candidate after a preposition or article ("des États membres", "of the Member States")
 * is a complement, not a subject, and is skipped. Reads the subject lexicon and the
 * paragraph's state mentions; writes nothing.
 */
export type SubjectKind = 'members' | 'firstPerson' | 'anaphora' | 'states' | 'other';

export interface SubjectCandidate {
  kind: SubjectKind;
  rule: string;
  /** Token range of the head words. */
  t0: number;
  t1: number;
  start: number;
  /** End of the subject's text (after apposition, qualifier or genitive extension). */
  end: number;
  qualifier: { start: number; end: number } | null;
  states: string[];
  /** "We, the Leaders of …," : the apposition of the opening formula. */
  apposition: boolean;
}

interface SubjectForm { words: number[]; kind: SubjectKind; rule: string }

export interface CompiledSubjects {
  /**
   * The forms (word ids) indexed by their first word's id, each list longest first (the order a
   * scan over all forms tried them in), so a token costs one array read instead of a loop over every form.
   */
  byFirst: (SubjectForm[] | undefined)[];
  /** The ids byFirst has a list for (a one-byte gate per token). */
  opens: WordIdSet;
  /** Forms with no word at all (they match anywhere): tried after the others, as before. */
  empty: SubjectForm[];
  notAfter: WordIdSet;
  qualifierStarts: number[][];
  otherVerbs: number[][];
  listJoiners: Set<string>;
  genitive: WordIdSet | null;
}
const cache = new WeakMap<SubjectLexicon, CompiledSubjects>();

/** The subject lexicon folded and numbered once (cached per lexicon object); compile it before reading tokens. */
export function compileSubjects(lex: SubjectLexicon): CompiledSubjects {
  const hit = cache.get(lex);
  if (hit) return hit;
  const forms: SubjectForm[] = [];
  const form = (f: string, kind: SubjectKind, rule: string): SubjectForm => ({ words: internWords(foldPhrase(f)), kind, rule });
  for (const g of lex.members) for (const f of g.forms) forms.push(form(f, 'members', g.id));
  for (const f of lex.firstPerson) forms.push(form(f, 'firstPerson', `${lex.language}.subject.first-person`));
  for (const f of lex.anaphora) forms.push(form(f, 'anaphora', `${lex.language}.subject.anaphora`));
  for (const g of lex.other) for (const f of g.forms) forms.push(form(f, 'other', g.id));
  forms.sort((a, b) => b.words.length - a.words.length);
  const byFirst: (SubjectForm[] | undefined)[] = [];
  for (const f of forms) if (f.words.length > 0) (byFirst[f.words[0]!] ??= []).push(f);
  const c: CompiledSubjects = {
    byFirst,
    opens: new WordIdSet([], forms.filter((f) => f.words.length > 0).map((f) => f.words[0]!)),
    empty: forms.filter((f) => f.words.length === 0),
    notAfter: new WordIdSet(lex.notAfter.flatMap(foldPhrase)),
    qualifierStarts: lex.qualifierStarts.map((q) => internWords(foldPhrase(q))),
    otherVerbs: lex.otherVerbs.map((v) => internWords(foldPhrase(v))),
    listJoiners: new Set(lex.listJoiners.flatMap(foldPhrase)),
    genitive: lex.genitiveWords ? new WordIdSet(lex.genitiveWords.flatMap(foldPhrase)) : null,
  };
  cache.set(lex, c);
  return c;
}

/**
 * The paragraph's state mentions (with a reference) in text order, as findSubjectCandidates
 * reads them: filtered and sorted once per paragraph instead of once per sentence (the sort is
 * stable, so a sentence's share of this list is in the order its own sort gave).
 */
export function stateMentions(entities: Entity[] | undefined): Entity[] {
  if (!entities || entities.length === 0) return [];
  const out: Entity[] = [];
  let sorted = true;
  for (const e of entities) {
    if (e.type !== 'state' || !e.ref) continue;
    if (out.length > 0 && e.start < out[out.length - 1]!.start) sorted = false;
    out.push(e);
  }
  // The entities stage writes its mentions sorted by start: a stable sort would keep this order.
  return sorted ? out : out.sort((a, b) => a.start - b.start);
}

/** The mentions of `states` (sorted by start) that lie inside the sentence, in that order. */
function statesIn(states: Entity[], sentence: Sentence): Entity[] {
  if (states.length === 0) return states;
  const out: Entity[] = [];
  for (const e of states) if (e.start >= sentence.start && e.end <= sentence.end) out.push(e);
  return out;
}

/** The first verb offset (in match order) in [from, to); -1 when none. */
function nextVerb(verbStarts: number[], from: number, to: number): number {
  for (const s of verbStarts) if (s >= from && s < to) return s;
  return -1;
}

/** The offset of the first of ",(;:" in text[from, to), -1 when none. */
function firstBreak(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 0x2c || ch === 0x28 || ch === 0x3b || ch === 0x3a) return k;
  }
  return -1;
}

/**
 * Finds the subject candidates of a sentence, in text order, with the compiled subject lexicon.
 * `states` are the paragraph's state mentions from stateMentions. `verbStarts` are the offsets
 * of verb matches in the paragraph: a subject's extension (qualifier, genitive)
 * stops at the first verb after it.
 */
export function findSubjectCandidates(
  text: string,
  tokens: WordTokens,
  sentence: Sentence,
  c: CompiledSubjects,
  paragraphStates: Entity[],
  verbStarts: number[],
): SubjectCandidate[] {
  const out: SubjectCandidate[] = [];
  const first = tokens.indexAt(sentence.start);
  const last = tokens.indexAt(sentence.end) - 1;
  if (first >= tokens.n || last < first) return out;

  // Named states opening the sentence: "La République du Bélarus, …, et la République d'Ouzbékistan".
  const states = statesIn(paragraphStates, sentence);
  if (states.length > 0 && states[0]!.start - sentence.start <= 6 && /^\s*(?:\p{L}+'?\s*)?$/u.test(text.slice(sentence.start, states[0]!.start))) {
    const chain = [states[0]!];
    for (const s of states.slice(1)) {
      const gap = text.slice(chain[chain.length - 1]!.end, s.start);
      const gapWords = foldPhrase(gap);
      if (/^[\s,]*$/u.test(gap.replace(/\p{L}+'?/gu, '')) && gapWords.length <= 3 && gapWords.every((w) => c.listJoiners.has(w) || w.length <= 3)) chain.push(s);
      else break;
    }
    const v = nextVerb(verbStarts, chain[chain.length - 1]!.end, sentence.end);
    if (v < 0 || /^[\s,]*$/u.test(text.slice(chain[chain.length - 1]!.end, v)) || text.slice(chain[chain.length - 1]!.end, v).trim().startsWith(',')) {
      const t0 = first;
      out.push({
        kind: 'states', rule: 'subject/state-list', t0, t1: t0 + 1, start: sentence.start, end: chain[chain.length - 1]!.end,
        qualifier: null, states: [...new Set(chain.map((e) => e.ref!))], apposition: false,
      });
    }
  }

  const anywhere = c.empty.length > 0;
  const ids = tokens.id;
  for (let i = first; i <= last; i++) {
    if (!anywhere && !c.opens.has(ids[i]!)) continue;
    const list = byWordId(c.byFirst, ids[i]!);
    for (const f of anywhere ? [...(list ?? []), ...c.empty] : list!) {
      if (!tokens.wordsAt(i, f.words)) continue;
      const t1 = i + f.words.length;
      if (t1 - 1 > last) continue;
      if (i > first && c.notAfter.has(ids[i - 1]!)) continue;
      out.push(candidateAt(text, tokens, sentence, c, verbStarts, f, i, t1, last));
      i = t1 - 1;
      break;
    }
  }
  // In text order as found: a state list starts at the sentence start, each form at a later token.
  return out;
}

/** The candidate of form f on tokens [i, t1), with its extension (apposition, qualifier, genitive, other subject's phrase). */
function candidateAt(
  text: string, tokens: WordTokens, sentence: Sentence, c: CompiledSubjects, verbStarts: number[],
  f: SubjectForm, i: number, t1: number, last: number,
): SubjectCandidate {
  const start = tokens.start[i]!;
  let end = tokens.end[t1 - 1]!;
  let qualifier: SubjectCandidate['qualifier'] = null;
  let apposition = false;
  const commaAfter = startsWithComma(text, end, sentence.end);
  const v = nextVerb(verbStarts, end, sentence.end);
  if (f.kind === 'firstPerson' && commaAfter) {
    // "We, the Leaders of …," : the apposition runs to the next comma outside parentheses.
    const close = findCommaOutsideParens(text, text.indexOf(',', end) + 1, sentence.end);
    if (close > 0 && (v < 0 || close <= v)) {
      end = trimEnd(text, close);
      apposition = true;
    }
  } else if (f.kind === 'members' && t1 <= last && !commaAfter) {
    const q = c.qualifierStarts.some((qs) => tokens.wordsAt(t1, qs));
    const stop = v >= 0 ? v : -1;
    if (q && stop > 0) {
      qualifier = { start: tokens.start[t1]!, end: trimEnd(text, stop) };
      end = qualifier.end;
    } else if ((stop < 0 || stop > tokens.start[t1]!) && (!c.genitive || c.genitive.has(tokens.id[t1]!))) {
      // Genitive extension: "Les dirigeants des États membres de l'OCS (…)" up to "(", "," or the verb.
      const limit = stop > 0 ? stop : sentence.end;
      const m = firstBreak(text, end, limit);
      const e = m >= 0 ? m : limit;
      if (stop > 0 || m >= 0) end = trimEnd(text, e);
    }
  } else if (f.kind === 'other') {
    for (let k = t1; k <= last; k++) {
      if (c.otherVerbs.some((ov) => tokens.wordsAt(k, ov))) { end = trimEnd(text, tokens.start[k]!); break; }
    }
  }
  return { kind: f.kind, rule: f.rule, t0: i, t1, start, end, qualifier, states: [], apposition };
}

function findCommaOutsideParens(text: string, from: number, to: number): number {
  let depth = 0;
  for (let k = from; k < to; k++) {
    const ch = text[k]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if ((ch === ',' || ch === '，') && depth === 0) return k;
  }
  return -1;
}

/** Moves an end offset back over white space. */
export function trimEnd(text: string, end: number): number {
  while (end > 0 && isWhiteSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}
