import type { Entity, Paragraph } from '../types.js';
import { stableSort } from '../stableSort.js';
import { foldLooseCached } from '../text/fold.js';
import { paragraphLanguage, report, type AnnotateContext } from './context.js';
import { KEY_SPACE, LETTER_OR_DIGIT, loadTopicCues, matchFormAt, matchFormFrom, unitsMatching, WHITE_SPACE, type CompiledCue } from './topicsLexicon.js';
import { packLists } from '../text/packedLists.js';

/** Topic that stands for the organisation itself; a field topic wins over it (GUIDELINES §7). */
const INSTITUTIONAL = 'institutional';
const PARTNERSHIPS = 'partnerships';
/** A topic is assigned from this score on (a cue weighs 1 unless its lexicon entry says otherwise). */
const MIN_SCORE = 1;
/** With a field topic present, `institutional` needs this much (membership, chairmanship…). */
const INSTITUTIONAL_WITH_FIELD = 2;
/** When nothing reaches MIN_SCORE, the best topic is still taken from this score on. */
const FALLBACK_SCORE = 0.5;
/** A cooperation word this close (characters) to another organisation's name signals partnerships. */
const PARTNER_WINDOW = 60;
/** Each further match of the same cue weighs this much of the one before. */
const REPEAT_DECAY = 0.5;
/** A topic scoring less than this share of the best topic's score is dropped (a passing mention). */
const RELATIVE_SCORE = 0.2;

export interface CueMatch {
  start: number;
  end: number;
  cue: CompiledCue | null;
}

/**
 * Stage: topics. Reads each paragraph's text, kind, language and entities (organisation
 * mentions) and the document's organisation; writes `topics` (ids of spec/topics.json,
 * highest score first, then first mention) and `topicRules` (the cue ids and rules that
 * produced them). Headings and fragments get none (GUIDELINES §7).
 *
 * Cues come from lexicons/<lang>/topics.yaml. Overlapping matches keep the longest, so a
 * longer phrase ("sécurité alimentaire") decides for the words inside it. A paragraph
 * about a body's work in a field gets the field, not `institutional`: institutional is kept
 * beside a field topic only when its own cues are strong (membership, chairmanship).
 * A language without a topics lexicon gets an info message and no topics.
 */
export function annotateTopics(paragraphs: Paragraph[], ctx: AnnotateContext): void {
  const warned = new Set<string>();
  const own = (ctx.document.organization ?? mostMentionedOrganization(paragraphs) ?? '').toLowerCase();
  for (const p of paragraphs) {
    p.topics = [];
    // Cleared, not deleted: a delete would change the paragraph's hidden class (see segmentDocument).
    p.topicRules = undefined;
    if (p.kind === 'heading' || p.kind === 'fragment' || !p.text) continue;
    const lang = paragraphLanguage(p, ctx);
    const cues = loadTopicCues(lang);
    if (!cues) {
      if (!warned.has(lang)) {
        warned.add(lang);
        report(ctx, 'topics', 'topics/no-lexicon', `no topic cues for language "${lang}": topics left empty`, 'info');
      }
      continue;
    }
    const { topics, rules } = assignTopics(p, cues, own);
    p.topics = topics;
    if (rules.length) p.topicRules = rules;
  }
}

