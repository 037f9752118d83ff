import { isWhiteSpaceCode } from '../../text/whiteSpace.js';
import type { Entity } from '../../types.js';
import type { SubjectLexicon } from './lexicons.js';
import { foldPhrase, tokenIndexAt, type Sentence, type Token } from './tokens.js';
import { WordFilter } from './wordFilter.js';

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

interface SubjectForm { words: string[]; kind: SubjectKind; rule: string }

interface CompiledSubjects {
  /**
   * The forms indexed by first word, each list longest first (the order a scan over all
   * forms tried them in), so a token costs one Map get instead of a loop over every form.
   */
  byFirst: Map<string, SubjectForm[]>;
  /** Gate before byFirst look-ups: most tokens open no form. */
  firstWords: WordFilter;
  /** Forms with no word at all (they match anywhere): tried after the others, as before. */
  empty: SubjectForm[];
  notAfter: Set<string>;
  qualifierStarts: string[][];
  otherVerbs: string[][];
  listJoiners: Set<string>;
  genitive: Set<string> | null;
}
const cache = new WeakMap<SubjectLexicon, CompiledSubjects>();

function compile(lex: SubjectLexicon): CompiledSubjects {
  const hit = cache.get(lex);
  if (hit) return hit;
  const forms: SubjectForm[] = [];
  for (const g of lex.members) for (const f of g.forms) forms.push({ words: foldPhrase(f), kind: 'members', rule: g.id });
  for (const f of lex.firstPerson) forms.push({ words: foldPhrase(f), kind: 'firstPerson', rule: `${lex.language}.subject.first-person` });
  for (const f of lex.anaphora) forms.push({ words: foldPhrase(f), kind: 'anaphora', rule: `${lex.language}.subject.anaphora` });
  for (const g of lex.other) for (const f of g.forms) forms.push({ words: foldPhrase(f), kind: 'other', rule: g.id });
  forms.sort((a, b) => b.words.length - a.words.length);
  const byFirst = new Map<string, SubjectForm[]>();
  for (const f of forms) if (f.words.length > 0) byFirst.set(f.words[0]!, [...(byFirst.get(f.words[0]!) ?? []), f]);
  const c: CompiledSubjects = {
    byFirst,
    firstWords: new WordFilter(byFirst.keys()),
    empty: forms.filter((f) => f.words.length === 0),
    notAfter: new Set(lex.notAfter.flatMap(foldPhrase)),
    qualifierStarts: lex.qualifierStarts.map(foldPhrase),
    otherVerbs: lex.otherVerbs.map(foldPhrase),
    listJoiners: new Set(lex.listJoiners.flatMap(foldPhrase)),
    genitive: lex.genitiveWords ? new Set(lex.genitiveWords.flatMap(foldPhrase)) : null,
  };
  cache.set(lex, c);
  return c;
}

function wordsAt(tokens: Token[], i: number, words: string[]): boolean {
  if (i + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) if (tokens[i + k]!.w !== words[k]) return false;
  return true;
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

/**
 * Finds the subject candidates of a sentence, in text order.
 * `states` are the paragraph's state mentions from stateMentions. `verbStarts` are the offsets
 * of verb matches in the paragraph: a subject's extension (qualifier, genitive) stops at the
 * first verb after it.
 */
export function findSubjectCandidates(
  text: string,
  tokens: Token[],
  sentence: Sentence,
  lex: SubjectLexicon,
  paragraphStates: Entity[],
  verbStarts: number[],
): SubjectCandidate[] {
  const c = compile(lex);
  const out: SubjectCandidate[] = [];
  const first = tokenIndexAt(tokens, sentence.start);
  const last = tokenIndexAt(tokens, sentence.end) - 1;
  if (first >= tokens.length || last < first) return out;
  const nextVerb = (from: number) => verbStarts.find((s) => s >= from && s < sentence.end) ?? -1;

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
    const v = nextVerb(chain[chain.length - 1]!.end);
    if (v < 0 || /^[\s,]*$/u.test(text.slice(chain[chain.length - 1]!.end, v)) || text.slice(chain[chain.length - 1]!.end, v).trim().startsWith(',')) {
      const t0 = first;
      out.push({
        kind: 'states', rule: 'subject/state-list', t0, t1: t0 + 1, start: sentence.start, end: chain[chain.length - 1]!.end,
        qualifier: null, states: [...new Set(chain.map((e) => e.ref!))], apposition: false,
      });
    }
  }

  const anywhere = c.empty.length > 0;
  for (let i = first; i <= last; i++) {
    const w = tokens[i]!.w;
    const list = c.firstWords.mayHave(w) ? c.byFirst.get(w) : undefined;
    if (!list && !anywhere) continue;
    for (const f of anywhere ? [...(list ?? []), ...c.empty] : list!) {
      if (!wordsAt(tokens, i, f.words)) continue;
      const t1 = i + f.words.length;
      if (t1 - 1 > last) continue;
      if (i > first && c.notAfter.has(tokens[i - 1]!.w)) continue;
      const start = tokens[i]!.start;
      let end = tokens[t1 - 1]!.end;
      let qualifier: SubjectCandidate['qualifier'] = null;
      let apposition = false;
      const after = text.slice(end, sentence.end);
      const v = nextVerb(end);
      if (f.kind === 'firstPerson' && /^\s*,/u.test(after)) {
        // "We, the Leaders of …," : the apposition runs to the next comma outside parentheses.
        const close = findCommaOutsideParens(text, end + after.indexOf(',') + 1, sentence.end);
        if (close > 0 && (v < 0 || close <= v)) {
          end = trimEnd(text, close);
          apposition = true;
        }
      } else if (f.kind === 'members' && t1 <= last && !/^\s*,/u.test(after)) {
        const q = c.qualifierStarts.some((qs) => wordsAt(tokens, t1, qs));
        const stop = v >= 0 ? v : -1;
        if (q && stop > 0) {
          qualifier = { start: tokens[t1]!.start, end: trimEnd(text, stop) };
          end = qualifier.end;
        } else if ((stop < 0 || stop > tokens[t1]!.start) && (!c.genitive || c.genitive.has(tokens[t1]!.w))) {
          // Genitive extension: "Les dirigeants des États membres de l'OCS (…)" up to "(", "," or the verb.
          const limit = stop > 0 ? stop : sentence.end;
          const m = /[,(;:]/u.exec(text.slice(end, limit));
          const e = m ? end + m.index : limit;
          if (stop > 0 || m) end = trimEnd(text, e);
        }
      } else if (f.kind === 'other') {
        for (let k = t1; k <= last; k++) {
          if (c.otherVerbs.some((ov) => wordsAt(tokens, k, ov))) { end = trimEnd(text, tokens[k]!.start); break; }
        }
      }
      out.push({ kind: f.kind, rule: f.rule, t0: i, t1, start, end, qualifier, states: [], apposition });
      i = t1 - 1;
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
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
