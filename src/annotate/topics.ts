import type { Entity, Paragraph } from '../types.js';
import { foldLooseCached } from '../text/fold.js';
import { paragraphLanguage, report, type AnnotateContext } from './context.js';
import { isLetterOrDigitUnit, loadTopicCues, matchFormAt, type CompiledCue } from './topicsLexicon.js';

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
  const isOwn = (e: Entity) => !!ownOrganization && !!e.ref && (e.ref === ownOrganization || e.ref.startsWith(`${ownOrganization}-`));
  const others = entities.filter((e) => e.type === 'organization' && e.ref && !isOwn(e));

  const kept = keepLongest(findCueMatches(folded, cues));

  const scores = new Map<string, { score: number; first: number; rules: Set<string> }>();
  const score = (topic: string, weight: number, at: number, rule: string) => {
    const s = scores.get(topic) ?? { score: 0, first: at, rules: new Set<string>() };
    s.score += weight;
    s.first = Math.min(s.first, at);
    s.rules.add(rule);
    scores.set(topic, s);
  };
  const cooperationAt: number[] = [];
  const repeats = new Map<string, number>();
  for (const m of kept) {
    if (!m.cue) continue;
    if (m.cue.role === 'cooperation') cooperationAt.push(m.start, m.end);
    if (m.cue.role !== 'topic') continue;
    // Inside another organisation's name a cue counts half ("Union économique eurasienne"
    // says little about the paragraph's field; "… pour l'Afghanistan" still says something).
    const inName = others.some((e) => m.start >= e.start && m.end <= e.end);
    // A repeated cue adds less each time: one field named five times is not five fields.
    const seen = repeats.get(m.cue.id) ?? 0;
    repeats.set(m.cue.id, seen + 1);
    const weight = m.cue.weight * (inName ? 0.5 : 1) * REPEAT_DECAY ** seen;
    for (const t of m.cue.topics) score(t, weight, m.start, `topics/lexicon:${m.cue.id}`);
  }
  const partner = others.find((e) => cooperationAt.some((c) => Math.abs(c - e.start) <= PARTNER_WINDOW || Math.abs(c - e.end) <= PARTNER_WINDOW));
  if (partner) score(PARTNERSHIPS, 1, partner.start, 'topics/partner-organization');
  const ownMention = entities.find((e) => e.type === 'organization' && isOwn(e));
  if (ownMention) score(INSTITUTIONAL, FALLBACK_SCORE, ownMention.start, 'topics/own-organization');

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
  const rules = [...new Set(chosen.flatMap((t) => [...scores.get(t)!.rules]))];
  return { topics: chosen, rules };
}

/**
 * Every match of every cue in a folded paragraph, cue by cue in lexicon order, each cue's
 * matches left to right without overlap: the same list as running folded.matchAll(cue.re)
 * for each cue, found faster (see leadStarts and matchFormAt).
 */
export function findCueMatches(folded: string, cues: CompiledCue[]): CueMatch[] {
  const found: CueMatch[] = [];
  const index = leadIndexOf(cues);
  const hits = leadStarts(folded, index);
  // The hand matcher reads code units; text with surrogate pairs keeps the regexes.
  const surrogates = /[\uD800-\uDFFF]/.test(folded);
  // Only the cues whose lead occurs (and those without a lead), in lexicon order.
  const tried = [...index.noLead];
  for (const lead of hits.found) tried.push(...lead.cues);
  for (const i of tried.sort((a, b) => a - b)) {
    const cue = cues[i]!;
    if (!cue.lead) {
      cue.re.lastIndex = 0;
      for (const m of folded.matchAll(cue.re)) {
        if (m[0].length > 0) found.push({ start: m.index, end: m.index + m[0].length, cue });
      }
      continue;
    }
    // Same matches as folded.matchAll(cue.re): a match can only start where the lead
    // literal occurs (at a word start for a bounded cue), so match the form only at those
    // places (hand matcher; the sticky regex for text with surrogate pairs), left to right,
    // going on after each match as matchAll does.
    const at = hits.at[index.slotOfCue[i]!];
    if (!at) continue;
    let from = 0;
    for (const k of at) {
      if (k < from) continue;
      let end: number;
      if (surrogates) {
        cue.sticky.lastIndex = k;
        const m = cue.sticky.exec(folded);
        end = m ? k + m[0].length : -1;
      } else {
        end = matchFormAt(folded, cue.steps, k);
      }
      if (end > k) {
        found.push({ start: k, end, cue });
        from = end;
      }
    }
  }
  return found;
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
 * The cues' leads indexed by their first one, two or three code units (hashed to a small
 * integer, so a look-up allocates no substring), the cues without a lead, and whether any cue may start
 * inside a word (a lexicon without word boundaries). Built once per cue list.
 */
