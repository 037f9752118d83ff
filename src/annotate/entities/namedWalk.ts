import type { Descriptor, PreparedLexicon } from './namedLexicon.js';
import { runNeedles, type KnownRuns } from './namedKnown.js';
import { foldWord, inStemList } from './namedLexicon.js';
import { foldForMatch } from '../../text/fold.js';
import { CODE_LETTER, CODE_LOWER, CODE_IN_WORD, CODE_SURROGATE, CODE_UPPER, CODE_WORD, codeClass, isCapitalised, type Token } from './namedTokens.js';

/**
 * The descriptor grammar for Latin and Cyrillic scripts (fr, en, ru): a name is a head noun
 * from the lexicon ("Convention", "stratégie", "Summit") extended
 * - to the left over capitalised modifiers, ordinals and years ("44th and 45th ASEAN Summits",
 *   "2030 Agenda", "4e SCO Startup Forum");
 * - to the right over modifiers, link words with their complements ("de l'OCS", "sur la
 *   gestion…", "of the Council"), coordinated complements ("A, B et C"), dates ("pour
 *   2024-2029", "jusqu'en 2030"), bracketed lower-case glosses and a quoted title.
 * Reads tokens (namedTokens.ts) and the date spans already found; writes nothing; returns
 * candidate spans with the descriptor that made them. Which candidates are names (not
 * generic descriptions, not anaphors) is decided by `judgeCandidate`.
 */

export interface Candidate {
  start: number;
  end: number;
  d: Descriptor;
  rule: string;
  /** A quoted title standing apart from its descriptor: only the title is the mention. */
  titleOnly?: boolean;
}

interface WalkResult {
  last: number; // index of the last accepted token
  links: number;
  qualifier: boolean;
  nominalQualifier: boolean; // a qualifying link with a noun after it ("sur les principes", not "visant à renforcer")
  capital: boolean;
  date: boolean;
  quoted: boolean;
  adjectives: number;
  firstComplementLower: boolean | null;
  firstComplementIsHead: boolean;
  quoteApart: [number, number] | null; // token indices of a quoted title after complements
  newHead: Descriptor | null; // English: a later capitalised head ("Summit Declaration")
  abort: boolean; // English: the run is headed by a non-head ("… Treaty Organization")
}

export interface WalkContext {
  toks: Token[]; // tokens without spaces
  lex: PreparedLexicon;
  dateStarts: Map<number, number>; // char start → char end of date spans
  capitalisedNames: boolean; // English: complements must be capitalised
  placeLinks: Set<string>;
  /** Links after which a date ends the name ("du 1er juillet 1968", "in 2025"): lexicon dateStopLinks. */
  dateStopLinks: Set<string>;
  /** headAt's answer per token index, filled as asked (the walk asks again for the same tokens). */
  headMemo?: (HeadMatch | null | undefined)[];
  /** Per token index, 0 when no head can start there (headCandidates); absent: every token is tried. */
  mayHead?: Uint8Array;
  /** The lexicon's word tables (wordTables), filled at the first ask. */
  words?: WordTables;
}

type HeadMatch = { d: Descriptor; len: number; plural: boolean };

/** Folded text of a token, computed once per token (kept on the token: see Token.folded). */
const fw = (t: Token | undefined): string => {
  if (!t) return '';
  let f = t.folded;
  if (f === undefined) { f = foldWord(t.text); t.folded = f; }
  return f;
};
const isWord = (t: Token | undefined) => !!t && (t.kind === 'word' || t.kind === 'num');
const isPunct = (t: Token | undefined, s: string) => !!t && t.text === s;
const ORDINAL = /^(?:\d{1,3}(?:e|er|re|ème|eme|è|th|st|nd|rd|-?й|-?я|-?е|-?го)|[IVXLC]{1,7}(?:e|ème)?)$/u;

/** Matches a multi-token phrase at token i; returns the number of tokens or 0. */
export function matchPhrase(toks: Token[], i: number, form: string[]): number {
  for (let k = 0; k < form.length; k++) {
    const t = toks[i + k];
    if (!t || !isWord(t)) return 0;
    const f = form[k];
    // A Russian form ending in '*' is a stem: "договор*" matches Договоре, Договора…
    if (f.endsWith('*') ? !fw(t).startsWith(f.slice(0, -1)) : fw(t) !== f) return 0;
  }
  return form.length;
}

type Head = PreparedLexicon['heads'][number];

/**
 * Per lexicon, per folded word: the heads whose first word can match it, in the lexicon's order
 * (longest form first). Built lazily, one scan of all heads per distinct word, instead of one scan
 * per token: headAt is called for every token, often several times, and was the top hot spot.
 * Two tables, because English also accepts heads glued to the end of a word.
 */
const headIndex = new WeakMap<PreparedLexicon, [Map<string, Head[]>, Map<string, Head[]>]>();
const MAX_INDEXED_WORDS = 100_000;

function headsFor(lex: PreparedLexicon, w: string, glued: boolean): Head[] {
  let pair = headIndex.get(lex);
  if (!pair) { pair = [new Map(), new Map()]; headIndex.set(lex, pair); }
  const table = pair[glued ? 1 : 0];
  let list = table.get(w);
  if (list === undefined) {
    // cheap first-word test before the full match (stems end in '*'; glued English heads end the word)
    list = lex.heads.filter((h) => {
      const f0 = h.form[0];
      return f0 === w || (f0.endsWith('*') && w.startsWith(f0.slice(0, -1))) || (glued && h.form.length === 1 && w.endsWith(f0));
    });
    if (table.size >= MAX_INDEXED_WORDS) table.clear();
    table.set(w, list);
  }
  return list;
}

