import { isWhiteSpaceCode } from '../../text/whiteSpace.js';
import type { ActionCategory } from '../../types.js';
import type { VerbLexicon } from './lexicons.js';
import { foldPhrase, type Token } from './tokens.js';
import { WordFilter } from './wordFilter.js';

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
  words: string[];
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
 * Adverb phrases indexed by their first word, longest first within each list (the order the
 * old linear scan over all adverbs tried them in), so a look-up costs one Map get per token.
 */
export type AdverbIndex = Map<string, string[][]>;

interface CompiledLexicon {
  byFirst: Map<string, CompiledForm[]>;
  /** Gate before byFirst look-ups: most tokens open no form. */
  firstWords: WordFilter;
  /**
   * The same forms by first and second word (one-word forms under ''), each with its place in
   * its byFirst list. An auxiliary ("ont", "have") opens hundreds of perfect forms; a token
   * only needs those whose second word can stand where matchForm looks for it.
   */
  bySecond: Map<string, Map<string, { f: CompiledForm; order: number }[]>>;
  adverbs: AdverbIndex;
  negBefore: string[][];
  negAfter: Set<string>;
  possessives: Set<string>;
  nouns: Map<string, { rule: string; category: ActionCategory; withVerb?: ActionCategory }>;
  complementMarkers: Set<string>;
  complementVerb: RegExp | null;
  complementizers: Set<string>;
  patterns: { re: RegExp; exclude: Set<string>; rule: string; category: ActionCategory; kind: FormKind; continuations: string[][]; prefixes: Set<string> }[];
  /**
   * Per folded word, the index of the first pattern it matches (-1: none). A pattern's test
   * depends on the word alone, and the patterns ("\p{L}{2,}(?:eront|…)") backtrack over the
   * whole word, so each distinct word is tested once. Cleared when it grows large.
   */
  patternOfWord: Map<string, number>;
  /**
   * Endings one of which every pattern match has (null: some pattern has none that suffixGate
   * can read): a word with none of them matches no pattern, without the patternOfWord look-up.
   */
  patternEndings: string[] | null;
}

const compiled = new WeakMap<VerbLexicon, CompiledLexicon>();

function add(map: Map<string, CompiledForm[]>, f: CompiledForm): void {
  if (f.words.length === 0) return;
  const list = map.get(f.words[0]!) ?? [];
  list.push(f);
  map.set(f.words[0]!, list);
}

