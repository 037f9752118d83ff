import { isWhiteSpaceCode } from '../../text/whiteSpace.js';
import type { Entity } from '../../types.js';
import { findDateSpans } from './dates.js';
import { knownRunsFor, scanKnown, refForName } from './namedKnown.js';
import { prepareLexicon, foldWord, inStemList, type NamedType, type PreparedLexicon } from './namedLexicon.js';
import { findChineseNamed } from './namedZh.js';
import { CODE_LETTER, CODE_SURROGATE, CODE_UPPER, CODE_WORD, codeClass, isCapitalised, tokenize, type Token } from './namedTokens.js';
import { headAt, headCandidates, headStarts, marksAt, pairKey, walkLeft, walkRight, type HeadStarts, type StartGate, type WalkContext } from './namedWalk.js';
import { stableSort } from '../../stableSort.js';

/**
 * Instrument, event, initiative and person mentions in one paragraph's text
 * (spec/GUIDELINES.md §5). Reads the text and lexicons/<lang>/entities.yaml; writes nothing.
 *
 * Sources, in order of trust:
 * 1. the gazetteer of well-known named things (`known`: NPT, 2030 Agenda, BRI…), which gives a `ref`;
 * 2. "resolution 2231" / "résolution 78/269" (a resolution named by its number);
 * 3. the descriptor grammar (namedWalk.ts): a head noun with its modifiers and complements;
 * 4. a paragraph that is a document title ("G20 New Delhi Leaders' Declaration") is one instrument;
 * 5. persons after an honorific ("H.E. Mr. …", "M. …");
 * 6. an acronym in parentheses right after a name is a second mention of it, and later bare
 *    uses of that acronym in the paragraph are mentions too.
 * Overlaps are resolved longest first (a name inside a longer name is not marked again);
 * dates are not returned here (dates.ts), though dates are used to extend names.
 */

interface Found extends Entity {
  priority: number;
}

const MAX_TEXT = 50_000;

/** Document-title shape: one line, no final sentence punctuation, not too long. */
function looksLikeTitle(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 300 && !/[.;:,]$/.test(t) && !/\n/.test(t);
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start; let e = end;
  while (s < e && /[\s,;:]/u.test(text[s])) s++;
  while (e > s && /[\s,;:]/u.test(text[e - 1])) e--;
  return [s, e];
}

/** A quoted title within a few tokens (no sentence or clause break, no other head): its inner span. */
function quotedTitleAhead(ctx: WalkContext, from: number): [number, number] | null {
  const { toks } = ctx;
  for (let j = from; j < toks.length && j < from + 15; j++) {
    const t = toks[j];
    if (t.text === '«' || t.text === '“') {
      const want = t.text === '«' ? '»' : '”';
      for (let k = j + 1; k < toks.length && k < j + 80; k++) {
        if (toks[k].text === want) return k > j + 1 ? [toks[j + 1].start, toks[k - 1].end] : null;
      }
      return null;
    }
    const h = headAt(ctx, j);
    if (/^[.;,:()]$/.test(t.text) || (h && (isCapitalised(t) || h.d.lower === 'complement' || h.d.lower === 'proper'))) return null;
  }
  return null;
}

const linkSetCache = new WeakMap<PreparedLexicon, { placeLinks: Set<string>; dateStopLinks: Set<string> }>();
/** The lexicon's place links and date-stop links as folded sets, built once per lexicon (read-only). */
function linkSets(lex: PreparedLexicon): { placeLinks: Set<string>; dateStopLinks: Set<string> } {
  let c = linkSetCache.get(lex);
  if (!c) {
    c = { placeLinks: new Set((lex.lex.placeLinks ?? []).map(foldWord)), dateStopLinks: new Set((lex.lex.dateStopLinks ?? []).map(foldWord)) };
    linkSetCache.set(lex, c);
  }
  return c;
}