/** The descriptor head starting at token i (longest form), or null. */
export function headAt(ctx: WalkContext, i: number): HeadMatch | null {
  const memo = ctx.headMemo ?? (ctx.headMemo = []);
  let h = memo[i];
  if (h === undefined) { h = findHeadAt(ctx, i); memo[i] = h; }
  return h;
}

function findHeadAt(ctx: WalkContext, i: number): HeadMatch | null {
  if (ctx.mayHead && ctx.mayHead[i] === 0) return null;
  const t = ctx.toks[i];
  if (!isWord(t)) return null;
  const w = fw(t);
  for (const h of headsFor(ctx.lex, w, ctx.capitalisedNames)) {
    const len = matchPhrase(ctx.toks, i, h.form);
    if (len) return { d: h.d, len, plural: h.plural };
    // Glued words from PDF extraction ("FrameworkDeclaration"): a capitalised head at the end of a word.
    if (h.form.length === 1 && ctx.capitalisedNames && isCapitalised(t)) {
      const w = fw(t);
      if (w.length > h.form[0].length + 3 && w.endsWith(h.form[0]) && /\p{Ll}\p{Lu}/u.test(t.text.slice(-h.form[0].length - 1, -h.form[0].length + 1))) {
        return { d: h.d, len: 1, plural: h.plural };
      }
    }
  }
  return null;
}

/*
 * Head pre-filter. headAt is asked about every token of every paragraph, and almost every answer is
 * null; finding that out folded the token (a Map look-up) and looked its heads up (another). Instead,
 * the token's characters are hashed folded one code unit at a time (a table), and only tokens whose
 * hash is that of a head's first word, or whose prefix hashes to a stem's (a Russian form ending in
 * '*'), or (English) that could hold a glued head, are tried.
 *
 * Exact (no head is missed): foldWord(s) is foldForMatch(s), which folds punctuation one character
 * at a time and lower-cases the word, which is the character-by-character lower-casing except for
 * the final-sigma rule and characters whose lower case changes length (kept as they are, as the table
 * does). So wherever foldWord(s) equals a first word (or starts with a stem) free of sigmas, the
 * table gives the same code units there, and the same hash. A lexicon whose first words hold a sigma
 * or a surrogate is not filtered. Hash collisions only let extra tokens through.
 */
const foldCodes = new Int32Array(65536).fill(-1);
/** One code unit folded as foldForMatch folds it alone (surrogate halves stay themselves). */
function foldCode(c: number): number {
  let f = foldCodes[c];
  if (f < 0) { f = foldForMatch(String.fromCharCode(c)).charCodeAt(0); foldCodes[c] = f; }
  return f;
}
const HASH_SEED = 0x811c9dc5 & 0x3fffffff;
/** FNV-1a step, kept to 30 bits so that hashes stay small integers in a Map. */
const hashStep = (h: number, code: number) => Math.imul(h ^ code, 0x01000193) & 0x3fffffff;

/** Flags of a hash: some head starts with this word; one of them may name a thing in lower case. */
const HEAD = 1;
const LOWER_NAMES = 2;

interface HeadFilter {
  /** hashes of the heads' first words (not stems) → flags */
  exact: Map<number, number>;
  /**
   * per prefix length 0…maxLen, the hashes of the stems of that length → flags (null: no stem that
   * long); every slot filled, so that the scans never read past the end of the array (slow in V8)
   */
  stems: (Map<number, number> | null)[];
  /** the longest first word or stem */
  maxLen: number;
  /**
   * 1 at pairKey(first two code units) of every first word and stem; null when one is a single
   * code unit long (then every word is hashed)
   */
  pairs: Uint8Array | null;
  /**
   * the same for the first three code units (tripleKey); null when a first word or stem has fewer.
   * Half the words that pass the pairs pass this too ("co" → "com", "con", "cod", not "coo")
   */
  triples: Uint8Array | null;
}
/** A 16-bit key of two folded code units (collisions only let extra words through). */
export const pairKey = (a: number, b: number) => ((a << 7) ^ b) & 0xffff;
/** A 16-bit key of three folded code units (collisions only let extra words through). */
const tripleKey = (a: number, b: number, c: number) => ((a << 10) ^ (b << 5) ^ c) & 0xffff;
const headFilters = new WeakMap<PreparedLexicon, HeadFilter | null>();

function headFilter(lex: PreparedLexicon): HeadFilter | null {
  let f = headFilters.get(lex);
  if (f !== undefined) return f;
  f = { exact: new Map(), stems: [], maxLen: 0, pairs: new Uint8Array(65536), triples: new Uint8Array(65536) };
  for (const h of lex.heads) {
    const stem = h.form[0].endsWith('*');
    const w = stem ? h.form[0].slice(0, -1) : h.form[0];
    // a sigma (final-sigma rule) or a surrogate pair: the per-code-unit fold may differ; no filter
    if (/[\u03c2\u03c3\ud800-\udfff]/u.test(w) || w.length === 0) { f = null; break; }
    let hash = HASH_SEED;
    for (let k = 0; k < w.length; k++) hash = hashStep(hash, w.charCodeAt(k));
    // findByDescriptors ignores a lower-case head whose descriptor is never lower-case (only walks read it)
    const flags = HEAD | (h.d.lower !== 'never' ? LOWER_NAMES : 0);
    const table = stem ? (f.stems[w.length] ??= new Map()) : f.exact;
    table.set(hash, (table.get(hash) ?? 0) | flags);
    f.maxLen = Math.max(f.maxLen, w.length);
    if (w.length < 2) f.pairs = null;
    else if (f.pairs) f.pairs[pairKey(w.charCodeAt(0), w.charCodeAt(1))] = 1;
    if (w.length < 3) f.triples = null;
    else if (f.triples) f.triples[tripleKey(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2))] = 1;
  }
  if (f) { const { stems, maxLen } = f; f.stems = Array.from({ length: maxLen + 1 }, (_, k) => stems[k] ?? null); }
  headFilters.set(lex, f);
  return f;
}

