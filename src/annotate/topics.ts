import type { Entity, Paragraph } from '../types.js';
import { foldLooseCached } from '../text/fold.js';
import { paragraphLanguage, report, type AnnotateContext } from './context.js';
import { LETTER_OR_DIGIT, loadTopicCues, matchFormAt, unitsMatching, WHITE_SPACE, type CompiledCue } from './topicsLexicon.js';

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
    delete p.topicRules;
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

  const scores = new Map<string, TopicScore>();
  const cooperationAt: number[] = [];
  const repeats = new Map<string, number>();
  for (const m of kept) {
    const cue = m.cue!;
    if (cue.role === 'cooperation') cooperationAt.push(m.start, m.end);
    if (cue.role !== 'topic') continue;
    // Inside another organisation's name a cue counts half ("Union économique eurasienne"
    // says little about the paragraph's field; "… pour l'Afghanistan" still says something).
    let inName = false;
    for (const e of others) if (m.start >= e.start && m.end <= e.end) { inName = true; break; }
    // A repeated cue adds less each time: one field named five times is not five fields.
    const seen = repeats.get(cue.id) ?? 0;
    repeats.set(cue.id, seen + 1);
    const weight = cue.weight * (inName ? 0.5 : 1) * REPEAT_DECAY ** seen;
    for (const t of cue.topics) addScore(scores, t, weight, m.start, cue.rule);
  }
  if (cooperationAt.length) {
    const partner = others.find((e) => cooperationAt.some((c) => Math.abs(c - e.start) <= PARTNER_WINDOW || Math.abs(c - e.end) <= PARTNER_WINDOW));
    if (partner) addScore(scores, PARTNERSHIPS, 1, partner.start, 'topics/partner-organization');
  }
  if (ownMention) addScore(scores, INSTITUTIONAL, FALLBACK_SCORE, ownMention.start, 'topics/own-organization');
  if (scores.size === 0) return { topics: [], rules: [] };

  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first);
  const fields = ranked.filter(([t, s]) => t !== INSTITUTIONAL && s.score >= MIN_SCORE);
  const inst = scores.get(INSTITUTIONAL)?.score ?? 0;
  let chosen: string[];
  if (fields.length) {
    const floor = Math.max(MIN_SCORE, fields[0][1].score * RELATIVE_SCORE);
    chosen = ranked.filter(([t, s]) => (t === INSTITUTIONAL ? s.score >= Math.max(INSTITUTIONAL_WITH_FIELD, floor) : s.score >= floor)).map(([t]) => t);
  } else if (inst >= FALLBACK_SCORE) {
    chosen = [INSTITUTIONAL];
  } else {
    chosen = ranked.length && ranked[0][1].score >= FALLBACK_SCORE ? [ranked[0][0]] : [];
  }
  // The chosen topics' rules, each once, in order (a handful: arrays beat Sets here).
  const rules: string[] = [];
  for (const t of chosen) for (const r of scores.get(t)!.rules) if (!rules.includes(r)) rules.push(r);
  return { topics: chosen, rules };
}

/** A topic's score, first offset and rules (distinct, in the order first added). */
interface TopicScore { score: number; first: number; rules: string[] }