/** Descriptor-grammar candidates for fr/en/ru. */
function findByDescriptors(text: string, lang: string, lex: PreparedLexicon, dates: () => { start: number; end: number }[], starts: HeadStarts): Found[] {
  const capitalisedNames = lang === 'en';
  // Where heads may start, from the text itself (headStarts): a paragraph where none can make a
  // candidate is not even tokenised; null when the scan cannot decide, then the tokens are filtered.
  if (starts && !starts.useful) return [];
  const toks = tokenize(text, lang, false);
  // Date spans are only read while walking from a head: found at the first head, so a paragraph
  // without any head noun does not pay for them.
  const dateStarts = new Map<number, number>();
  let datesFound = false;
  const { placeLinks, dateStopLinks } = linkSets(lex);
  // (every field present from the start: one object shape for every paragraph's context)
  const ctx: WalkContext = { toks, lex, dateStarts, capitalisedNames, placeLinks, dateStopLinks, headMemo: undefined, mayHead: undefined, words: undefined };
  // Tokens where no head can start are skipped at once (the pre-filter); no head, no candidate.
  let may: Uint8Array | null = null;
  if (starts) may = marksAt(toks, starts.starts);
  else {
    const c = headCandidates(toks, lex, capitalisedNames);
    if (c && c.count === 0) return [];
    if (c) may = c.may;
  }
  if (may) ctx.mayHead = may;
  const out: Found[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (may && may[i] === 0) continue;
    const h = headAt(ctx, i);
    if (!h) continue;
    const headTok = toks[i];
    // (a head is a word or a number: for a word this is /^\p{Lu}/u, which no number matches)
    const cap = isCapitalised(headTok);
    // A lower-case head that never names a thing in lower case makes no candidate (every branch
    // below asks for a capital or a lower-case mode): skipped before the walk and the date spans.
    if (!cap && h.d.lower === 'never') continue;
    if (!datesFound) { for (const d of dates()) dateStarts.set(d.start, d.end); datesFound = true; }
    const r = walkRight(ctx, i, i + h.len);
    if (r.abort) continue;
    const d = r.newHead ?? h.d;
    const prev = toks[i - 1];
    const prevWord = prev && (prev.kind === 'word') ? foldWord(prev.text) : '';
    let first = i;
    if (cap) first = walkLeft(ctx, i);
    const leftModifiers = first < i;
    const genericBefore = lex.generic.has(first > 0 ? foldWord(toks[first - 1].text) : '') || (lex.generic.has(prevWord) && !leftModifiers);
    // A quoted title standing apart from its descriptor: only the title is the mention.
    if (r.quoteApart && !cap && h.d.lower !== 'never') {
      const [a, b] = r.quoteApart;
      if (b >= a) out.push({ type: d.type, text: '', start: toks[a].start, end: toks[b].end, rule: `entities/lexicon:${d.id}.quotedTitle`, priority: 2 });
      continue;
    }
    const hasRight = r.last >= i + h.len;
    let ok = false;
    if (cap) {
      // A capitalised head alone ("la Convention", "the Treaty") is an anaphor.
      // Only adjectives after it ("la Convention pertinente") is still an anaphor.
      // Adjectives alone name a thing ("Pacte numérique mondial") unless one of them points back ("la Convention pertinente").
      const adjectivesOnly = r.adjectives > 0 && r.links === 0 && !toks.slice(i + h.len, r.last + 1).some((x) => lex.anaphoric.has(foldWord(x.text)));
      const named = leftModifiers || r.links > 0 || r.quoted || r.date || adjectivesOnly || (lang === 'en' && hasRight) || (lex.openChain && hasRight);
      ok = named && !(genericBefore && !r.nominalQualifier);
      if (genericBefore && lang === 'en' && !leftModifiers) ok = false;
    } else {
      const mode = h.d.lower ?? 'never';
      if (mode === 'quoted') ok = r.quoted;
      else if (mode === 'complement' || mode === 'proper') {
        const specific = mode === 'proper' ? r.capital || r.date : r.qualifier || r.capital || r.date;
        // "un protocole juridiquement contraignant" is generic; "une convention internationale pour la répression de …" names one
        ok = (!genericBefore || r.nominalQualifier) && (r.quoted || (r.links > 0 && specific));
        if (h.plural && h.d.type === 'instrument') ok = false;
        if (h.d.firstComplement === 'lower' && r.firstComplementLower === false) ok = false;
        if (r.firstComplementIsHead && !r.quoted) ok = false;
      }
    }
    if (!ok && !cap && (h.d.lower ?? 'never') !== 'never' && !r.quoteApart) {
      // "la résolution adoptée chaque année par l'Assemblée générale « Titre »": a title a few words on.
      const q = quotedTitleAhead(ctx, Math.max(r.last + 1, i + h.len));
      if (q) out.push({ type: d.type, text: '', start: q[0], end: q[1], rule: `entities/lexicon:${d.id}.quotedTitle`, priority: 2 });
    }
    if (!ok) continue;
    let lastIdx = Math.max(r.last, i + h.len - 1);
    // A trailing past participle is the start of a clause, not part of the name ("Accord de Paris adopté conformément …").
    while (lastIdx >= i + h.len && lang === 'fr' && /(?:é|ée|és|ées)$/u.test(toks[lastIdx].text) && !isCapitalised(toks[lastIdx])) lastIdx--;
    const lastTok = toks[lastIdx];
    const [s, e] = trimSpan(text, toks[first].start, lastTok.end);
    out.push({ type: d.type, text: '', start: s, end: e, rule: `entities/lexicon:${d.id}`, priority: 1 });
  }
  return out;
}