interface LeadIndex {
  /** byLength[n]: key of a lead's first n units (n = its length, at most 3) → the distinct leads there. */
  byLength: Array<Map<number, Lead[]> | null>;
  /** Number of distinct leads (their slots are 0 … count-1). */
  count: number;
  noLead: number[];
  anywhere: boolean;
  /**
   * seen[n][key & 0xffff] = 1 when some lead of n units has that key: a typed-array probe
   * before the Map look-up, since most word starts begin no lead.
   */
  seen: Uint8Array[];
  /** Per cue (by index): the slot of its lead, -1 without one. */
  slotOfCue: number[];
}
/** One distinct lead literal, the cues (indices) that start with it, and its slot. */
interface Lead { s: string; cues: number[]; slot: number }
const leadIndexes = new WeakMap<CompiledCue[], LeadIndex>();

function leadIndexOf(cues: CompiledCue[]): LeadIndex {
  let index = leadIndexes.get(cues);
  if (!index) {
    const byLength: LeadIndex['byLength'] = [null, null, null, null];
    const leads = new Map<string, Lead>();
    const noLead: number[] = [];
    const seen = [0, 1, 2, 3].map(() => new Uint8Array(0x10000));
    const slotOfCue: number[] = [];
    cues.forEach((cue, i) => {
      const n = Math.min(3, cue.lead.length);
      slotOfCue.push(-1);
      if (n === 0) { noLead.push(i); return; }
      const known = leads.get(cue.lead);
      if (known) { known.cues.push(i); slotOfCue[i] = known.slot; return; }
      const lead: Lead = { s: cue.lead, cues: [i], slot: leads.size };
      slotOfCue[i] = lead.slot;
      leads.set(cue.lead, lead);
      let key = 0;
      for (let k = 0; k < n; k++) key = keyStep(key, cue.lead.charCodeAt(k));
      seen[n]![key & 0xffff] = 1;
      const map = (byLength[n] ??= new Map());
      const list = map.get(key);
      if (list) list.push(lead);
      else map.set(key, [lead]);
    });
    index = { byLength, count: leads.size, noLead, anywhere: cues.some((c) => !c.bounded), seen, slotOfCue };
    leadIndexes.set(cues, index);
  }
  return index;
}

/** Where the leads occur in a paragraph: offsets per lead slot (ascending), and the leads found. */
interface LeadHits { at: Array<number[] | undefined>; found: Lead[] }

/**
 * Where each distinct lead literal occurs in a folded paragraph. Instead of testing every cue
 * against the paragraph (hundreds of cues × every paragraph), look up the units at each
 * possible start in an index of the leads. A word-bounded cue can start only where no letter
 * or digit precedes (a surrogate half counts as a possible start: a superset, the sticky
 * regex's own look-behind then decides).
 */
function leadStarts(folded: string, index: LeadIndex): LeadHits {
  const hits: LeadHits = { at: new Array(index.count), found: [] };
  const [, one, two, three] = index.byLength;
  const [, seen1, seen2, seen3] = index.seen;
  for (let p = 0; p < folded.length; p++) {
    if (!index.anywhere && p > 0 && isLetterOrDigitUnit(folded.charCodeAt(p - 1))) continue;
    const k1 = keyStep(0, folded.charCodeAt(p));
    if (one && seen1![k1 & 0xffff] === 1) addStarts(hits, one.get(k1), folded, p);
    if (p + 1 >= folded.length) continue;
    const k2 = keyStep(k1, folded.charCodeAt(p + 1));
    if (two && seen2![k2 & 0xffff] === 1) addStarts(hits, two.get(k2), folded, p);
    if (three && p + 2 < folded.length) {
      const k3 = keyStep(k2, folded.charCodeAt(p + 2));
      if (seen3![k3 & 0xffff] === 1) addStarts(hits, three.get(k3), folded, p);
    }
  }
  return hits;
}

/**
 * One more code unit into a lead key: a hash kept in small-integer range, so Map look-ups stay
 * cheap (a key above 2^30 would be a heap number). Colliding leads only add candidates:
 * addStarts checks each lead with startsWith.
 */
function keyStep(key: number, unit: number): number {
  return (Math.imul(key, 31) + unit) & 0x3fffffff;
}

function addStarts(hits: LeadHits, leads: Lead[] | undefined, folded: string, p: number): void {
  if (!leads) return;
  for (const lead of leads) {
    if (!folded.startsWith(lead.s, p)) continue;
    const list = hits.at[lead.slot];
    if (list) list.push(p);
    else { hits.at[lead.slot] = [p]; hits.found.push(lead); }
  }
}

/** Overlapping matches: the longest wins (then the earliest); returns them in text order. */
function keepLongest(found: CueMatch[]): CueMatch[] {
  const sorted = [...found].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: CueMatch[] = [];
  for (const m of sorted) {
    if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