/** Scores the topics of one paragraph and picks them (see annotateTopics). */
export function assignTopics(p: Paragraph, cues: CompiledCue[], ownOrganization: string): { topics: string[]; rules: string[] } {
  const folded = foldLooseCached(p.text);
  const entities = p.entities ?? [];
  // One pass over the entities: other organisations (partners) and the first own mention.
  const others: Entity[] = [];
  let ownMention: Entity | undefined;
  for (const e of entities) {
    if (e.type !== 'organization') continue;
    if (isOwn(e, ownOrganization)) ownMention ??= e;
    else if (e.ref) others.push(e);
  }

  const kept = keepLongest(scanCueMatches(folded, cues));

  // The topics scored, in the order first scored (a handful: a list searched beats a Map here).
  const scores: TopicScore[] = [];
  const cooperationAt: number[] = [];
  // Per cue id, how often it has counted so far (ids and counts side by side, few of them).
  const repeatIds: string[] = [];
  const repeatCounts: number[] = [];
  for (const m of kept) {
    const cue = m.cue!;
    if (cue.role === 'cooperation') cooperationAt.push(m.start, m.end);
    if (cue.role !== 'topic') continue;
    // Inside another organisation's name a cue counts half ("Union économique eurasienne"
    // says little about the paragraph's field; "… pour l'Afghanistan" still says something).
    let inName = false;
    for (const e of others) if (m.start >= e.start && m.end <= e.end) { inName = true; break; }
    // A repeated cue adds less each time: one field named five times is not five fields.
    const r = repeatIds.indexOf(cue.id);
    const seen = r < 0 ? 0 : repeatCounts[r]!;
    if (r < 0) { repeatIds.push(cue.id); repeatCounts.push(1); } else repeatCounts[r] = seen + 1;
    const weight = cue.weight * (inName ? 0.5 : 1) * REPEAT_DECAY ** seen;
    for (const t of cue.topics) addScore(scores, t, weight, m.start, cue.rule);
  }
  if (cooperationAt.length) {
    const partner = others.find((e) => cooperationAt.some((c) => Math.abs(c - e.start) <= PARTNER_WINDOW || Math.abs(c - e.end) <= PARTNER_WINDOW));
    if (partner) addScore(scores, PARTNERSHIPS, 1, partner.start, 'topics/partner-organization');
  }
  if (ownMention) addScore(scores, INSTITUTIONAL, FALLBACK_SCORE, ownMention.start, 'topics/own-organization');
  if (scores.length === 0) return { topics: [], rules: [] };

  // Stable: equal scores and first offsets keep the order first scored.
  const ranked = stableSort(scores, byScoreThenFirst);
  const topField = ranked.find((s) => s.topic !== INSTITUTIONAL && s.score >= MIN_SCORE);
  const inst = ranked.find((s) => s.topic === INSTITUTIONAL);
  const chosen: TopicScore[] = [];
  if (topField) {
    const floor = Math.max(MIN_SCORE, topField.score * RELATIVE_SCORE);
    for (const s of ranked) if (s.topic === INSTITUTIONAL ? s.score >= Math.max(INSTITUTIONAL_WITH_FIELD, floor) : s.score >= floor) chosen.push(s);
  } else if (inst && inst.score >= FALLBACK_SCORE) {
    chosen.push(inst);
  } else if (ranked[0]!.score >= FALLBACK_SCORE) {
    chosen.push(ranked[0]!);
  }
  // The chosen topics' rules, each once, in order (a handful: arrays beat Sets here).
  const topics: string[] = [];
  const rules: string[] = [];
  for (const s of chosen) {
    topics.push(s.topic);
    for (const r of s.rules) if (!rules.includes(r)) rules.push(r);
  }
  return { topics, rules };
}

/** A topic's score, first offset and rules (distinct, in the order first added). */
interface TopicScore { topic: string; score: number; first: number; rules: string[] }

function byScoreThenFirst(a: TopicScore, b: TopicScore): number {
  return b.score - a.score || a.first - b.first;
}

/** Adds one cue's weight to a topic (module-level rather than a closure: assignTopics runs per paragraph). */
function addScore(scores: TopicScore[], topic: string, weight: number, at: number, rule: string): void {
  let s: TopicScore | undefined;
  for (const t of scores) if (t.topic === topic) { s = t; break; }
  if (!s) { s = { topic, score: 0, first: at, rules: [] }; scores.push(s); }
  s.score += weight;
  s.first = Math.min(s.first, at);
  if (!s.rules.includes(rule)) s.rules.push(rule);
}

/** Whether an organisation mention is the document's own organisation (or one of its bodies, "sco-…"). */
function isOwn(e: Entity, ownOrganization: string): boolean {
  return !!ownOrganization && !!e.ref && (e.ref === ownOrganization || e.ref.startsWith(`${ownOrganization}-`));
}

