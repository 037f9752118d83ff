import { isWhiteSpaceCode } from '../../text/whiteSpace.js';
import type { ActionCategory } from '../../types.js';
import type { VerbLexicon } from './lexicons.js';
import { foldPhrase, type WordTokens } from './tokens.js';
import { byWordId, internWord, internWords, WordIdSet } from './vocabulary.js';

/**
 * Finds operative-verb candidates in a paragraph's tokens from a verb lexicon: plain forms,
 * auxiliary + past participle (with adverbs or a comma incise in between), participles,
 * bare item-initial forms, token-shape patterns (French future) and light-verb locutions
 * classed by their noun. Position (is this the members' verb?) is judged later, in
 * selectActions.ts; this module only knows the words.
 */
export type FormKind = 'finite' | 'perfect' | 'participle' | 'base';

export interface VerbMatch {
  rule: string;
  category: ActionCategory;
  kind: FormKind;
  /** Token range [t0, t1). */
  t0: number;
  t1: number;
  start: number;
  end: number;
  negated: boolean;
  negatedOnly: boolean;
  /** 'third' for third-person item forms ("Décide"), '' otherwise. */
  person: string;
}

interface CompiledForm {
  /** Vocabulary ids of the form's folded words. */
  words: number[];
  rule: string;
  category: ActionCategory;
  kind: FormKind;
  /** Index of the word after which an incise may stand (auxiliary → participle). */
  inciseAfter: number;
  negatedOnly: boolean;
  takesVerb: boolean;
  /** Light verb: category comes from the noun that follows. */
  light: boolean;
  thatCategory?: ActionCategory;
  person: string;
}

/**
 * Adverb phrases (word ids) indexed by their first word's id, longest first within each list (the
 * order the old linear scan over all adverbs tried them in), so a look-up is one array read per token.
 */
export type AdverbIndex = (number[][] | undefined)[];

interface LightNoun { rule: string; category: ActionCategory; withVerb?: ActionCategory }

export interface CompiledLexicon {
  /** The forms by their first word's id, in lexicon order. */
  byFirst: (CompiledForm[] | undefined)[];
  /** The ids byFirst has a list for: the gate findVerbMatches asks for every token (one byte read). */
  opensForm: WordIdSet;
  /**
   * The same forms by first word id, then by second word id (one-word forms under 0), each with
   * its place in its byFirst list. An auxiliary ("ont", "have") opens hundreds of perfect forms;
   * a token only needs those whose second word can stand where matchForm looks for it.
   */
  bySecond: (Map<number, { f: CompiledForm; order: number }[]> | undefined)[];
  adverbs: AdverbIndex;
  /** Negations before the verb; `short`: a one-word negation of at most three letters, which needs an `after` word. */
  negBefore: { words: number[]; short: boolean }[];
  negAfter: WordIdSet;
  possessives: WordIdSet;
  /** Light nouns by word id (a token is one word, so only one-word nouns can match it). */
  nouns: (LightNoun | undefined)[];
  complementMarkers: WordIdSet;
  complementVerb: RegExp | null;
  complementizers: WordIdSet;
  patterns: { re: RegExp; exclude: Set<string>; rule: string; category: ActionCategory; kind: FormKind; continuations: number[][]; prefixes: WordIdSet }[];
  /**
   * Per folded word, the index of the first pattern it matches (-1: none). A pattern's test
   * depends on the word alone, and the patterns ("\p{L}{2,}(?:eront|…)") backtrack over the
   * whole word, so each distinct word is tested once. Cleared when it grows large.
   */
  patternOfWord: Map<string, number>;
  /**
   * Endings one of which every pattern match has (null: some pattern has none that suffixGate
   * can read), grouped by their last code unit: a word with none of them matches no pattern,
   * without the patternOfWord look-up, and most words' last unit ends none of them.
   */
  patternEndings: (string[] | undefined)[] | null;
}

const compiled = new WeakMap<VerbLexicon, CompiledLexicon>();

/** An array indexed by word id from a list of (id, value) pairs, values of one id gathered in order. */
function listsById<T>(pairs: [number, T][]): (T[] | undefined)[] {
  const out: (T[] | undefined)[] = [];
  for (const [id, v] of pairs) (out[id] ??= []).push(v);
  return out;
}