/** Expands a lexicon into word sequences indexed by their first word (cached per lexicon object). */
export function compileLexicon(lex: VerbLexicon): CompiledLexicon {
  const hit = compiled.get(lex);
  if (hit) return hit;
  const byFirst = new Map<string, CompiledForm[]>();
  const auxes = lex.auxiliaries.map(foldPhrase);
  const pAuxes = (lex.participleAuxiliaries ?? []).map(foldPhrase);
  const addForms = (rule: string, category: ActionCategory, e: { finite?: string[]; perfect?: string[]; participle?: string[]; base?: string[]; negatedOnly?: boolean; takesVerb?: boolean; thatCategory?: ActionCategory; person?: string }, light: boolean) => {
    const base = { rule, category, negatedOnly: !!e.negatedOnly, takesVerb: !!e.takesVerb, light, thatCategory: e.thatCategory, person: e.person ?? '' };
    for (const s of e.finite ?? []) add(byFirst, { ...base, words: foldPhrase(s), kind: 'finite', inciseAfter: -1 });
    for (const s of e.base ?? []) add(byFirst, { ...base, words: foldPhrase(s), kind: 'base', inciseAfter: -1 });
    for (const s of e.participle ?? []) add(byFirst, { ...base, words: foldPhrase(s), kind: 'participle', inciseAfter: -1 });
    for (const s of e.perfect ?? []) {
      const w = foldPhrase(s);
      for (const a of auxes) add(byFirst, { ...base, words: [...a, ...w], kind: 'perfect', inciseAfter: a.length - 1 });
      for (const a of pAuxes) add(byFirst, { ...base, words: [...a, ...w], kind: 'participle', inciseAfter: -1 });
    }
  };
  for (const e of lex.entries) addForms(e.id, e.category, e, false);
  for (const lv of lex.lightVerbs ?? []) addForms(lv.id, 'affirm', lv, true);
  const nouns = new Map<string, { rule: string; category: ActionCategory; withVerb?: ActionCategory }>();
  for (const n of lex.lightNouns ?? []) {
    for (const w of n.nouns) nouns.set(foldPhrase(w).join(' '), { rule: n.id, category: n.category, withVerb: n.withVerbCategory });
  }
  const bySecond: CompiledLexicon['bySecond'] = new Map();
  for (const [first, list] of byFirst) {
    const m = new Map<string, { f: CompiledForm; order: number }[]>();
    list.forEach((f, order) => {
      const second = f.words[1] ?? '';
      m.set(second, [...(m.get(second) ?? []), { f, order }]);
    });
    bySecond.set(first, m);
  }
  const c: CompiledLexicon = {
    byFirst,
    firstWords: new WordFilter(byFirst.keys()),
    bySecond,
    adverbs: indexAdverbs(lex.adverbs.map(foldPhrase).sort((a, b) => b.length - a.length)),
    negBefore: (lex.negation?.before ?? []).map(foldPhrase),
    negAfter: new Set((lex.negation?.after ?? []).flatMap(foldPhrase)),
    possessives: new Set((lex.possessives ?? []).flatMap(foldPhrase)),
    nouns,
    complementMarkers: new Set((lex.complementMarkers ?? []).flatMap(foldPhrase)),
    complementVerb: lex.complementVerb ? new RegExp(lex.complementVerb, 'u') : null,
    complementizers: new Set((lex.complementizers ?? []).flatMap(foldPhrase)),
    patterns: (lex.patterns ?? []).map((p) => ({
      re: new RegExp(`^(?:${p.word})$`, 'u'),
      exclude: new Set(p.exclude?.flatMap(foldPhrase) ?? []),
      rule: p.id,
      category: p.category,
      kind: p.form,
      continuations: (p.continuations ?? []).map(foldPhrase),
      prefixes: new Set((p.prefixes ?? []).flatMap(foldPhrase)),
    })),
    patternOfWord: new Map(),
    patternEndings: patternEndingsOf((lex.patterns ?? []).map((p) => p.word)),
  };
  compiled.set(lex, c);
  return c;
}