/**
 * Every match of every cue in a folded paragraph, cue by cue in lexicon order, each cue's
 * matches left to right without overlap: the same list as running folded.matchAll(cue.re)
 * for each cue (scanCueMatches finds them in text order; this puts them in cue order).
 */
export function findCueMatches(folded: string, cues: CompiledCue[]): CueMatch[] {
  const found = scanCueMatches(folded, cues);
  // Stable: within one cue the matches stay in text order.
  return found.sort((a, b) => a.order - b.order).map(({ start, end, cue }) => ({ start, end, cue }));
}

/** A cue match with the cue's position in the lexicon (the tie-break of keepLongest). */
interface OrderedMatch extends CueMatch { order: number }

/**
 * Every match of every cue in a folded paragraph, found in one pass over the text: the keys
 * automaton (see LeadIndex) reads each code unit once and reports every key (the literal
 * beginnings of each cue's matches, see scanKeysOf) that starts where a cue may start (a word
 * start for a word-bounded lexicon); only the cues of the keys found are matched, start by start
 * (hand matcher; the sticky regex for text with surrogate pairs). Each cue's matches do not
 * overlap and go left to right, as with matchAll: after a match the cue is tried again only
 * from its end. The result is ordered by start, then by key length, then by lexicon order
 * (callers sort with a full tie-break, so the order at one start is free); cues without a lead
 * (none in the current lexicons) come last, matched by their regexes.
 */
function scanCueMatches(folded: string, cues: CompiledCue[]): OrderedMatch[] {
  const index = leadIndexOf(cues);
  const count = scanKeys(folded, index);
  // The hand matcher reads code units, which is exact for text without surrogate pairs; text
  // with one (rare: an emoji, a rare CJK character) is matched with the sticky regexes.
  const { starts, ends, leads, surrogates } = keyHits;
  const found: OrderedMatch[] = [];
  const from = resetNextFrom(cues.length);
  for (let h = 0; h < count; h++) tryLead(index.leads[leads[h]!]!, folded, starts[h]!, ends[h]!, cues, from, surrogates, found);
  for (const i of index.noLead) {
    const cue = cues[i]!;
    cue.re.lastIndex = 0;
    for (const m of folded.matchAll(cue.re)) {
      if (m[0].length > 0) found.push({ start: m.index, end: m.index + m[0].length, cue, order: i });
    }
  }
  return found;
}

/**
 * Where scanKeys writes the keys it found: per hit, its start, end and lead number, ordered by
 * start and at one start by key length (grown as needed, reused from paragraph to paragraph);
 * their number; and whether the text holds a surrogate.
 */
const keyHits: { starts: Int32Array; ends: Int32Array; leads: Int32Array; count: number; surrogates: boolean } = {
  starts: new Int32Array(256), ends: new Int32Array(256), leads: new Int32Array(256), count: 0, surrogates: false,
};

/**
 * The keys of the index that occur in folded text where a cue may start, into keyHits; returns
 * their number. One transition per code unit, and a branch only where a key or a deep walk
 * begins (see LeadIndex): the walk per word start it replaces cost a few mispredicted branches
 * per word (where a word starts, where the walk stops), most of the stage's time.
 */
function scanKeys(folded: string, index: LeadIndex): number {
  const { unitInfo, next, width, outStart, outputs, leads, spaced, deepFirst } = index;
  const n = folded.length;
  keyHits.count = 0;
  // Every unit's flags, or-ed: whether a surrogate was read (checked once, at the end).
  let seen = 0;
  let state = index.start;
  for (let i = 0; i < n; i++) {
    const info = unitInfo[folded.charCodeAt(i)]!;
    seen |= info;
    state = next[(state >> 1) + (info & SYMBOL)]!;
    if ((state & 1) === 0) continue;
    const s = (state / (width * 2)) | 0;
    for (let j = outStart[s]!, to = outStart[s + 1]!; j < to; j++) {
      const k = outputs[j]!;
      // A key spells a white-space run as one unit: its start is then found by reading it backwards.
      addKeyHit(spaced[k] === 0 ? i + 1 - leads[k]!.s.length : keyStartBefore(folded, i + 1, leads[k]!.s, unitInfo), i + 1, k);
    }
    if (deepFirst[s]! >= 0) walkDeep(folded, i + 1, s, index);
  }
  keyHits.surrogates = (seen & SURROGATE_UNIT) !== 0;
  return keyHits.count;
}