/** Expands a lexicon into word-id sequences indexed by their first word (cached per lexicon object). */
export function compileLexicon(lex: VerbLexicon): CompiledLexicon {
  const hit = compiled.get(lex);
  if (hit) return hit;
  const forms: CompiledForm[] = [];
  const add = (f: CompiledForm) => { if (f.words.length > 0) forms.push(f); };
  const auxes = lex.auxiliaries.map(foldPhrase);
  const pAuxes = (lex.participleAuxiliaries ?? []).map(foldPhrase);
  const addForms = (rule: string, category: ActionCategory, e: { finite?: string[]; perfect?: string[]; participle?: string[]; base?: string[]; negatedOnly?: boolean; takesVerb?: boolean; thatCategory?: ActionCategory; person?: string }, light: boolean) => {
    // Every form made by one object literal, its fields always in the same order: spreading a
    // shared base gave the forms some 500 hidden classes, and each read of a form's field in
    // findVerbMatches and matchForm then took V8's slowest (megamorphic) property look-up.
    const form = (words: number[], kind: FormKind, inciseAfter: number): CompiledForm => ({
      words, rule, category, kind, inciseAfter, negatedOnly: !!e.negatedOnly, takesVerb: !!e.takesVerb, light, thatCategory: e.thatCategory, person: e.person ?? '',
    });
    for (const s of e.finite ?? []) add(form(internWords(foldPhrase(s)), 'finite', -1));
    for (const s of e.base ?? []) add(form(internWords(foldPhrase(s)), 'base', -1));
    for (const s of e.participle ?? []) add(form(internWords(foldPhrase(s)), 'participle', -1));
    for (const s of e.perfect ?? []) {
      const w = foldPhrase(s);
      for (const a of auxes) add(form(internWords([...a, ...w]), 'perfect', a.length - 1));
      for (const a of pAuxes) add(form(internWords([...a, ...w]), 'participle', -1));
    }
  };
  for (const e of lex.entries) addForms(e.id, e.category, e, false);
  for (const lv of lex.lightVerbs ?? []) addForms(lv.id, 'affirm', lv, true);
  const byFirst = listsById(forms.map((f): [number, CompiledForm] => [f.words[0]!, f]));
  const nouns: (LightNoun | undefined)[] = [];
  for (const n of lex.lightNouns ?? []) {
    for (const w of n.nouns) {
      const words = foldPhrase(w);
      if (words.length === 1) nouns[internWord(words[0]!)] = { rule: n.id, category: n.category, withVerb: n.withVerbCategory };
    }
  }
  const bySecond: CompiledLexicon['bySecond'] = [];
  byFirst.forEach((list, first) => {
    const m = new Map<number, { f: CompiledForm; order: number }[]>();
    list!.forEach((f, order) => {
      const second = f.words[1] ?? 0;
      m.set(second, [...(m.get(second) ?? []), { f, order }]);
    });
    bySecond[first] = m;
  });
  const c: CompiledLexicon = {
    byFirst,
    opensForm: new WordIdSet([], forms.map((f) => f.words[0]!)),
    bySecond,
    adverbs: indexAdverbs(lex.adverbs.map(foldPhrase).sort((a, b) => b.length - a.length)),
    negBefore: (lex.negation?.before ?? []).map(foldPhrase).map((nb) => ({ words: internWords(nb), short: nb.length === 1 && nb[0]!.length <= 3 })),
    negAfter: new WordIdSet((lex.negation?.after ?? []).flatMap(foldPhrase)),
    possessives: new WordIdSet((lex.possessives ?? []).flatMap(foldPhrase)),
    nouns,
    complementMarkers: new WordIdSet((lex.complementMarkers ?? []).flatMap(foldPhrase)),
    complementVerb: lex.complementVerb ? new RegExp(lex.complementVerb, 'u') : null,
    complementizers: new WordIdSet((lex.complementizers ?? []).flatMap(foldPhrase)),
    patterns: (lex.patterns ?? []).map((p) => ({
      re: new RegExp(`^(?:${p.word})$`, 'u'),
      exclude: new Set(p.exclude?.flatMap(foldPhrase) ?? []),
      rule: p.id,
      category: p.category,
      kind: p.form,
      continuations: (p.continuations ?? []).map((cont) => internWords(foldPhrase(cont))),
      prefixes: new WordIdSet((p.prefixes ?? []).flatMap(foldPhrase)),
    })),
    patternOfWord: new Map(),
    patternEndings: patternEndingsOf((lex.patterns ?? []).map((p) => p.word)),
  };
  compiled.set(lex, c);
  return c;
}