/** A resolution's word and its number ("A/RES/70/1", "WHA68.7", "2231", "78/269"), tried at one position. */
const RESOLUTION_NUMBER = /(?<![\p{L}])([Rr]ésolution|R[ÉE]SOLUTION|[Rr]esolution|RESOLUTION|[Рр]езолюци[яиюей]|决议)\s*(?:n°\s*|[Nn]o\.\s*|№\s*)?(\d{1,5}(?:\/\d{1,5})*|A\/RES\/[\d\/A-Z.-]+\d|[A-Z]{2,6}\d+(?:\.\d+)*)(?![\d/])/uy;
/** What each of RESOLUTION_NUMBER's words holds, and at which offset from its start. */
const RESOLUTION_PROBES: [string, number][] = [['solution', 2], ['SOLUTION', 2], ['езолюци', 1], ['决议', 0]];

/** The first two code units of RESOLUTION_NUMBER's words (where a match starts). */
const RESOLUTION_PAIRS = ['Ré', 'ré', 'RÉ', 'RE', 'Re', 're', 'Ре', 'ре', '决议'];

/**
 * Where RESOLUTION_NUMBER may match, in text order: its word holds one of RESOLUTION_PROBES at that
 * offset. From the `second` offsets of a complete StartGate (RESOLUTION_PAIRS) when there is one (no
 * scan of the paragraph of its own), else from each probe's occurrences.
 */
function resolutionStarts(text: string, gate: StartGate | null): number[] {
  const starts: number[] = [];
  if (gate !== null && gate.complete) {
    for (const p of gate.second) if (RESOLUTION_PROBES.some(([probe, offset]) => text.startsWith(probe, p + offset))) starts.push(p);
    return starts;
  }
  for (const [probe, offset] of RESOLUTION_PROBES) {
    for (let i = text.indexOf(probe); i >= 0; i = text.indexOf(probe, i + 1)) if (i >= offset) starts.push(i - offset);
  }
  return starts.sort((a, b) => a - b);
}

/** "resolution 2231", "résolution 78/269", "резолюции 2231": a resolution named by its number. Exported for tests. */
export function findResolutions(text: string, lang: string, gate: StartGate | null = null): Found[] {
  // A match of RESOLUTION_NUMBER starts at its word, which holds one of the probes: the pattern is
  // tried only there (sticky), left to right without overlaps as its global scan would.
  const starts = resolutionStarts(text, gate);
  // Both patterns need one of these words (the Chinese one 决议): most paragraphs stop here.
  if (starts.length === 0) return [];
  const out: Found[] = [];
  let from = 0;
  for (const i of starts) {
    if (i < from) continue;
    RESOLUTION_NUMBER.lastIndex = i;
    const m = RESOLUTION_NUMBER.exec(text);
    if (!m) continue;
    out.push({ type: 'instrument', text: '', start: m.index, end: m.index + m[0].length, rule: `entities/rule:${lang}.instrument.resolution-number`, priority: 3 });
    from = i + m[0].length;
  }
  // Chinese puts the number first: 第2231号决议
  const zh = /第\s*(\d{1,5}(?:\/\d{1,5})*)\s*号决议/gu;
  for (let m = zh.exec(text); m; m = zh.exec(text)) {
    out.push({ type: 'instrument', text: '', start: m.index, end: m.index + m[0].length, rule: 'entities/rule:zh.instrument.resolution-number', priority: 3 });
  }
  return out;
}

/**
 * The honorific pattern of a lexicon, compiled once (null when it lists no honorifics), global and
 * sticky, and the honorifics' first words as written: the pattern is case-sensitive and matches each
 * honorific's characters up to its first space literally, so a match starts only where one of them is
 * written (honorificMatches).
 */