/**
 * Per token, 1 when a head may start there (see the comment above), else 0; and how many may. With
 * `glued` (English), a capitalised word with a lower-case letter right before a capital may end in a
 * glued head (findHeadAt's test reads such a pair at the join). Null when the lexicon is not filtered.
 */
export function headCandidates(toks: Token[], lex: PreparedLexicon, glued: boolean): { may: Uint8Array; count: number } | null {
  const filter = headFilter(lex);
  if (!filter) return null;
  const { exact, stems } = filter;
  const maxStem = stems.length - 1;
  const may = new Uint8Array(toks.length);
  let count = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'word' && t.kind !== 'num') continue;
    const s = t.text;
    let hash = HASH_SEED;
    let ok = false;
    let gluedPair = false;
    let prevLower = false;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      hash = hashStep(hash, foldCode(c));
      if (k < maxStem) { const st = stems[k + 1]; if (st !== null && st.has(hash)) ok = true; }
      if (glued) { const cls = codeClass(c); if ((cls & CODE_UPPER) && prevLower) gluedPair = true; prevLower = (cls & CODE_LOWER) !== 0; }
    }
    if (ok || exact.has(hash) || (gluedPair && isCapitalised(t))) { may[i] = 1; count++; }
  }
  return { may, count };
}

/** Shifts that bring codeClass's CODE_LETTER, CODE_UPPER, CODE_LOWER, CODE_IN_WORD and CODE_NUMBER bits to bit 0 (CODE_WORD is bit 0). */
const LETTER_SHIFT = 1;
const UPPER_SHIFT = 2;
const LOWER_SHIFT = 3;
const IN_WORD_SHIFT = 5;
const NUMBER_SHIFT = 6;

/**
 * The offsets in a paragraph where a word character that follows no letter begins, with the code
 * unit after it, a pair of `pairs` (at pairKey of the two): where the honorific and resolution
 * patterns, which look behind for no letter, can start. Their flags say which list an offset joins:
 * 1 `first`, 2 `second`. Collected by headStarts' scan (it reads every code unit anyway); used only
 * when `complete`.
 */
export interface StartGate { pairs: Uint8Array; first: number[]; second: number[]; complete: boolean }

/** headStarts' answer: offsets where heads may start and whether one is useful, or null (undecided). */
export type HeadStarts = { starts: number[]; useful: boolean } | null;

/** Longest run of word characters, joins and apostrophes the text scan handles (the tokenizer cuts words at 200). */
const MAX_SCAN_RUN = 150;

/**
 * The same filter on the paragraph text, before any token is made: the offsets where a token may
 * start a head, and whether one of them can make a candidate by itself (`useful`: a capitalised
 * word, or a head that may name a thing in lower case; findByDescriptors skips the others, so a
 * paragraph without a useful start has no candidate and is never tokenised).
 *
 * A word token starts on a word character that follows none (the clitic "l’" ends at its
 * apostrophe) and ends before a code unit that is not a letter (after "’s") or not a word character;
 * so hashing forward from each such start over word characters, joins and apostrophes, and taking
 * the hash wherever no letter follows, sees the hash of every token. Null, so the caller falls back
 * to headCandidates on the tokens, where the scan cannot follow the tokenizer: surrogate pairs
 * (matched by patterns there), runs longer than MAX_SCAN_RUN, and English glued heads (a lower-case
 * letter before a capital anywhere).
 *
 * The same scan collects, for other recognisers, the runs that may begin a known name (`known`, see
 * KnownRuns) and the offsets of a StartGate (`gate`).
 */