/**
 * The keys longer than DFA_DEPTH whose first DFA_DEPTH units (state s) end right before `from`:
 * a walk down the deep part of the trie, reading a white-space run as one KEY_SPACE as the
 * automaton does.
 */
function walkDeep(folded: string, from: number, s: number, index: LeadIndex): void {
  const { unitInfo, deep } = index;
  const spacedPrefix = index.spacedPrefixOf[s];
  const start = spacedPrefix ? keyStartBefore(folded, from, spacedPrefix, unitInfo) : from - DFA_DEPTH;
  const n = folded.length;
  let node = index.deepFirst[s]!;
  for (let q = from; q < n; ) {
    const symbol = unitInfo[folded.charCodeAt(q++)]! & SYMBOL;
    if (symbol === SPACE_SYMBOL) while (q < n && (unitInfo[folded.charCodeAt(q)]! & SYMBOL) === SPACE_SYMBOL) q++;
    // A node's children are siblings one after another; most nodes this deep have one child.
    let word = deep[2 * node]!;
    while ((word & DEEP_SYMBOL) !== symbol) {
      node = deep[2 * node + 1]!;
      if (node < 0) return;
      word = deep[2 * node]!;
    }
    const lead = (word >>> DEEP_LEAD_SHIFT) - 1;
    if (lead >= 0) addKeyHit(start, q, lead);
    if ((word & DEEP_HAS_CHILD) === 0) return;
    // Depth first: a node's first child comes right after it.
    node++;
  }
}

/**
 * Adds a key found from `start` to `end` to keyHits. Keys come out by their end: one that starts
 * earlier and ends later (a key nested in a longer one, rare) is moved back to its place by start
 * (stable: at one start, shorter first).
 */