interface PersonPattern { re: RegExp; sticky: RegExp; firstWords: string[] }
const personPatterns = new WeakMap<PreparedLexicon, PersonPattern | null>();
function personPattern(lex: PreparedLexicon): PersonPattern | null {
  if (personPatterns.has(lex)) return personPatterns.get(lex)!;
  const hon = (lex.lex.honorifics ?? []).map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*')).sort((a, b) => b.length - a.length);
  const NAME = "\\p{Lu}[\\p{L}\\p{M}'’\\-]+";
  const re = hon.length ? new RegExp(`(?<![\\p{L}])(?:(?:${hon.join('|')})\\s+)+(${NAME}(?:\\s+(?:${NAME}|(?:de|da|van|von|bin|al|el|dos)(?=\\s+\\p{Lu}))){0,5})`, 'gu') : null;
  // (an honorific starting with a space gives '', which every text holds: no gate then)
  const pattern = re ? { re, sticky: new RegExp(re.source, 'uy'), firstWords: [...new Set((lex.lex.honorifics ?? []).map((h) => h.split(/\s+/)[0]))] } : null;
  personPatterns.set(lex, pattern);
  return pattern;
}

/**
 * The matches of the honorific pattern in the text, left to right: what its global scan finds. A match
 * starts where an honorific's first word is written, so the pattern is only tried there (sticky), not at
 * every position of the paragraph (its look-behind first); an honorific starting with white space (a
 * first word '') could start anywhere, and the text is scanned.
 */
function honorificMatches(text: string, pattern: PersonPattern, gate: StartGate | null): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (pattern.firstWords.includes('')) {
    const { re } = pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
    return out;
  }
  const starts: number[] = [];
  if (gate !== null && gate.complete && gate.pairs === startGatePairs(pattern)) {
    // the gate's `first` offsets, in text order, where an honorific's first word is written
    for (const p of gate.first) if (pattern.firstWords.some((w) => text.startsWith(w, p))) starts.push(p);
  } else {
    for (const w of pattern.firstWords) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) starts.push(i);
    starts.sort((a, b) => a - b);
  }
  if (starts.length === 0) return out;
  const { sticky } = pattern;
  let from = 0;
  for (const i of starts) {
    if (i < from) continue;
    sticky.lastIndex = i;
    const m = sticky.exec(text);
    if (m) { out.push(m); from = i + m[0].length; }
  }
  return out;
}

/**
 * The StartGate pairs for a lexicon's paragraphs: the first two code units of its honorifics' first
 * words (flag 1) and of RESOLUTION_NUMBER's words (flag 2). Null when one of them is shorter or does
 * not start with a word character (the gate only reads word characters), or when the honorific
 * pattern scans the whole text anyway.
 */
const gatePairTables = new WeakMap<PersonPattern, Uint8Array | null>();
function startGatePairs(pattern: PersonPattern): Uint8Array | null {
  let pairs = gatePairTables.get(pattern);
  if (pairs === undefined) {
    const flagged: [string, number][] = [...pattern.firstWords.map((w): [string, number] => [w, 1]), ...RESOLUTION_PAIRS.map((w): [string, number] => [w, 2])];
    const gateable = flagged.every(([w]) => w.length >= 2 && (codeClass(w.charCodeAt(0)) & CODE_WORD) !== 0);
    pairs = gateable ? new Uint8Array(0x10000) : null;
    if (pairs) for (const [w, flag] of flagged) pairs[pairKey(w.charCodeAt(0), w.charCodeAt(1))] |= flag;
    gatePairTables.set(pattern, pairs);
  }
  return pairs;
}

/** An empty StartGate for a paragraph of this lexicon, or null (see startGatePairs). Exported for tests. */
export function startGateFor(lex: PreparedLexicon): StartGate | null {
  const pattern = personPattern(lex);
  const pairs = pattern ? startGatePairs(pattern) : null;
  return pairs ? { pairs, first: [], second: [], complete: false } : null;
}