export function headStarts(text: string, lex: PreparedLexicon, glued: boolean, known: KnownRuns | null = null, gate: StartGate | null = null): HeadStarts {
  const filter = headFilter(lex);
  if (!filter) return null;
  const { pairs, triples } = filter;
  const n = text.length;
  const starts: number[] = [];
  let useful = false;
  // The per-code-unit tests are bit arithmetic on the class, not branches: a branch per test and
  // code unit cost more than the rest of the scan (words and gaps alternate too often to predict).
  // Surrogates and (English) a capital right after a lower-case letter make the scan undecided: noted
  // in `undecided`, answered at the end. A word start is a word character after none.
  const gluedBit = glued ? 1 : 0;
  let undecided = 0;
  let prevWord = 0;
  let prevLower = 0;
  let run = 0;
  let marks = 0; // a combining mark seen (a word character neither letter nor number)
  let prevLetter = 0;
  for (let p = 0; p < n; p++) {
    const c = text.charCodeAt(p);
    const cls = codeClass(c);
    undecided |= (cls & CODE_SURROGATE) | ((cls >> UPPER_SHIFT) & prevLower & gluedBit);
    marks |= cls & ~((cls >> LETTER_SHIFT) | (cls >> NUMBER_SHIFT)) & CODE_WORD;
    prevLower = (cls >> LOWER_SHIFT) & 1;
    run = (run + 1) * (((cls >> IN_WORD_SHIFT) | cls) & 1);
    if (run > MAX_SCAN_RUN) return null;
    const word = cls & CODE_WORD;
    const wordStart = word & ~prevWord;
    const afterNoLetter = word & ~prevLetter; // a word start, or a word character after a number or mark
    prevWord = word;
    prevLetter = (cls >> LETTER_SHIFT) & 1;
    if (afterNoLetter === 0) continue;
    if (gate !== null) {
      const g = gate.pairs[pairKey(c, text.charCodeAt(p + 1))]; // (past the end: NaN, read as 0)
      if (g !== 0) { if ((g & 1) !== 0) gate.first.push(p); if ((g & 2) !== 0) gate.second.push(p); }
    }
    if (wordStart === 0) continue;
    if (known !== null) {
      const list = runNeedles(known.folded, p, known.index);
      if (list !== undefined) { known.starts.push(p); known.lists.push(list); }
    }
    // a word start; most words are passed over on their first two or three code units (every first
    // word and stem has two, or three: a shorter token cannot match, and pairs or triples is null
    // when one has fewer; past the end of the word, the code unit read matches no first word's)
    if (pairs !== null || triples !== null) {
      if (p + 1 >= n) continue;
      const f0 = foldCode(text.charCodeAt(p));
      const f1 = foldCode(text.charCodeAt(p + 1));
      if (pairs !== null && pairs[pairKey(f0, f1)] === 0) continue;
      if (triples !== null && (p + 2 >= n || triples[tripleKey(f0, f1, foldCode(text.charCodeAt(p + 2)))] === 0)) continue;
    }
    const flags = headFlagsAt(text, p, filter);
    if (flags !== 0) {
      starts.push(p);
      if ((flags & LOWER_NAMES) !== 0 || (cls & CODE_UPPER) !== 0) useful = true;
    }
  }
  if (known !== null) known.complete = marks === 0;
  if (gate !== null) gate.complete = true;
  return undecided === 0 ? { starts, useful } : null;
}

/** The flags of the heads whose first word (or stem) the word starting at p may be: see headStarts. */
function headFlagsAt(text: string, p: number, filter: HeadFilter): number {
  const { exact, stems, maxLen } = filter;
  const n = text.length;
  let hash = HASH_SEED;
  let flags = 0;
  for (let q = p; q < n && q - p < maxLen; q++) {
    const c = text.charCodeAt(q);
    if (!(codeClass(c) & (CODE_WORD | CODE_IN_WORD))) break;
    hash = hashStep(hash, foldCode(c));
    const st = stems[q - p + 1];
    if (st !== null) flags |= st.get(hash) ?? 0;
    if (q + 1 >= n || !(codeClass(text.charCodeAt(q + 1)) & CODE_LETTER)) flags |= exact.get(hash) ?? 0;
  }
  return flags;
}

/** headStarts' offsets as headCandidates' per-token marks (both lists are in text order). */
export function marksAt(toks: Token[], starts: number[]): Uint8Array {
  const may = new Uint8Array(toks.length);
  let k = 0;
  for (let i = 0; i < toks.length && k < starts.length; i++) {
    const s = toks[i].start;
    while (k < starts.length && starts[k] < s) k++;
    if (k < starts.length && starts[k] === s) may[i] = 1;
  }
  return may;
}

/**
 * Per lexicon, per folded word, filled lazily for the same reason as headIndex (the walk asks at
 * almost every step): the links whose first word can match it (same order as lex.links, longest
 * first), and whether the word reads as an adjective (isAdjective's word tests: a French word was
 * looked up in four sets and compared with each of some sixty suffixes at every ask); with the set
 * of the links' first words. A walk context keeps its lexicon's tables (wordTables).
 */
export interface WordTables { links: Map<string, string[][]>; adjective: Map<string, boolean>; firstWords: Set<string> }
const wordIndex = new WeakMap<PreparedLexicon, WordTables>();

function wordTablesFor(lex: PreparedLexicon): WordTables {
  let tables = wordIndex.get(lex);
  if (!tables) { tables = { links: new Map(), adjective: new Map(), firstWords: new Set(lex.links.map((l) => l[0])) }; wordIndex.set(lex, tables); }
  return tables;
}

/** The word tables of the context's lexicon, looked up once per context. */
function wordTables(ctx: WalkContext): WordTables {
  return ctx.words ?? (ctx.words = wordTablesFor(ctx.lex));
}

function linksFor(ctx: WalkContext, w: string): string[][] {
  const byWord = wordTables(ctx).links;
  let list = byWord.get(w);
  if (list === undefined) {
    // matchPhrase compares the first word exactly, or as a prefix for a stem ending in '*'
    list = ctx.lex.links.filter((l) => l.length === 0 || l[0] === w || (l[0].endsWith('*') && w.startsWith(l[0].slice(0, -1))));
    if (byWord.size >= MAX_INDEXED_WORDS) byWord.clear();
    byWord.set(w, list);
  }
  return list;
}

function linkAt(ctx: WalkContext, i: number): number {
  const t = ctx.toks[i];
  if (!t || !isWord(t)) return 0; // matchPhrase would fail on the first word of every link
  for (const l of linksFor(ctx, fw(t))) {
    const n = matchPhrase(ctx.toks, i, l);
    if (n) return n;
  }
  return 0;
}