function addKeyHit(start: number, end: number, lead: number): void {
  if (keyHits.count === keyHits.starts.length) {
    keyHits.starts = grow(keyHits.starts);
    keyHits.ends = grow(keyHits.ends);
    keyHits.leads = grow(keyHits.leads);
  }
  const { starts, ends, leads } = keyHits;
  let at = keyHits.count++;
  while (at > 0 && starts[at - 1]! > start) {
    starts[at] = starts[at - 1]!;
    ends[at] = ends[at - 1]!;
    leads[at] = leads[at - 1]!;
    at--;
  }
  starts[at] = start;
  ends[at] = end;
  leads[at] = lead;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Where a key that ends at `end` starts, a KEY_SPACE of the key standing for a whole white-space
 * run (read backwards: the run is bounded on both sides by the units the key spells around it).
 */
function keyStartBefore(folded: string, end: number, key: string, unitInfo: Int32Array): number {
  let q = end;
  for (let k = key.length - 1; k >= 0; k--) {
    q--;
    if (key.charCodeAt(k) === KEY_SPACE) while (q > 0 && (unitInfo[folded.charCodeAt(q - 1)]! & SYMBOL) === SPACE_SYMBOL) q--;
  }
  return q;
}

/**
 * Per cue (by index), where it may match next in the paragraph being scanned (the end of its
 * last match): one buffer reused from paragraph to paragraph.
 */
let nextFrom = new Int32Array(0);
function resetNextFrom(cueCount: number): Int32Array {
  if (nextFrom.length < cueCount) nextFrom = new Int32Array(cueCount);
  else nextFrom.fill(0, 0, cueCount);
  return nextFrom;
}

/** Tries, at p, the cues of a lead whose key the automaton found there (ending at keyEnd). */
function tryLead(lead: Lead, folded: string, p: number, keyEnd: number, cues: CompiledCue[], from: Int32Array, surrogates: boolean, found: OrderedMatch[]): void {
  for (let c = 0; c < lead.cues.length; c++) {
    const i = lead.cues[c]!;
    if (p < from[i]!) continue;
    const cue = cues[i]!;
    let end: number;
    if (surrogates) {
      cue.sticky.lastIndex = p;
      const m = cue.sticky.exec(folded);
      end = m ? p + m[0].length : -1;
    } else {
      // The key's units matched the first steps already (see keyStepsOf): the rest is matched from its end.
      end = cue.keySteps > 0 ? matchFormFrom(folded, cue.steps, cue.keySteps, keyEnd) : matchFormAt(folded, cue.steps, p);
    }
    if (end > p) {
      found.push({ start: p, end, cue, order: i });
      from[i] = end;
    }
  }
}

/**
 * The organisation ref mentioned most often (bodies "sco-…" count for "sco"): the document's
 * own organisation when documentInfo could not name it, so that its mentions are not taken
 * for partner organisations.
 */
function mostMentionedOrganization(paragraphs: Paragraph[]): string | null {
  const counts = new Map<string, number>();
  for (const p of paragraphs) {
    for (const e of p.entities ?? []) {
      if (e.type !== 'organization' || !e.ref) continue;
      const root = e.ref.split('-')[0];
      counts.set(root, (counts.get(root) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [ref, n] of counts) if (!best || n > counts.get(best)!) best = ref;
  return best;
}

/**
 * The cues' keys (see scanKeysOf) as an Aho–Corasick automaton over code units with a dense
 * transition table for their first DFA_DEPTH units, and a walk down the trie of their further
 * units: one pass over a text, one look-up per unit (and a short walk where a key's first
 * DFA_DEPTH units occur), reports every key at every place a cue may start. Units are first
 * mapped to small symbols (the distinct units of the keys, a few dozen for an alphabetic
 * language, a few hundred for Chinese; every white-space unit to SPACE_SYMBOL; every other unit
 * to OTHER_LETTER or OTHER_MARK, by whether it is a letter or digit). Two states stand for "no key begun": IN_WORD after a letter or digit, where no
 * word-bounded key may start, and AT_START after any other unit (and at the text start), where
 * one may; a state of the keys trie means the keys with that beginning are under way since a
 * place they may start. As the walk it replaces, the automaton reads a white-space run as one
 * KEY_SPACE: a state entered by white space stays there on more white space.
 *
 * Why two parts: a paragraph of the example visits some 3,000 states of a full automaton (every
 * word that begins like a key goes down its path), each a row of the table in its own cache line,
 * and in the pipeline those rows come cold from memory: the first scan of a paragraph cost several
 * times the next one. The automaton of the first units has a few hundred states (743 for fr); the
 * deep trie keeps a node in two numbers, a path's nodes next to one another (depth first), so its
 * walks read a few lines.
 * Hand-written because the keys come from the lexicon at run time, and matching them needs that
 * spelling of white space and the word-start condition, which no library automaton has.
 * Built once per cue list.
 */
interface LeadIndex {
  /** Per code unit, its symbol (the low 16 bits) and whether it is a surrogate (SURROGATE_UNIT). */
  unitInfo: Int32Array;
  /** Symbols in use (the width of a row of `next`). */
  width: number;
  /**
   * Transitions: next[state * width + symbol], stored as the target state × width × 2, plus 1
   * when the target reports keys or begins a deep walk (as in src/facts/literalAutomaton.ts: the
   * scan indexes the table with the value halved and tests the low bit).
   */
  next: Int32Array;
  /** The state the scan starts in, stored as in `next` (AT_START: a text starts a word). */
  start: number;
  /** Per state, the span of `outputs` it reports: outputs[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  /** The lead numbers of the keys ending at each state (its own, then its suffix states'). */
  outputs: Int32Array;
  /** Per state at DFA_DEPTH: the first of its children in `deep`, or -1 (-1 for every other state). */
  deepFirst: Int32Array;
  /**
   * Per state at DFA_DEPTH with children: the units it spells when they hold a KEY_SPACE (the
   * start of a deep walk is then read from them, see keyStartBefore), else null.
   */
  spacedPrefixOf: Array<string | null>;
  /**
   * The trie nodes below DFA_DEPTH, depth first (a node's first child right after it), two
   * numbers each: its symbol, DEEP_HAS_CHILD, and one plus the lead number of the key ending
   * there (0 for none) from DEEP_LEAD_SHIFT on; then its next sibling (-1 for none).
   */
  deep: Int32Array;
  /** The distinct keys, with their cues. */
  leads: Lead[];
  /** Per lead: 1 when its key holds a KEY_SPACE (its start is then found by keyStartBefore). */
  spaced: Uint8Array;
  /** Cues (indices) without a lead: matched by their regexes. */
  noLead: number[];
}
/** One distinct key and the cues (indices, ascending) whose matches may start with it. */
interface Lead { s: string; cues: number[] }
const leadIndexes = new WeakMap<CompiledCue[], LeadIndex>();
/** The two states where no key is under way (see LeadIndex); the trie's nodes follow them. */
const IN_WORD = 0;
const AT_START = 1;
/** Symbols: units no key has (letters or digits, the others), white space (KEY_SPACE in keys). */
const OTHER_LETTER = 0;
const OTHER_MARK = 1;
const SPACE_SYMBOL = 2;
const SYMBOL = 0xffff;
const SURROGATE_UNIT = 0x10000;
const KEY_SPACE_STRING = String.fromCharCode(KEY_SPACE);
/**
 * The automaton's depth: the key beginnings of this many units (a few hundred for a lexicon
 * of hundreds of cues) are its states; the rest of each key is walked (see LeadIndex).
 */
const DFA_DEPTH = 4;
const DEEP_SYMBOL = 0x7fff;
const DEEP_HAS_CHILD = 0x8000;
const DEEP_LEAD_SHIFT = 16;

function leadIndexOf(cues: CompiledCue[]): LeadIndex {
  let index = leadIndexes.get(cues);
  if (!index) {
    index = buildLeadIndex(cues);
    leadIndexes.set(cues, index);
  }
  return index;
}

/** A node of the keys trie while the index is built. */
interface TrieNode { symbol: number; depth: number; children: Map<number, TrieNode>; lead: number; path: string }

function buildLeadIndex(cues: CompiledCue[]): LeadIndex {
  const byKey = new Map<string, Lead>();
  const noLead: number[] = [];
  cues.forEach((cue, i) => {
    if (!cue.lead) { noLead.push(i); return; }
    for (const key of cue.keys) {
      // scanKeysOf spells white space only between literals: a key never starts with it (the
      // automaton, which skips the rest of a run, could not find a key starting inside one).
      if (key.charCodeAt(0) === KEY_SPACE) throw new Error(`topics: cue ${cue.id} has a scan key starting with white space`);
      const known = byKey.get(key);
      if (known) known.cues.push(i);
      else byKey.set(key, { s: key, cues: [i] });
    }
  });
  const leads = [...byKey.values()];
  const anywhere = cues.some((c) => !c.bounded);
  const letterOrDigit = new Uint8Array(0x10000);
  for (const unit of unitsMatching(LETTER_OR_DIGIT)) letterOrDigit[unit] = 1;
  const unitInfo = new Int32Array(0x10000);
  for (let u = 0; u < 0x10000; u++) unitInfo[u] = letterOrDigit[u] ? OTHER_LETTER : OTHER_MARK;
  for (const unit of unitsMatching(WHITE_SPACE)) unitInfo[unit] = SPACE_SYMBOL;
  // Surrogates: no letter (a half may start a key, as the sticky regex's own look-behind decides).
  for (let u = 0xd800; u < 0xe000; u++) unitInfo[u] = OTHER_MARK | SURROGATE_UNIT;
  // Whether a key may start after a unit of each symbol: after no letter or digit, or anywhere.
  const startsAfter: boolean[] = [false, true, true];
  for (const lead of leads) {
    for (let k = 0; k < lead.s.length; k++) {
      const u = lead.s.charCodeAt(k);
      // White space (KEY_SPACE) has its symbol; so has a unit met in an earlier key.
      if ((unitInfo[u]! & SYMBOL) >= SPACE_SYMBOL) continue;
      startsAfter.push(!letterOrDigit[u]);
      unitInfo[u] = (unitInfo[u]! & ~SYMBOL) | (startsAfter.length - 1);
    }
  }
  const width = startsAfter.length;
  if (anywhere) startsAfter.fill(true);

  const root: TrieNode = { symbol: -1, depth: 0, children: new Map(), lead: -1, path: '' };
  leads.forEach((lead, k) => {
    let t = root;
    for (let j = 0; j < lead.s.length; j++) {
      const symbol = unitInfo[lead.s.charCodeAt(j)]! & SYMBOL;
      let c = t.children.get(symbol);
      if (!c) {
        c = { symbol, depth: j + 1, children: new Map(), lead: -1, path: lead.s.slice(0, j + 1) };
        t.children.set(symbol, c);
      }
      t = c;
    }
    t.lead = k;
  });

  // The automaton's states: IN_WORD, then AT_START (the trie's root) and the nodes down to
  // DFA_DEPTH, numbered breadth first (the states near the root, which nearly every unit
  // visits, share a few cache lines of `next`).
  const states: TrieNode[] = [root, root];
  for (let q = 1; q < states.length; q++) {
    if (states[q]!.depth < DFA_DEPTH) for (const c of states[q]!.children.values()) states.push(c);
  }
  const count = states.length;
  const numberOf = new Map<TrieNode, number>();
  states.forEach((t, q) => { if (q > 0) numberOf.set(t, q); });
  const childState = (q: number, symbol: number): number => {
    if (q === IN_WORD || states[q]!.depth >= DFA_DEPTH) return -1;
    const c = states[q]!.children.get(symbol);
    return c ? numberOf.get(c)! : -1;
  };

  // Transitions by the Aho–Corasick construction: a state's failure is the state of its
  // longest proper suffix that began where a key may start (computed breadth first, so a
  // parent's failure is known first); with no such suffix, IN_WORD or AT_START by the last unit.
  const delta = new Int32Array(count * width);
  const fail = new Int32Array(count);
  const outs: number[][] = [[], []];
  for (let symbol = 0; symbol < width; symbol++) {
    const none = startsAfter[symbol] ? AT_START : IN_WORD;
    delta[IN_WORD * width + symbol] = none;
    const c = childState(AT_START, symbol);
    delta[AT_START * width + symbol] = c >= 0 ? c : none;
  }
  const parentOf = new Int32Array(count).fill(-1);
  for (let q = 1; q < count; q++) for (let symbol = 0; symbol < width; symbol++) {
    const c = childState(q, symbol);
    if (c >= 0) parentOf[c] = q;
  }
  for (let q = 2; q < count; q++) {
    const symbol = states[q]!.symbol;
    const parent = parentOf[q]!;
    fail[q] = parent === AT_START ? (startsAfter[symbol] ? AT_START : IN_WORD) : delta[fail[parent]! * width + symbol]!;
    const lead = states[q]!.lead;
    outs.push(lead >= 0 ? [lead, ...outs[fail[q]!]!] : outs[fail[q]!]!);
    for (let s = 0; s < width; s++) {
      const c = childState(q, s);
      delta[q * width + s] = c >= 0 ? c : delta[fail[q]! * width + s]!;
    }
    // A white-space run is one KEY_SPACE: after white space, more white space changes nothing.
    if (symbol === SPACE_SYMBOL) delta[q * width + SPACE_SYMBOL] = q;
  }

  // The deep trie, depth first below each state at DFA_DEPTH: a node, then its children's subtrees.
  const deepNodes: TrieNode[] = [];
  const deepNumber = new Map<TrieNode, number>();
  const numberDeep = (t: TrieNode): void => {
    deepNumber.set(t, deepNodes.length);
    deepNodes.push(t);
    for (const c of t.children.values()) numberDeep(c);
  };
  const deepFirst = new Int32Array(count).fill(-1);
  const spacedPrefixOf = new Array<string | null>(count).fill(null);
  const siblings: TrieNode[][] = [];
  for (let q = 2; q < count; q++) {
    const t = states[q]!;
    if (t.depth < DFA_DEPTH || t.children.size === 0) continue;
    const children = [...t.children.values()];
    children.forEach(numberDeep);
    siblings.push(children);
    deepFirst[q] = deepNumber.get(children[0]!)!;
    if (t.path.includes(KEY_SPACE_STRING)) spacedPrefixOf[q] = t.path;
  }
  if (width > DEEP_SYMBOL || leads.length >= 0x7fff) throw new Error('topics: too many symbols or keys for the deep trie');
  const deep = new Int32Array(2 * deepNodes.length);
  deepNodes.forEach((t, d) => {
    deep[2 * d] = t.symbol | (t.children.size ? DEEP_HAS_CHILD : 0) | ((t.lead + 1) << DEEP_LEAD_SHIFT);
    if (t.children.size) siblings.push([...t.children.values()]);
  });
  for (const list of siblings) {
    list.forEach((t, c) => { deep[2 * deepNumber.get(t)! + 1] = c + 1 < list.length ? deepNumber.get(list[c + 1]!)! : -1; });
  }

  const next = new Int32Array(count * width);
  for (let i = 0; i < next.length; i++) {
    const target = delta[i]!;
    next[i] = target * width * 2 + (outs[target]!.length > 0 || deepFirst[target]! >= 0 ? 1 : 0);
  }
  const { starts: outStart, items: outputs } = packLists(outs);
  const spaced = Uint8Array.from(leads, (lead) => (lead.s.includes(KEY_SPACE_STRING) ? 1 : 0));
  return { unitInfo, width, next, start: AT_START * width * 2, outStart, outputs, deepFirst, spacedPrefixOf, deep, leads, spaced, noLead };
}

/**
 * Overlapping matches: the longest wins (then the earliest, then the first cue in lexicon
 * order); returns them in text order. Matches come in text order from the scan, and most
 * overlap nothing: only the runs of overlapping ones are sorted and chosen from (a match's fate
 * depends only on the matches it overlaps, so choosing run by run keeps the same ones).
 */
function keepLongest(found: OrderedMatch[]): OrderedMatch[] {
  if (found.length < 2) return found;
  if (!inTextOrder(found)) return keepLongestOf(found);
  const kept: OrderedMatch[] = [];
  for (let i = 0; i < found.length;) {
    // The run from i: each next match starts before the furthest end so far.
    let end = found[i]!.end;
    let j = i + 1;
    for (; j < found.length && found[j]!.start < end; j++) end = Math.max(end, found[j]!.end);
    if (j === i + 1) kept.push(found[i]!);
    else for (const m of keepLongestOf(found.slice(i, j))) kept.push(m);
    i = j;
  }
  return kept;
}

function inTextOrder(found: OrderedMatch[]): boolean {
  for (let k = 1; k < found.length; k++) if (found[k]!.start < found[k - 1]!.start) return false;
  return true;
}

/** keepLongest by sorting all the matches: longest first, then each kept unless it overlaps one kept before. */
function keepLongestOf(found: OrderedMatch[]): OrderedMatch[] {
  stableSort(found, (a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const kept: OrderedMatch[] = [];
  for (const m of found) {
    let overlaps = false;
    for (const k of kept) if (m.start < k.end && k.start < m.end) { overlaps = true; break; }
    if (!overlaps) kept.push(m);
  }
  return stableSort(kept, (a, b) => a.start - b.start);
}