/** Persons after an honorific: "H.E. Mr. Sonexay Siphandone", "M. António Guterres". Exported for tests. */
export function findPersons(text: string, lex: PreparedLexicon, lang: string, gate: StartGate | null = null): Found[] {
  const pattern = personPattern(lex);
  if (!pattern) return [];
  const out: Found[] = [];
  for (const m of honorificMatches(text, pattern, gate)) {
    const name = m[1];
    const words = name.split(/\s+/);
    const firstWord = foldWord(words[0]);
    // "President of …", "Prime Minister of the Lao PDR": a title, not a name
    if (inStemList(lex.nonHeads, firstWord) || lex.heads.some((h) => h.form.length === 1 && h.form[0] === firstWord)) continue;
    if (words.length < 2 && lang !== 'ru') continue;
    const start = m.index + m[0].length - name.length;
    out.push({ type: 'person', text: '', start, end: start + name.length, rule: `entities/rule:${lang}.person.honorific`, priority: 2 });
  }
  return out;
}

/**
 * The last words of the link words insideOrganisation's first pattern reads (du, de la, de l', des,
 * de, of the, of, по, о), as they stand after white space there; none is longer than three code units.
 */
const LINK_LAST_WORDS = new Set(['du', 'la', "l'", 'l’', 'des', 'de', 'the', 'of', 'по', 'о']);
const MAX_LINK_LAST_WORD = 3;

/** Whether text[from, k] ends (at k, not white space) with one of LINK_LAST_WORDS that white space comes before. */
function endsWithLinkWord(text: string, from: number, k: number): boolean {
  let j = k;
  while (j >= from && !isWhiteSpaceCode(text.charCodeAt(j))) {
    if (k - j >= MAX_LINK_LAST_WORD) return false;
    j--;
  }
  return j >= from && LINK_LAST_WORDS.has(text.slice(j + 1, k + 1));
}

/** Whether the first code unit after the white space at text[end…] (within `limit`) may begin a capital (an upper-case letter, or a surrogate pair). */
function capitalAfterSpace(text: string, end: number, limit: number): boolean {
  let q = end;
  while (q < limit && isWhiteSpaceCode(text.charCodeAt(q))) q++;
  return q < limit && (codeClass(text.charCodeAt(q)) & (CODE_UPPER | CODE_SURROGATE)) !== 0;
}

/**
 * True when the span is part of an organisation's name: "Organisation du Traité de sécurité
 * collective", "Collective Security Treaty Organization" (a non-head noun with a link before
 * it, or a capitalised non-head right after it in English). Exported for tests.
 */