function isAdjective(ctx: WalkContext, t: Token | undefined): boolean {
  if (!t || t.kind !== 'word' || isCapitalised(t)) return false;
  const w = fw(t);
  const memo = wordTables(ctx).adjective;
  let a = memo.get(w);
  if (a === undefined) {
    a = isAdjectiveWord(ctx.lex, wordTables(ctx).firstWords, w);
    if (memo.size >= MAX_INDEXED_WORDS) memo.clear();
    memo.set(w, a);
  }
  return a;
}

/** Whether a folded word reads as an adjective: not a stop word, determiner, connector or link, and listed or ending like one. */
function isAdjectiveWord(lex: PreparedLexicon, linkFirstWords: Set<string>, w: string): boolean {
  if (lex.stop.has(w) || lex.determiners.has(w) || lex.connectors.has(w) || linkFirstWords.has(w)) return false;
  if (lex.adjectives.has(w)) return true;
  return w.length > 3 && lex.adjectiveSuffixes.some((s) => w.endsWith(s));
}

function isVerbLike(ctx: WalkContext, t: Token): boolean {
  const w = fw(t);
  return ctx.lex.verbSuffixes.some((s) => w.length > s.length + 2 && w.endsWith(s));
}

/** A content word that may follow a link: a noun, name, number or year (not a stop word or another link). */
function isContent(ctx: WalkContext, t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'num') return true;
  if (t.kind !== 'word') return false;
  const w = fw(t);
  if (ctx.lex.stop.has(w) || ctx.lex.connectors.has(w)) return false;
  if (ctx.capitalisedNames && !isCapitalised(t) && !ORDINAL.test(t.text) && !ctx.lex.ordinals.has(w)) return false;
  if (ctx.lex.openChain && isVerbLike(ctx, t)) return false;
  return true;
}

/** Skips determiners after a link; returns the index of the next token. */
function skipDeterminers(ctx: WalkContext, i: number): number {
  let j = i;
  while (j < ctx.toks.length && j < i + 2 && isWord(ctx.toks[j]) && ctx.lex.determiners.has(fw(ctx.toks[j])) && !isCapitalised(ctx.toks[j])) j++;
  // "de l'" in French: a clitic determiner
  return j;
}

/** Index of the quote that closes the one at i, or -1. */
function closingQuote(toks: Token[], i: number): number {
  const open = toks[i].text;
  const want = open === '«' ? '»' : open === '“' || open === '„' ? '”' : open === '‹' ? '›' : '"';
  for (let j = i + 1; j < toks.length && j < i + 80; j++) {
    if (toks[j].text === want || (want === '”' && toks[j].text === '"') || (want === '"' && toks[j].text === '”')) return j;
  }
  return -1;
}

const isQuoteOpen = (t: Token | undefined) => !!t && (t.text === '«' || t.text === '“' || t.text === '„' || t.text === '"' || t.text === '‹');

/** True when the tokens from i on, up to the next strong stop, hold a connector: "A, B et C". */
function enumerationAhead(ctx: WalkContext, i: number): boolean {
  for (let j = i; j < ctx.toks.length && j < i + 14; j++) {
    const t = ctx.toks[j];
    if (t.kind === 'punct' && t.text !== ',' && t.text !== '-' && t.text !== "'") return false;
    if (isWord(t) && ctx.lex.connectors.has(fw(t))) return true;
    if (isWord(t) && ctx.lex.stop.has(fw(t))) return false;
  }
  return false;
}

/** True when a head noun starts within the next few name-like tokens from j ("and of the BRICS Leaders' Statement"). */
function headSoon(ctx: WalkContext, j: number): boolean {
  for (let k = j; k < ctx.toks.length && k < j + 6; k++) {
    const t = ctx.toks[k];
    const h = headAt(ctx, k);
    if (h && (isCapitalised(t) || h.d.lower !== 'quoted')) return true;
    if (!isWord(t)) return false;
    const w = fw(t);
    const nameLike = isCapitalised(t) || ORDINAL.test(t.text) || ctx.lex.determiners.has(w) || ctx.lex.ordinals.has(w) || (k === j && isAdjective(ctx, t));
    if (!nameLike) return false;
  }
  return false;
}

const isAcronymToken = (t: Token | undefined) => !!t && t.kind === 'word' && /^\p{Lu}{2,}(?:[-‑]\p{Lu}{2,})*$/u.test(t.text);
const isInfinitive = (t: Token | undefined) => !!t && t.kind === 'word' && !isCapitalised(t) && /(?:er|ir|re)$/u.test(fw(t));

/** The folded words of tokens [i, i + len) joined by spaces, as a link is written in the lexicon (one word: no array made). */
function phraseAt(toks: Token[], i: number, len: number): string {
  if (len === 1) return fw(toks[i]);
  // Joined by a loop, not slice().map().join(): two arrays less per call, and no map result
  // whose array kind changes when this function is optimised (a "wrong map" deopt in warm-up).
  const end = Math.min(i + len, toks.length);
  let out = '';
  for (let k = i; k < end; k++) out += k === i ? fw(toks[k]) : ' ' + fw(toks[k]);
  return out;
}