/** Adds one cue's weight to a topic (module-level rather than a closure: assignTopics runs per paragraph). */
function addScore(scores: Map<string, TopicScore>, topic: string, weight: number, at: number, rule: string): void {
  let s = scores.get(topic);
  if (!s) { s = { score: 0, first: at, rules: [] }; scores.set(topic, s); }
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
 * Every match of every cue in a folded paragraph, found in one pass over the text: at each
 * place a cue may start (a word start for a word-bounded lexicon), a walk down the keys trie
 * (the literal beginnings of each cue's matches, see scanKeysOf) meets exactly the keys that
 * start there, and only their cues are matched (hand matcher; the sticky regex for text with
 * surrogate pairs). Each cue's matches do not overlap and go left to right, as with matchAll:
 * after a match the cue is tried again only from its end. The result is ordered by start, then
 * by key length, then by lexicon order (callers sort with a full tie-break, so the order at one
 * start is free); cues without a lead (none in the current lexicons) come last, matched by
 * their regexes.
 */
function scanCueMatches(folded: string, cues: CompiledCue[]): OrderedMatch[] {
  const index = leadIndexOf(cues);
  // The hand matcher reads code units, which is exact for text without surrogate pairs: the
  // first pass takes it and gives up when it reads a surrogate; such text is scanned again
  // with the regexes (rare: an emoji, a rare CJK character).
  const found = scanKeys(folded, cues, index, false) ?? scanKeys(folded, cues, index, true)!;
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
 * The walk of scanCueMatches, with the hand matcher (`surrogates` false; then it returns null as
 * soon as the text turns out to hold a surrogate) or with the sticky regexes.
 */
function scanKeys(folded: string, cues: CompiledCue[], index: LeadIndex, surrogates: boolean): OrderedMatch[] | null {
  const found: OrderedMatch[] = [];
  const from = resetNextFrom(cues.length);
  const { unitInfo, symbols, next, leadAt, anywhere } = index;
  const n = folded.length;
  // Every unit's flags, or-ed: whether a surrogate was read (checked once, at the end).
  let seen = 0;
  let prevWord = 0;
  for (let p = 0; p < n; p++) {
    const info = unitInfo[folded.charCodeAt(p)]!;
    seen |= info;
    if (!anywhere) {
      // A word-bounded cue starts only where no letter or digit precedes (a surrogate half
      // counts as a possible start: a superset, the sticky regex's own look-behind decides).
      const inWord = prevWord;
      prevWord = info & LETTER_OR_DIGIT_UNIT;
      if (inWord !== 0) continue;
    }
    // The walk: one table look-up per unit; each node reached is a prefix of some key, so it
    // stops at the first unit no key continues with (usually within two or three units).
    let edge = next[ROOT * symbols + (info & SYMBOL)]!;
    let q = p + 1;
    // Whether every unit walked so far is a letter or digit (then the scan may skip them).
    let letters = info;
    while (edge !== DEAD) {
      const node = edge >> 1;
      if ((edge & ENDS_KEY) !== 0) tryLead(leadAt[node]!, folded, p, cues, from, surrogates, found);
      if (q >= n) break;
      const unit = unitInfo[folded.charCodeAt(q++)]!;
      letters &= unit;
      const s = unit & SYMBOL;
      // Keys spell a run of white space as one KEY_SPACE (see scanKeysOf).
      if (s === SPACE_SYMBOL) while (q < n && (unitInfo[folded.charCodeAt(q)]! & SYMBOL) === SPACE_SYMBOL) q++;
      edge = next[node * symbols + s]!;
    }
    // Units p+1 … q-1 all follow a letter or digit: no cue starts there (a letter is no surrogate).
    if (!anywhere && (letters & LETTER_OR_DIGIT_UNIT) !== 0) p = q - 1;
  }
  if (!surrogates && (seen & SURROGATE_UNIT) !== 0) return null;
  return found;
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

/** Tries, at p, the cues of a lead that starts there (the trie walk checked it). */
function tryLead(lead: Lead, folded: string, p: number, cues: CompiledCue[], from: Int32Array, surrogates: boolean, found: OrderedMatch[]): void {
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
      end = matchFormAt(folded, cue.steps, p);
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
 * The cues' keys (see scanKeysOf) as a trie over code units with a dense transition table, so a
 * possible start costs one walk of one look-up per unit that meets exactly the keys starting
 * there. Units are first mapped to small symbols (the distinct units of the keys, a few dozen
 * for an alphabetic language, a few hundred for Chinese; 0 for every other unit, which leads
 * to the dead node), and every white-space unit to SPACE_SYMBOL. Built once per cue list.
 */
interface LeadIndex {
  /**
   * Per code unit, its symbol (the low 16 bits: 0 when no key has it, SPACE_SYMBOL for white
   * space), and whether it is a letter or digit (LETTER_OR_DIGIT_UNIT) or a surrogate (SURROGATE_UNIT).
   */
  unitInfo: Int32Array;
  /** Symbols in use (the width of a row of `next`). */
  symbols: number;
  /**
   * Transitions: next[node * symbols + symbol] is the edge to the child node (child * 2, plus
   * ENDS_KEY when a key ends there: the walk need not look at leadAt otherwise), DEAD when there
   * is none.
   */
  next: Uint16Array | Int32Array;
  /** Per node, the key that ends there (with its cues), or null. */
  leadAt: Array<Lead | null>;
  /** Cues (indices) without a lead: matched by their regexes. */
  noLead: number[];
  /** Whether some cue may start inside a word (a lexicon without word boundaries). */
  anywhere: boolean;
}
/** One distinct key and the cues (indices, ascending) whose matches may start with it. */
interface Lead { s: string; cues: number[] }
/** A node of the keys trie while it is built (by symbol). */
interface TrieNode { children: Map<number, TrieNode>; lead: Lead | null }
const leadIndexes = new WeakMap<CompiledCue[], LeadIndex>();
/** Node 0 is dead (its row is all zeros; edge 0 leads there); node 1 is the root. */
const DEAD = 0;
const ROOT = 1;
const ENDS_KEY = 1;
/** Symbol 0: a unit no key has; symbol 1: white space (KEY_SPACE in keys). */
const SPACE_SYMBOL = 1;
const SYMBOL = 0xffff;
const LETTER_OR_DIGIT_UNIT = 0x10000;
const SURROGATE_UNIT = 0x20000;

function leadIndexOf(cues: CompiledCue[]): LeadIndex {
  let index = leadIndexes.get(cues);
  if (!index) {
    const leads = new Map<string, Lead>();
    const noLead: number[] = [];
    cues.forEach((cue, i) => {
      if (!cue.lead) { noLead.push(i); return; }
      for (const key of cue.keys) {
        const known = leads.get(key);
        if (known) known.cues.push(i);
        else leads.set(key, { s: key, cues: [i] });
      }
    });
    const unitInfo = new Int32Array(0x10000);
    for (const unit of unitsMatching(WHITE_SPACE)) unitInfo[unit] = SPACE_SYMBOL;
    for (const unit of unitsMatching(LETTER_OR_DIGIT)) unitInfo[unit]! |= LETTER_OR_DIGIT_UNIT;
    unitInfo.fill(SURROGATE_UNIT, 0xd800, 0xe000);
    let symbols = SPACE_SYMBOL + 1;
    for (const key of leads.keys()) {
      for (let k = 0; k < key.length; k++) {
        const u = key.charCodeAt(k);
        if ((unitInfo[u]! & SYMBOL) === 0) unitInfo[u]! |= symbols++;
      }
    }
    // The trie as nested maps first, then numbered breadth first: the nodes near the root,
    // which nearly every walk visits, share a few cache lines of `next`.
    const root: TrieNode = { children: new Map(), lead: null };
    for (const lead of leads.values()) {
      let t = root;
      for (let k = 0; k < lead.s.length; k++) {
        const symbol = unitInfo[lead.s.charCodeAt(k)]! & SYMBOL;
        let child = t.children.get(symbol);
        if (!child) { child = { children: new Map(), lead: null }; t.children.set(symbol, child); }
        t = child;
      }
      t.lead = lead;
    }
    const order: TrieNode[] = [root];
    for (let i = 0; i < order.length; i++) for (const child of order[i]!.children.values()) order.push(child);
    const numberOf = new Map(order.map((t, i) => [t, ROOT + i]));
    const nodes = ROOT + order.length;
    const next = 2 * nodes <= 0x10000 ? new Uint16Array(nodes * symbols) : new Int32Array(nodes * symbols);
    const leadAt = new Array<Lead | null>(nodes).fill(null);
    for (const [t, node] of numberOf) {
      leadAt[node] = t.lead;
      for (const [symbol, child] of t.children) next[node * symbols + symbol] = 2 * numberOf.get(child)! + (child.lead ? ENDS_KEY : 0);
    }
    index = { unitInfo, symbols, next, leadAt, noLead, anywhere: cues.some((c) => !c.bounded) };
    leadIndexes.set(cues, index);
  }
  return index;
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
  found.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const kept: OrderedMatch[] = [];
  for (const m of found) {
    let overlaps = false;
    for (const k of kept) if (m.start < k.end && k.start < m.end) { overlaps = true; break; }
    if (!overlaps) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