/**
 * The endings of every pattern (see suffixGate) by their last code unit (an array indexed by the
 * unit: read for every token of a paragraph, where a Map look-up cost more), or null when one
 * pattern has none.
 */
function patternEndingsOf(sources: string[]): (string[] | undefined)[] | null {
  const out: (string[] | undefined)[] = [];
  for (const src of sources) {
    const endings = suffixGate(src);
    if (!endings) return null;
    for (const e of endings) {
      const last = e.charCodeAt(e.length - 1);
      // Filled up to the unit first, so that the array stays a plain list rather than a sparse table.
      while (out.length <= last) out.push(undefined);
      out[last] = [...(out[last] ?? []), e];
    }
  }
  return out;
}

/**
 * The literal endings a word pattern ends with, when its source is a plain prefix followed by a
 * final group of letter-only alternatives ("\p{L}{2,}(?:eront|iront|…)"): the prefix then has
 * no alternation or group, so every word the anchored pattern matches ends with one of them.
 * Null for any other shape (no gate).
 */
export function suffixGate(source: string): string[] | null {
  const m = /^([^|()]*)\(\?:([\p{L}|]+)\)$/u.exec(source);
  if (!m) return null;
  // An escaped "(" would not open the group ("a\(?:x|y)"): odd trailing backslashes.
  if (/(?:^|[^\\])(?:\\\\)*\\$/.test(m[1]!)) return null;
  const alts = m[2]!.split('|');
  return alts.every((a) => a.length > 0) ? alts : null;
}

/** Whether the folded word s[start, end) ends with one of the endings (a code-unit loop: short words, a few endings). */
function endsWithAny(s: string, start: number, end: number, endings: string[]): boolean {
  for (let e = 0; e < endings.length; e++) {
    const x = endings[e]!;
    const off = end - x.length;
    if (off < start) continue;
    let k = x.length - 1;
    while (k >= 0 && s.charCodeAt(off + k) === x.charCodeAt(k)) k--;
    if (k < 0) return true;
  }
  return false;
}

function indexAdverbs(sorted: string[][]): AdverbIndex {
  // An empty phrase has length 0, which adverbAt reports as "no adverb" anyway.
  return listsById(sorted.filter((a) => a.length > 0).map((a): [number, number[]] => { const ids = internWords(a); return [ids[0]!, ids]; }));
}

/** Length in tokens of the adverb phrase starting at i (0 when none). */
export function adverbAt(tokens: WordTokens, i: number, adverbs: AdverbIndex): number {
  if (i >= tokens.n) return 0;
  const list = byWordId(adverbs, tokens.id[i]!);
  if (!list) return 0;
  for (const a of list) if (tokens.wordsAt(i, a)) return a.length;
  return 0;
}

function skipAdverbs(tokens: WordTokens, i: number, adverbs: AdverbIndex): number {
  for (let guard = 0; guard < 4; guard++) {
    const n = adverbAt(tokens, i, adverbs);
    if (n === 0) break;
    i += n;
  }
  return i;
}

/**
 * Where matchForm goes on after a comma incise that opens right before token j ("ont, prenant en
 * compte …, confirmé"): past the next comma within 15 tokens and the adverbs after it; -1 when
 * there is no incise there.
 */
function afterIncise(tokens: WordTokens, text: string, j: number, c: CompiledLexicon): number {
  const n = tokens.n;
  if (j >= n || !startsWithComma(text, tokens.end[j - 1]!, tokens.start[j]!)) return -1;
  let m = j + 1;
  while (m < n && m - j < 15 && !hasComma(text, tokens.end[m - 1]!, tokens.start[m]!)) m++;
  return m < n && m - j < 15 ? skipAdverbs(tokens, m, c.adverbs) : -1;
}

/** Matches one compiled form at token i; returns the token index after it, or -1. */
function matchForm(tokens: WordTokens, text: string, i: number, f: CompiledForm, c: CompiledLexicon): number {
  const n = tokens.n;
  const ids = tokens.id;
  let j = i;
  for (let k = 0; k < f.words.length; k++) {
    if (k > 0 && (j >= n || ids[j] !== f.words[k])) {
      j = skipAdverbs(tokens, j, c.adverbs);
      if (k - 1 === f.inciseAfter) {
        const m = afterIncise(tokens, text, j, c);
        if (m >= 0) j = m;
      }
    }
    if (j >= n || ids[j] !== f.words[k]) return -1;
    j++;
  }
  if (f.takesVerb) {
    const v = skipAdverbs(tokens, j, c.adverbs);
    if (v >= n) return -1;
    j = v + 1;
  }
  return j;
}