/** "de … et de …", "on … and on …": whether a coordinated link repeats one already in the name ("de"/"du"/"des" count as one). */
function sameLink(usedLinks: string[], w: string): boolean {
  return usedLinks.some((u) => u === w || (u.length <= 3 && w.length <= 3 && !u.includes(' ') && !w.includes(' ') && u[0] === w[0]));
}

/** The index of the last token of the date span starting at token p, or -1 when none starts there. */
function acceptDate(ctx: WalkContext, p: number): number {
  const { toks } = ctx;
  const end = ctx.dateStarts.get(toks[p].start);
  if (end === undefined) return -1;
  let q = p;
  while (q + 1 < toks.length && toks[q + 1].start < end) q++;
  return q;
}

/** Walks right from token i (just after the head); see the module comment. */
export function walkRight(ctx: WalkContext, headStart: number, i: number): WalkResult {
  const { toks, lex } = ctx;
  const headCapitalised = isCapitalised(toks[headStart]);
  let verbObject = false; // after "pour développer", "visant à augmenter": the verb's object continues the name
  const r: WalkResult = {
    last: i - 1, links: 0, qualifier: false, nominalQualifier: false, capital: false, date: false, quoted: false, adjectives: 0,
    firstComplementLower: null, firstComplementIsHead: false, quoteApart: null, newHead: null, abort: false,
  };
  let pos = i;
  let inEntre = false;
  let lastWasLinkPour = false;
  let lastLinkWord = '';
  const usedLinks: string[] = [];
  let guard = 0;
  while (pos < toks.length && guard++ < 120) {
    const t = toks[pos];
    // A date starting here ("pour 2024-2029" was taken by the link; "jusqu'en 2030", "Vision 2045").
    const dq = acceptDate(ctx, pos);
    if (dq >= 0) {
      const prev = fw(toks[pos - 1]);
      if (ctx.dateStopLinks.has(prev) && pos > i) break;
      r.last = dq; r.date = true; pos = dq + 1; continue;
    }
    if (isQuoteOpen(t)) {
      const c = closingQuote(toks, pos);
      if (c < 0) break;
      if (r.links === 0 || headCapitalised) {
        // "Initiative de l'OCS « … »", "Décennie … « L'eau … » 2018-2028": the quoted title belongs to the name
        r.last = c; r.quoted = true; pos = c + 1;
        const dq2 = pos < toks.length ? acceptDate(ctx, pos) : -1;
        if (dq2 >= 0) r.last = dq2;
        break;
      }
      r.quoteApart = [pos + 1, c - 1];
      break;
    }
    if (isPunct(t, ':') && isQuoteOpen(toks[pos + 1]) && r.links === 0) { pos++; continue; }
    // A title after a dash or colon ("… échanges de jeunes – “…”"): handled by the quote branch next.
    if (r.links > 0 && isQuoteOpen(toks[pos + 1]) && /^[-–—:]$/u.test(t.text)) { pos++; continue; }
    // French: an acronym compound straight after the head ("événement spécial OCS-ONU : « … »").
    if (!ctx.capitalisedNames && !lex.openChain && r.links === 0 && r.last === pos - 1 && isAcronymToken(t)) { r.last = pos; pos++; continue; }
    // The object of a verb inside a name ("pour développer l'interconnectivité", "augmenter progressivement la part").
    if (verbObject && isWord(t) && !isCapitalised(t) && /ment$/u.test(fw(t))) { r.last = pos; pos++; continue; }
    if (verbObject && isWord(t) && lex.determiners.has(fw(t))) {
      const c = skipDeterminers(ctx, pos);
      if (!isContent(ctx, toks[c]) || headAt(ctx, c)) break;
      r.last = c; pos = c + 1; verbObject = false; continue;
    }
    // Capitalised word straight after the head (English word order): a later head, a non-head, or a modifier.
    // An all-capitals subtitle after a mixed-case name ("… Kazan Declaration STRENGTHENING …") ends it.
    // (six capitals need a capitalised token of six code units at least: tested first, the pattern runs on few tokens)
    if (ctx.capitalisedNames && t.text.length >= 6 && isCapitalised(t) && /^\p{Lu}{6,}$/u.test(t.text) && /\p{Ll}/u.test(toks[headStart].text)) break;
    if (ctx.capitalisedNames && r.links === 0 && isWord(t) && (isCapitalised(t) || t.kind === 'num')) {
      const h = headAt(ctx, pos);
      if (h) { r.newHead = h.d; r.last = pos + h.len - 1; pos += h.len; continue; }
      if (inStemList(lex.nonHeads, fw(t))) { r.abort = true; break; }
      r.last = pos; pos++; continue;
    }
    if (!ctx.capitalisedNames && isAdjective(ctx, t) && r.last === pos - 1) { r.adjectives++; r.last = pos; pos++; continue; }
    const ln = linkAt(ctx, pos);
    if (ln) {
      const linkWord = phraseAt(toks, pos, ln);
      // "à Samarkand", "in Moscow": a place after a place link ends the name (lexicon placeLinks)
      if (ctx.placeLinks.has(linkWord) && isCapitalised(toks[pos + ln]) && !headAt(ctx, pos + ln)) break;
      // "… et d'une mondialisation …": an indefinite article after a coordinated link starts another thing
      if (fw(toks[pos - 1]) !== '' && lex.connectors.has(fw(toks[pos - 1])) && lex.indefinite.has(fw(toks[pos + ln]))) break;
      lastLinkWord = linkWord;
      usedLinks.push(linkWord);
      let c = skipDeterminers(ctx, pos + ln);
      // "du 1er juillet 1968", "of 9 October": a date after "de/du/of" ends the name.
      if (ctx.dateStarts.has(toks[c]?.start ?? -1) && ctx.dateStopLinks.has(linkWord)) break;
      if (ctx.dateStarts.has(toks[c]?.start ?? -1)) { pos = c; r.links++; continue; }
      if (isQuoteOpen(toks[c])) break; // "… et de « l'esprit de Shanghai »": another name
      if (!isContent(ctx, toks[c])) {
        // "pour développer …": an infinitive after "pour" / "visant à"
        break;
      }
      if (r.firstComplementLower === null) {
        r.firstComplementLower = !isCapitalised(toks[c]);
        r.firstComplementIsHead = isCapitalised(toks[c]) && headAt(ctx, c) !== null;
      }
      if (lex.qualifying.has(linkWord)) {
        r.qualifier = true;
        if (!isInfinitive(toks[c])) r.nominalQualifier = true;
      }
      if (linkWord === 'entre' || linkWord === 'between') inEntre = true;
      lastWasLinkPour = linkWord === 'pour' || linkWord === 'visant à';
      verbObject = lastWasLinkPour && isInfinitive(toks[c]);
      if (isCapitalised(toks[c])) r.capital = true;
      r.links++;
      r.last = c; pos = c + 1;
      // A pre-nominal adjective as the complement ("de bon voisinage", "de nouveau dialogue"): take its noun too.
      if (!ctx.capitalisedNames && lex.adjectives.has(fw(toks[c])) && isContent(ctx, toks[pos]) && !isCapitalised(toks[pos]) && !linkAt(ctx, pos)) { r.last = pos; pos++; }
      // English: a capitalised complement runs over the following capitalised words ("of the Collective Security Treaty").
      while (ctx.capitalisedNames && pos < toks.length && (isCapitalised(toks[pos]) || toks[pos].kind === 'num' || (lex.particles.has(fw(toks[pos])) && isCapitalised(toks[pos + 1])))) {
        r.last = pos; pos++;
      }
      // French: a multiword proper noun ("Nations Unies", "Asie centrale" takes its adjective below).
      while (!ctx.capitalisedNames && isCapitalised(toks[c]) && pos < toks.length && isCapitalised(toks[pos])) {
        r.last = pos; pos++;
      }
      continue;
    }
    if (isWord(t) && lex.connectors.has(fw(t))) {
      const u = toks[pos + 1];
      if (!u) break;
      if (linkAt(ctx, pos + 1)) {
        const nextLink = phraseAt(toks, pos + 1, linkAt(ctx, pos + 1));
        if (!sameLink(usedLinks, nextLink) && !inEntre) break;
        const after = skipDeterminers(ctx, pos + 1 + linkAt(ctx, pos + 1));
        if (headSoon(ctx, after) && !inEntre) break; // "… et du programme d'action": a second name
        if (isQuoteOpen(toks[after])) break;
        pos++; continue;
      }
      if (!ctx.capitalisedNames && isAdjective(ctx, u) && isAdjective(ctx, toks[pos - 1]) && r.last === pos - 1) { r.last = pos + 1; pos += 2; continue; }
      // English "… and the ASEAN Outlook": after "and", an article starts another name.
      if (ctx.capitalisedNames && lex.determiners.has(fw(u)) && !inEntre) break;
      if (lex.determiners.has(fw(u)) && r.links > 0) {
        const w = toks[skipDeterminers(ctx, pos + 1)];
        if (!isContent(ctx, w)) break;
        // "… et ses examens": a possessive or indefinite article after "et" starts another thing
        if (lex.generic.has(fw(u)) && !inEntre) break;
        // a lower-case coordinated noun closes the name ("l'eau potable et l'assainissement .") or sits in an enumeration
        if (!inEntre && !isCapitalised(w)) {
          const wi = skipDeterminers(ctx, pos + 1);
          const prevComma = toks.slice(Math.max(i, pos - 8), pos).some((x) => x.text === ',');
          if (!prevComma && linkAt(ctx, wi + 1)) break;
        }
        if (!inEntre && headSoon(ctx, skipDeterminers(ctx, pos + 1))) break;
        if (!inEntre && !ctx.capitalisedNames && !lex.openChain && isCapitalised(w)) {
          // "… et les États membres ont …": a capitalised noun after "et le" starts a new clause unless inside an enumeration
          const prevComma = toks.slice(Math.max(i, pos - 8), pos).some((x) => x.text === ',');
          if (!prevComma) break;
        }
        if (verbObject || lastWasLinkPour) verbObject = isInfinitive(w) || verbObject;
        pos = skipDeterminers(ctx, pos + 1);
        r.last = pos; pos++; continue;
      }
      if (lastWasLinkPour && isInfinitive(u)) { r.last = pos + 1; pos += 2; verbObject = true; continue; }
      if (ctx.capitalisedNames && r.links > 0 && isCapitalised(u) && !headAt(ctx, pos + 1)) {
        pos++; r.last = pos; pos++;
        while (pos < toks.length && isCapitalised(toks[pos])) { r.last = pos; pos++; }
        continue;
      }
      if (ctx.capitalisedNames && r.links === 0 && r.last === pos - 1 && isCapitalised(u) && !headAt(ctx, pos + 1)) {
        // "Biological and Toxin Weapons Convention" is a gazetteer name; a head never coordinates here
        break;
      }
      if (lex.openChain && r.links > 0 && isContent(ctx, u) && !isCapitalised(u)) { r.last = pos + 1; pos += 2; continue; }
      break;
    }
    // English title-case enumeration: "on Combating Terrorism, Separatism and Extremism".
    if (isPunct(t, ',') && r.links > 0 && ctx.capitalisedNames && isCapitalised(toks[pos + 1]) && !headSoon(ctx, pos + 1)) {
      let k = pos + 1;
      while (k < toks.length && k < pos + 8 && (isCapitalised(toks[k]) || toks[k].text === ',')) k++;
      if (toks[k] && lex.connectors.has(fw(toks[k])) && isCapitalised(toks[k + 1]) && !headSoon(ctx, k + 1)) {
        k++;
        while (k < toks.length && isCapitalised(toks[k])) k++;
        r.last = k - 1; pos = k; continue;
      }
      break;
    }
    if (isPunct(t, ',') && r.links > 0 && !ctx.capitalisedNames && !lex.openChain) {
      const u = toks[pos + 1];
      const ln2 = linkAt(ctx, pos + 1);
      const sameFamily = ln2 === 0 || sameLink(usedLinks, phraseAt(toks, pos + 1, ln2));
      if (u && sameFamily && (ln2 || lex.determiners.has(fw(u))) && enumerationAhead(ctx, pos + 1)) {
        const after = skipDeterminers(ctx, pos + 1 + linkAt(ctx, pos + 1));
        if (headSoon(ctx, after)) break;
        if (linkAt(ctx, pos + 1)) { pos++; continue; }
        pos = skipDeterminers(ctx, pos + 1);
        if (!isContent(ctx, toks[pos])) break;
        r.last = pos; pos++; continue;
      }
      break;
    }
    if (t.text === '(' ) {
      let c = -1;
      for (let j = pos + 1; j < toks.length && j < pos + 30; j++) if (toks[j].text === ')') { c = j; break; }
      if (c < 0) break;
      const inner = toks.slice(pos + 1, c);
      const lowerGloss = inner.length > 0 && inner[0].kind === 'word' && /^\p{Ll}/u.test(inner[0].text) && !inner.some((x) => x.kind === 'num') && !/^ci-apr/u.test(fw(inner[0]));
      if (!lowerGloss) break;
      r.last = c; pos = c + 1; continue;
    }
    // Machine-translation period inside a name: "… actualisé. du Secrétariat …"
    if (isPunct(t, '.') && r.last === pos - 1 && toks[pos + 1] && linkAt(ctx, pos + 1) && /^\p{Ll}/u.test(toks[pos + 1].text) && !ctx.capitalisedNames) {
      pos++; continue;
    }
    // Open chain (Russian): "государств – членов", and enumerations "с терроризмом, сепаратизмом и экстремизмом".
    if (lex.openChain && /^[-–—]$/u.test(t.text) && r.last === pos - 1 && isContent(ctx, toks[pos + 1]) && !isCapitalised(toks[pos + 1])) { r.last = pos + 1; pos += 2; continue; }
    if (lex.openChain && isPunct(t, ',') && r.links > 0 && isContent(ctx, toks[pos + 1]) && !isCapitalised(toks[pos + 1]) && enumerationAhead(ctx, pos + 1)) { r.last = pos + 1; pos += 2; continue; }
    if (lex.openChain && r.last === pos - 1 && isAcronymToken(t)) { r.last = pos; pos++; continue; }
    // Open chain (Russian): any content word continues the name after a link.
    if (lex.openChain && r.links > 0 && isContent(ctx, t) && !isCapitalised(t) === true) { r.last = pos; pos++; continue; }
    if (lex.openChain && isContent(ctx, t) && r.last === pos - 1 && !isCapitalised(t)) { r.last = pos; r.adjectives++; pos++; continue; }
    break;
  }
  return r;
}