/** The endings of every pattern (see suffixGate), or null when one pattern has none. */
function patternEndingsOf(sources: string[]): string[] | null {
  const out: string[] = [];
  for (const src of sources) {
    const endings = suffixGate(src);
    if (!endings) return null;
    out.push(...endings);
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

/** Whether w ends with one of the endings (a code-unit loop: short words, a few endings). */
function endsWithAny(w: string, endings: string[]): boolean {
  for (let e = 0; e < endings.length; e++) {
    const s = endings[e]!;
    const off = w.length - s.length;
    if (off < 0) continue;
    let k = s.length - 1;
    while (k >= 0 && w.charCodeAt(off + k) === s.charCodeAt(k)) k--;
    if (k < 0) return true;
  }
  return false;
}

function indexAdverbs(sorted: string[][]): AdverbIndex {
  const index: AdverbIndex = new Map();
  // An empty phrase has length 0, which adverbAt reports as "no adverb" anyway.
  for (const a of sorted) if (a.length > 0) index.set(a[0]!, [...(index.get(a[0]!) ?? []), a]);
  return index;
}

/** Length in tokens of the adverb phrase starting at i (0 when none). */
export function adverbAt(tokens: Token[], i: number, adverbs: AdverbIndex): number {
  if (i >= tokens.length) return 0;
  for (const a of adverbs.get(tokens[i]!.w) ?? []) {
    if (i + a.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < a.length; k++) if (tokens[i + k]!.w !== a[k]) { ok = false; break; }
    if (ok) return a.length;
  }
  return 0;
}

function skipAdverbs(tokens: Token[], i: number, adverbs: AdverbIndex): number {
  for (let guard = 0; guard < 4; guard++) {
    const n = adverbAt(tokens, i, adverbs);
    if (n === 0) break;
    i += n;
  }
  return i;
}

/** Matches one compiled form at token i; returns the token index after it, or -1. */
function matchForm(tokens: Token[], text: string, i: number, f: CompiledForm, c: CompiledLexicon): number {
  let j = i;
  for (let k = 0; k < f.words.length; k++) {
    if (k > 0 && tokens[j]?.w !== f.words[k]) {
      j = skipAdverbs(tokens, j, c.adverbs);
      if (k - 1 === f.inciseAfter && j < tokens.length && startsWithComma(text, tokens[j - 1]!.end, tokens[j]!.start)) {
        // "ont, prenant en compte …, confirmé": jump over an incise between commas.
        let m = j + 1;
        while (m < tokens.length && m - j < 15 && !hasComma(text, tokens[m - 1]!.end, tokens[m]!.start)) m++;
        if (m < tokens.length && m - j < 15) j = skipAdverbs(tokens, m, c.adverbs);
      }
    }
    if (j >= tokens.length || tokens[j]!.w !== f.words[k]) return -1;
    j++;
  }
  if (f.takesVerb) {
    const v = skipAdverbs(tokens, j, c.adverbs);
    if (v >= tokens.length) return -1;
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
function formsAt(tokens: Token[], text: string, i: number, c: CompiledLexicon): CompiledForm[] {
  if (!c.firstWords.mayHave(tokens[i]!.w)) return NO_FORMS;
  const all = c.byFirst.get(tokens[i]!.w);
  if (!all || all.length <= 8) return all ?? NO_FORMS;
  const bySecond = c.bySecond.get(tokens[i]!.w)!;
  // The second words matchForm can read (at most three besides ''), without a Set: few and short.
  let s1: string | null = null;
  let s2: string | null = null;
  let s3: string | null = null;
  const next = i + 1;
  if (next < tokens.length) {
    s1 = tokens[next]!.w;
    const j = skipAdverbs(tokens, next, c.adverbs);
    if (j < tokens.length) {
      s2 = tokens[j]!.w;
      // The incise jump of matchForm, as it would run from j.
      if (startsWithComma(text, tokens[j - 1]!.end, tokens[j]!.start)) {
        let m = j + 1;
        while (m < tokens.length && m - j < 15 && !hasComma(text, tokens[m - 1]!.end, tokens[m]!.start)) m++;
        if (m < tokens.length && m - j < 15) {
          const q = skipAdverbs(tokens, m, c.adverbs);
          if (q < tokens.length) s3 = tokens[q]!.w;
        }
      }
    }
  }
  // The lists of the distinct second words ('' first, as the Set was filled), each in byFirst order.
  const lists: { f: CompiledForm; order: number }[][] = [];
  const l0 = bySecond.get('');
  if (l0) lists.push(l0);
  if (s1 !== null && s1 !== '') { const l = bySecond.get(s1); if (l) lists.push(l); }
  if (s2 !== null && s2 !== '' && s2 !== s1) { const l = bySecond.get(s2); if (l) lists.push(l); }
  if (s3 !== null && s3 !== '' && s3 !== s1 && s3 !== s2) { const l = bySecond.get(s3); if (l) lists.push(l); }
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
function startsWithComma(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && isWhiteSpaceCode(text.charCodeAt(k))) k++;
  return k < to && text.charCodeAt(k) === 0x2c;
}

/** text[from, to) includes a comma. */
function hasComma(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 0x2c) return true;
  return false;
}

/** All lexicon matches in a paragraph, longest first at each start, without overlaps. */
export function findVerbMatches(tokens: Token[], text: string, lex: VerbLexicon): VerbMatch[] {
  const c = compileLexicon(lex);
  const raw: VerbMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let best: VerbMatch | null = null;
    for (const f of formsAt(tokens, text, i, c)) {
      let end = matchForm(tokens, text, i, f, c);
      if (end < 0) continue;
      let category = f.category;
      let rule = f.rule;
      if (f.thatCategory && c.complementizers.has(tokens[end]?.w ?? '')) category = f.thatCategory;
      if (f.light) {
        const noun = lightNounAt(tokens, end, c);
        if (!noun) continue;
        category = noun.category;
        rule = `${f.rule}+${noun.rule}`;
        end = noun.end;
      }
      if (!best || end > best.t1) {
        best = { rule, category, kind: f.kind, t0: i, t1: end, start: tokens[i]!.start, end: tokens[end - 1]!.end, negated: false, negatedOnly: f.negatedOnly, person: f.person };
      }
    }
    if (!best && c.patterns.length > 0) {
      const w = tokens[i]!.w;
      // Most words have none of the patterns' endings: skip the Map look-up (hashing a fresh string).
      let pi = c.patternEndings !== null && !endsWithAny(w, c.patternEndings) ? -1 : c.patternOfWord.get(w);
      if (pi === undefined) {
        pi = c.patterns.findIndex((p) => p.re.test(w) && !p.exclude.has(w));
        if (c.patternOfWord.size >= 50_000) c.patternOfWord.clear();
        c.patternOfWord.set(w, pi);
      }
      if (pi >= 0) {
        const p = c.patterns[pi]!;
        let end = i + 1;
        for (const cont of p.continuations) {
          if (cont.every((x, k) => tokens[i + 1 + k]?.w === x)) { end = i + 1 + cont.length; break; }
        }
        const t0 = i > 0 && p.prefixes.has(tokens[i - 1]!.w) ? i - 1 : i;
        best = { rule: p.rule, category: p.category, kind: p.kind, t0, t1: end, start: tokens[t0]!.start, end: tokens[end - 1]!.end, negated: false, negatedOnly: false, person: '' };
      }
    }
    if (best) {
      applyNegation(tokens, best, c);
      raw.push(best);
      i = best.t1 - 1;
    }
  }
  return raw.filter((m) => !m.negatedOnly || m.negated);
}

/** possessive (+ one adjective) + light noun right after a light verb; with its category. */
function lightNounAt(tokens: Token[], i: number, c: CompiledLexicon): { rule: string; category: ActionCategory; end: number } | null {
  if (i >= tokens.length) return null;
  // "expressed support for …": the noun right after the verb, without a possessive.
  const first = c.possessives.has(tokens[i]!.w) ? 1 : c.nouns.has(tokens[i]!.w) ? 0 : -1;
  if (first < 0) return null;
  for (let skip = first; skip <= (first === 0 ? 0 : 3); skip++) {
    const k = i + skip;
    if (k >= tokens.length) break;
    const n = c.nouns.get(tokens[k]!.w);
    if (!n) continue;
    let category = n.category;
    if (n.withVerb && c.complementVerb) {
      const m = tokens[k + 1];
      const v = tokens[k + 2];
      if (m && v && c.complementMarkers.has(m.w) && c.complementVerb.test(v.w)) category = n.withVerb;
    }
    return { rule: n.rule, category, end: k + 1 };
  }
  return null;
}

/** "ne participent pas", "do not support": widen the span and flag the match. */
function applyNegation(tokens: Token[], m: VerbMatch, c: CompiledLexicon): void {
  if (m.negatedOnly && m.negated) return;
  for (const nb of c.negBefore) {
    const s = m.t0 - nb.length;
    if (s < 0) continue;
    if (!nb.every((w, k) => tokens[s + k]!.w === w)) continue;
    const after = tokens[m.t1];
    const needsAfter = c.negAfter.size > 0 && nb.length === 1 && nb[0]!.length <= 3;
    if (needsAfter && !(after && c.negAfter.has(after.w))) continue;
    m.negated = true;
    m.t0 = s;
    m.start = tokens[s]!.start;
    if (needsAfter && after) { m.t1 += 1; m.end = after.end; }
    return;
  }
  // A form that includes its own negation ("ne participent pas") is negated by definition.
  if (m.negatedOnly) m.negated = true;
}