/**
 * The forms worth trying at token i, in byFirst order (the first longest match wins, so the
 * order matters). matchForm reads a form's second word at i+1, after adverbs there, or after
 * a comma incise and adverbs: a form whose second word is at none of these places fails, so
 * only the one-word forms and the forms with one of those second words are returned.
 */
function formsAt(tokens: WordTokens, text: string, i: number, c: CompiledLexicon): CompiledForm[] {
  const first = tokens.id[i]!;
  const all = byWordId(c.byFirst, first);
  if (!all || all.length <= 8) return all ?? NO_FORMS;
  const bySecond = c.bySecond[first]!;
  // The second words matchForm can read (at most three besides the one-word forms); 0 (no
  // lexicon word) is the second word of no form.
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const next = i + 1;
  if (next < tokens.n) {
    s1 = tokens.id[next]!;
    const j = skipAdverbs(tokens, next, c.adverbs);
    if (j < tokens.n) {
      s2 = tokens.id[j]!;
      // The incise jump of matchForm, as it would run from j.
      const q = afterIncise(tokens, text, j, c);
      if (q >= 0 && q < tokens.n) s3 = tokens.id[q]!;
    }
  }
  // The lists of the distinct second words (one-word forms first, as the Set was filled), each in byFirst order.
  const lists: { f: CompiledForm; order: number }[][] = [];
  const l0 = bySecond.get(0);
  if (l0) lists.push(l0);
  if (s1 !== 0) { const l = bySecond.get(s1); if (l) lists.push(l); }
  if (s2 !== 0 && s2 !== s1) { const l = bySecond.get(s2); if (l) lists.push(l); }
  if (s3 !== 0 && s3 !== s1 && s3 !== s2) { const l = bySecond.get(s3); if (l) lists.push(l); }
  if (lists.length === 0) return NO_FORMS;
  if (lists.length === 1) return formsOf(lists[0]!);
  // Several lists: merged in byFirst order (each form is in exactly one list, so orders are distinct).
  const picked: { f: CompiledForm; order: number }[] = [];
  for (const l of lists) for (const x of l) picked.push(x);
  return picked.sort((a, b) => a.order - b.order).map((x) => x.f);
}
const NO_FORMS: CompiledForm[] = [];

/** The forms of a bySecond list, remembered on the list (it never changes once compiled). */
const formsOfList = new WeakMap<{ f: CompiledForm; order: number }[], CompiledForm[]>();
function formsOf(list: { f: CompiledForm; order: number }[]): CompiledForm[] {
  let forms = formsOfList.get(list);
  if (!forms) { forms = list.map((x) => x.f); formsOfList.set(list, forms); }
  return forms;
}

/** /^\s*,/u on text[from, to): the first character after white space is a comma. */
export function startsWithComma(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && isWhiteSpaceCode(text.charCodeAt(k))) k++;
  return k < to && text.charCodeAt(k) === 0x2c;
}

/** text[from, to) includes a comma. */
function hasComma(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 0x2c) return true;
  return false;
}

/** All matches of a compiled lexicon in a paragraph, longest first at each start, without overlaps. */
export function findVerbMatches(tokens: WordTokens, text: string, c: CompiledLexicon): VerbMatch[] {
  const raw: VerbMatch[] = [];
  const n = tokens.n;
  const ids = tokens.id;
  const opensForm = c.opensForm;
  const patterns = c.patterns.length > 0;
  for (let i = 0; i < n; i++) {
    // Most tokens open no form (formsAt would give none) and, without token-shape patterns, no match.
    if (!patterns && !opensForm.has(ids[i]!)) continue;
    let best: VerbMatch | null = null;
    for (const f of formsAt(tokens, text, i, c)) {
      let end = matchForm(tokens, text, i, f, c);
      if (end < 0) continue;
      let category = f.category;
      let rule = f.rule;
      if (f.thatCategory && c.complementizers.has(tokens.idAt(end))) category = f.thatCategory;
      if (f.light) {
        const noun = lightNounAt(tokens, end, c);
        if (!noun) continue;
        category = noun.category;
        rule = `${f.rule}+${noun.rule}`;
        end = noun.end;
      }
      if (!best || end > best.t1) {
        best = { rule, category, kind: f.kind, t0: i, t1: end, start: tokens.start[i]!, end: tokens.end[end - 1]!, negated: false, negatedOnly: f.negatedOnly, person: f.person };
      }
    }
    if (!best && c.patterns.length > 0) best = patternMatchAt(tokens, i, c);
    if (best) {
      applyNegation(tokens, best, c);
      raw.push(best);
      i = best.t1 - 1;
    }
  }
  return raw.filter((m) => !m.negatedOnly || m.negated);
}

