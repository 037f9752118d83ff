import type { Entity, Paragraph } from '../types.js';
import { foldLoose } from '../text/fold.js';
import { paragraphLanguage, report, type AnnotateContext } from './context.js';
import { loadTopicCues, type CompiledCue } from './topicsLexicon.js';

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

interface CueMatch {
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
  const folded = foldLoose(p.text);
  const entities = p.entities ?? [];
  const isOwn = (e: Entity) => !!ownOrganization && !!e.ref && (e.ref === ownOrganization || e.ref.startsWith(`${ownOrganization}-`));
  const others = entities.filter((e) => e.type === 'organization' && e.ref && !isOwn(e));

  const found: CueMatch[] = [];
  // Two cheap gates before a cue's regex runs: the first three letters of its probe must
  // occur in the paragraph (a Set look-up), then the whole probe (a substring search).
  // Most cues fail the first gate, which keeps the stage linear in the lexicon size.
  const grams = trigramsOf(folded);
  for (const cue of cues) {
    if (cue.probe.length >= 3 && !grams.has(cue.probe.slice(0, 3))) continue;
    if (cue.probe && !folded.includes(cue.probe)) continue;
    cue.re.lastIndex = 0;
    for (const m of folded.matchAll(cue.re)) {
      if (m[0].length > 0) found.push({ start: m.index, end: m.index + m[0].length, cue });
    }
  }
  const kept = keepLongest(found);

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

/** Every three-character substring of a text. */
function trigramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return grams;
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