export function insideOrganisation(text: string, start: number, end: number, lex: PreparedLexicon, lang: string): boolean {
  // Each pattern needs given text next to the span, tested first (most spans have none, and the
  // patterns, anchored at the end of the slice, are tried from every position of it): before the
  // span, in the 40 code units read, a link's last word after white space, or (Russian) a word; after
  // it (English), white space and a capital.
  const from = Math.max(0, start - 40);
  let k = start - 1;
  while (k >= from && isWhiteSpaceCode(text.charCodeAt(k))) k--;
  const lastBefore = k >= from ? text.charCodeAt(k) : -1;
  const afterLink = lastBefore >= 0 && endsWithLinkWord(text, from, k);
  const afterWord = lex.openChain && lastBefore >= 0 && ((codeClass(lastBefore) & (CODE_LETTER | CODE_SURROGATE)) !== 0 || lastBefore === 0x2d);
  const before = afterLink || afterWord ? text.slice(from, start) : '';
  const m = afterLink ? /(\p{Lu}[\p{L}\-]+)\s+(?:du|de\s+la|de\s+l['’]|des|de|of\s+the|of|по|о)\s*$/u.exec(before) : null;
  if (m && inStemList(lex.nonHeads, foldWord(m[1]))) return true;
  if (afterWord) {
    // Russian genitive: "Организации Договора о …" has no link word.
    const g = /(\p{Lu}[\p{L}\-]+)\s*$/u.exec(before);
    if (g && inStemList(lex.nonHeads, foldWord(g[1]))) return true;
  }
  if (lang === 'en' && end < text.length && isWhiteSpaceCode(text.charCodeAt(end)) && capitalAfterSpace(text, end, Math.min(text.length, end + 30))) {
    const a = /^\s+(\p{Lu}[\p{L}\-]+)/u.exec(text.slice(end, end + 30));
    if (a && inStemList(lex.nonHeads, foldWord(a[1]))) return true;
  }
  return false;
}

/** Longest first, then by priority; keeps a non-overlapping set in text order. */
function resolve(cands: Found[]): Found[] {
  const sorted = stableSort(cands.slice(), longestThenPriority);
  const kept: Found[] = [];
  for (const c of sorted) {
    if (c.end <= c.start) continue;
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return stableSort(kept, byStart);
}

function longestThenPriority(a: Found, b: Found): number {
  return (b.end - b.start) - (a.end - a.start) || b.priority - a.priority || a.start - b.start;
}

function byStart(a: Found, b: Found): number {
  return a.start - b.start;
}

/**
 * Whether an acronym can abbreviate a name: same first letter ("Kunming-Montreal … Framework
 * (KMGBF)"), or at least three of the name's initials in order. "(UN)" after "Charter of the
 * United Nations" abbreviates the organisation inside the name, not the name.
 */
function acronymFits(acr: string, name: string): boolean {
  const initials = (name.match(/(?<![\p{L}])\p{Lu}/gu) ?? []).join('');
  const letters = acr.replace(/[^\p{Lu}]/gu, '');
  if (!letters || !initials) return false;
  if (letters[0] === initials[0]) return true;
  if (letters.length < 3) return false;
  let k = 0;
  for (const c of initials) if (c === letters[k]) k++;
  return k === letters.length;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]/u;
/** Whether a letter or number (a code point, as the u flag reads it) ends at `end` in the text. */
function letterOrNumberBefore(text: string, end: number): boolean {
  if (end <= 0) return false;
  const low = text.charCodeAt(end - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && end >= 2 && text.charCodeAt(end - 2) >= 0xd800 && text.charCodeAt(end - 2) <= 0xdbff ? end - 2 : end - 1;
  return LETTER_OR_NUMBER.test(text.slice(from, end));
}

/**
 * The occurrences of `word` that no letter or number touches, left to right and not overlapping:
 * what /(?<![\p{L}\p{N}])word(?![\p{L}\p{N}])/gu finds, by indexOf instead of trying the pattern's
 * look-behind at every position of the paragraph (`word` starts with a capital, as an acronym does).
 */
function standaloneOccurrences(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(word); i >= 0;) {
    const e = i + word.length;
    if (!letterOrNumberBefore(text, i) && !LETTER_OR_NUMBER.test(text.slice(e, e + 2))) { out.push(i); i = text.indexOf(word, e); } else i = text.indexOf(word, i + 1);
  }
  return out;
}

/** Whether code unit `code` stands in text[from, to). */
function holdsCode(text: string, code: number, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

/** Whether [s, e) overlaps a mention found or added. */
function taken(found: Found[], extra: Found[], s: number, e: number): boolean {
  for (const k of found) if (s < k.end && k.start < e) return true;
  for (const k of extra) if (s < k.end && k.start < e) return true;
  return false;
}

/** "(BTWC)" after a name: a second mention; bare later uses of the same acronym too. */
function addAcronyms(text: string, found: Found[], lang: string): Found[] {
  const extra: Found[] = [];
  for (const f of found) {
    if (f.type === 'person') continue;
    // the pattern below needs a "(" within the 20 characters it reads: most names have none
    // (looked for there only: an indexOf would read on to the end of the paragraph for each name)
    if (!holdsCode(text, 0x28, f.end, f.end + 20)) continue;
    const m = /^\s*\(\s*([\p{Lu}][\p{Lu}\p{N}\-&]{1,11}s?)\s*\)/u.exec(text.slice(f.end, f.end + 20));
    if (!m) continue;
    const acr = m[1];
    if (!/\p{Lu}.*\p{Lu}/u.test(acr)) continue;
    if (!acronymFits(acr, text.slice(f.start, f.end))) continue; // known acronyms ("NPT") come from the gazetteer itself
    const s = f.end + m[0].indexOf(acr);
    if (!taken(found, extra, s, s + acr.length)) extra.push({ type: f.type, text: '', start: s, end: s + acr.length, ref: f.ref ?? null, rule: `entities/rule:${lang}.acronym-in-parentheses`, priority: 2 });
    for (const k of standaloneOccurrences(text, acr)) {
      if (k <= s) continue;
      if (!taken(found, extra, k, k + acr.length)) extra.push({ type: f.type, text: '', start: k, end: k + acr.length, ref: f.ref ?? null, rule: `entities/rule:${lang}.acronym-repeated`, priority: 2 });
    }
  }
  // (in place when nothing is added: `found` is the caller's working list, read no more)
  return stableSort(extra.length === 0 ? found : [...found, ...extra], byStart);
}

/** A title line ("G20 New Delhi Leaders' Declaration", "STATEMENT of the … on the occasion of …"): the whole line. */
function extendTitle(text: string, found: Found[], lang: string): Found[] {
  if (!looksLikeTitle(text)) return found;
  const lead = /^\s*(?:the|la|le|les|l['’])?\s*/iu.exec(text)![0].length;
  const first = found.find((f) => f.type === 'instrument' && f.start <= lead + 1);
  if (!first) return found;
  // a subtitle after a dash or colon, or an all-capitals subtitle after a mixed-case name
  const sub = /\s*[-–—]\s+\p{Lu}|[-–—]\s*\p{Lu}\p{Ll}+\s+\p{Lu}|\s*:\s/u.exec(text.slice(first.end))
    ?? (/\p{Ll}/u.test(text.slice(first.start, first.end)) ? /\s+(?=\p{Lu}{2,}[\s\p{Lu}\p{P}]*$)/u.exec(text.slice(first.end)) : null);
  let end = sub ? first.end + sub.index : text.trimEnd().length;
  // … and before a parenthesis with a date ("Communiqué … (18 avril 2023)")
  const paren = /\s*\([^)]*\d[^)]*\)\s*$/u.exec(text.slice(first.end, end));
  if (paren) end = first.end + paren.index;
  if (end < first.end) end = first.end;
  const title: Found = { type: 'instrument', text: '', start: first.start, end, ref: first.ref ?? null, rule: `entities/rule:${lang}.document-title`, priority: 4 };
  return [title, ...found.filter((f) => f.end <= title.start || f.start >= title.end)];
}

/** Instrument, event, initiative and person mentions in one paragraph's text. */
export function findNamedEntities(text: string, lang: string): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const l = (lang || '').toLowerCase().slice(0, 2);
  const cands: Found[] = [];
  const lex = l === 'zh' ? null : prepareLexicon(l);
  // One scan of the paragraph's word starts finds where heads may start and the runs that may begin
  // a known name (headStarts, knownRunsFor); then the gazetteer hits and the spans of organisations
  // named like our things (scanKnown).
  const runs = lex ? knownRunsFor(t, l) : null;
  const gate = lex ? startGateFor(lex) : null;
  const starts = lex ? headStarts(t, lex, l === 'en', runs, gate) : null;
  const known = scanKnown(t, l, runs);
  for (const k of known.hits) {
    cands.push({ type: k.entry.type as NamedType, text: '', start: k.start, end: k.end, ref: k.entry.id, rule: `entities/gazetteer:${l}.${k.entry.id}${k.acronym ? '.acronym' : ''}`, priority: 5 });
  }
  if (l === 'zh') {
    const resolutions = findResolutions(t, l);
    cands.push(...resolutions);
    cands.push(...findChineseNamed(t).map((c) => ({ ...c, priority: 1 })).filter((c) => !resolutions.some((r) => c.start < r.end && r.start < c.end)));
  } else if (lex) {
    const resolutions = findResolutions(t, l, gate);
    cands.push(...resolutions);
    // "General Assembly resolution 78/269": the numbered resolution is the mention, not a longer run around it.
    cands.push(...findByDescriptors(t, l, lex, () => findDateSpans(t, l), starts).filter((c) => !resolutions.some((r) => c.start < r.end && r.start < c.end)));
    cands.push(...findPersons(t, lex, l, gate));
  }
  let pool = cands;
  if (lex) {
    const { bodies } = known;
    pool = cands.filter((c) => !bodies.some(([s, e]) => (c.start >= s && c.end <= e) || (c.start === s && !c.rule?.includes('gazetteer'))) && !insideOrganisation(t, c.start, c.end, lex, l));
  }
  let found = resolve(pool);
  found = extendTitle(t, found, l);
  found = addAcronyms(t, found, l);
  // Pushed onto a literal, not made by found.map: map's result is holey once optimised code
  // inlines it and packed before, and mergeEntities deoptimised on the change.
  const out: Entity[] = [];
  for (const f of found) {
    const ref = f.ref ?? (f.type !== 'person' ? refForName(t.slice(f.start, f.end), l) : null);
    // `ref` is always made (undefined when none: JSON.stringify leaves it out), never added
    // afterwards: one hidden class for every named entity (see mergeEntities).
    out.push({ type: f.type, text: t.slice(f.start, f.end), start: f.start, end: f.end, rule: f.rule, ref: ref || undefined });
  }
  return out;
}