/** Walks left from the head at token h over capitalised modifiers, ordinals, years and name particles. */
export function walkLeft(ctx: WalkContext, h: number): number {
  const { toks, lex } = ctx;
  let first = h;
  let j = h - 1;
  while (j >= 0) {
    const t = toks[j];
    const w = fw(t);
    if (t.kind === 'num' && /^\d{4}$/.test(t.text) && ctx.capitalisedNames) { first = j; j--; continue; }
    if (t.kind === 'word' && ORDINAL.test(t.text) && !lex.determiners.has(w)) { first = j; j--; continue; }
    if (t.kind === 'word' && lex.ordinals.has(w) && !isCapitalised(t)) { first = j; j--; break; }
    if (t.kind === 'word' && isCapitalised(t) && !lex.openChain && !lex.determiners.has(w) && !lex.generic.has(w) && !lex.stop.has(w) && !lex.connectors.has(w)) {
      // a capitalised word at the very start of a sentence is only part of the name if it is not a function word
      first = j; j--; continue;
    }
    if (t.kind === 'word' && (lex.connectors.has(w)) && toks[j - 1] && (ORDINAL.test(toks[j - 1].text))) { j--; continue; }
    if (t.kind === 'word' && lex.particles.has(w) && !lex.determiners.has(w) && isCapitalised(toks[j - 1] ?? t) && j - 1 >= 0 && first === j + 1 && ctx.capitalisedNames) { j--; continue; }
    break;
  }
  // never start on a connector or particle
  while (first < h && (lex.connectors.has(fw(toks[first])) || lex.particles.has(fw(toks[first])))) first++;
  return first;
}