/** Whether token i's word ends with one of the patterns' endings (grouped by last unit). */
function hasPatternEnding(tokens: WordTokens, i: number, endingsByLast: (string[] | undefined)[]): boolean {
  const end = tokens.end[i]!;
  const last = tokens.folded.charCodeAt(end - 1);
  const endings = last < endingsByLast.length ? endingsByLast[last] : undefined;
  return endings !== undefined && endsWithAny(tokens.folded, tokens.start[i]!, end, endings);
}

/** The match of the first token-shape pattern that token i's word matches, or null. */
function patternMatchAt(tokens: WordTokens, i: number, c: CompiledLexicon): VerbMatch | null {
  // Most words have none of the patterns' endings: no string, no Map look-up.
  if (c.patternEndings !== null && !hasPatternEnding(tokens, i, c.patternEndings)) return null;
  const w = tokens.word(i);
  let pi = c.patternOfWord.get(w);
  if (pi === undefined) {
    pi = c.patterns.findIndex((p) => p.re.test(w) && !p.exclude.has(w));
    if (c.patternOfWord.size >= 50_000) c.patternOfWord.clear();
    c.patternOfWord.set(w, pi);
  }
  if (pi < 0) return null;
  const p = c.patterns[pi]!;
  let end = i + 1;
  for (const cont of p.continuations) {
    if (tokens.wordsAt(i + 1, cont)) { end = i + 1 + cont.length; break; }
  }
  const t0 = i > 0 && p.prefixes.has(tokens.id[i - 1]!) ? i - 1 : i;
  return { rule: p.rule, category: p.category, kind: p.kind, t0, t1: end, start: tokens.start[t0]!, end: tokens.end[end - 1]!, negated: false, negatedOnly: false, person: '' };
}

/** possessive (+ one adjective) + light noun right after a light verb; with its category. */
function lightNounAt(tokens: WordTokens, i: number, c: CompiledLexicon): { rule: string; category: ActionCategory; end: number } | null {
  if (i >= tokens.n) return null;
  // "expressed support for …": the noun right after the verb, without a possessive.
  const first = c.possessives.has(tokens.id[i]!) ? 1 : byWordId(c.nouns, tokens.id[i]!) ? 0 : -1;
  if (first < 0) return null;
  for (let skip = first; skip <= (first === 0 ? 0 : 3); skip++) {
    const k = i + skip;
    if (k >= tokens.n) break;
    const n = byWordId(c.nouns, tokens.id[k]!);
    if (!n) continue;
    let category = n.category;
    if (n.withVerb && c.complementVerb && k + 2 < tokens.n) {
      if (c.complementMarkers.has(tokens.id[k + 1]!) && c.complementVerb.test(tokens.word(k + 2))) category = n.withVerb;
    }
    return { rule: n.rule, category, end: k + 1 };
  }
  return null;
}

/** "ne participent pas", "do not support": widen the span and flag the match. */
function applyNegation(tokens: WordTokens, m: VerbMatch, c: CompiledLexicon): void {
  if (m.negatedOnly && m.negated) return;
  for (const nb of c.negBefore) {
    const s = m.t0 - nb.words.length;
    if (s < 0) continue;
    if (!tokens.wordsAt(s, nb.words)) continue;
    const hasAfter = m.t1 < tokens.n;
    const needsAfter = c.negAfter.size > 0 && nb.short;
    if (needsAfter && !(hasAfter && c.negAfter.has(tokens.id[m.t1]!))) continue;
    m.negated = true;
    m.t0 = s;
    m.start = tokens.start[s]!;
    if (needsAfter && hasAfter) { m.end = tokens.end[m.t1]!; m.t1 += 1; }
    return;
  }
  // A form that includes its own negation ("ne participent pas") is negated by definition.
  if (m.negatedOnly) m.negated = true;
}
