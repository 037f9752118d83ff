import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon } from '../lexicon/load.js';
import { SPEC_DIR } from '../paths.js';
import { foldLoose } from '../text/fold.js';

/** One cue of lexicons/<lang>/topics.yaml (schema: lexicons/schema/topics.schema.json). */
export interface TopicCueEntry {
  id: string;
  forms: string[];
  weight?: number;
  also?: string[];
  note?: string;
}

export interface TopicsLexicon {
  language: string;
  wordBoundaries?: boolean;
  ignore?: TopicCueEntry[];
  cooperation?: TopicCueEntry[];
  topics: Array<{ id: string; cues: TopicCueEntry[] }>;
}

/** A cue form compiled to a regular expression over foldLoose(text). */
export interface CompiledCue {
  /** The lexicon entry id (provenance). */
  id: string;
  /** 'topic' cues score topics; 'ignore' cues hide what they cover; 'cooperation' cues feed the partnerships rule. */
  role: 'topic' | 'ignore' | 'cooperation';
  topics: string[];
  weight: number;
  re: RegExp;
  /** A literal every match contains (folded): a cheap `includes` test skips the regex for most paragraphs. */
  probe: string;
}

/** The topic ids of spec/topics.json (read once). */
let topicIds: Set<string> | null = null;
export function readTopicIds(): Set<string> {
  if (!topicIds) {
    const spec = JSON.parse(readFileSync(join(SPEC_DIR, 'topics.json'), 'utf8')) as { topics: Array<{ id: string }> };
    topicIds = new Set(spec.topics.map((t) => t.id));
  }
  return topicIds;
}

const compiled = new Map<string, CompiledCue[] | null>();

/**
 * The compiled cues of one language, or null when it has no topics lexicon. Throws (a
 * data bug) when a cue names a topic that spec/topics.json does not define.
 */
export function loadTopicCues(lang: string): CompiledCue[] | null {
  if (compiled.has(lang)) return compiled.get(lang)!;
  const lex = loadLexicon<TopicsLexicon>(lang, 'topics');
  const cues = lex ? compileLexicon(lex) : null;
  compiled.set(lang, cues);
  return cues;
}

/** Compiles a lexicon: one regular expression per form. */
export function compileLexicon(lex: TopicsLexicon): CompiledCue[] {
  const known = readTopicIds();
  const bounded = lex.wordBoundaries !== false;
  const out: CompiledCue[] = [];
  const add = (entry: TopicCueEntry, role: CompiledCue['role'], topics: string[]) => {
    for (const t of topics) if (!known.has(t)) throw new Error(`lexicon topics (${lex.language}): cue ${entry.id} names unknown topic "${t}"`);
    for (const form of entry.forms) {
      out.push({ id: entry.id, role, topics, weight: entry.weight ?? 1, re: compileForm(form, bounded), probe: probeOf(form) });
    }
  };
  for (const e of lex.ignore ?? []) add(e, 'ignore', []);
  for (const e of lex.cooperation ?? []) add(e, 'cooperation', []);
  for (const t of lex.topics) for (const e of t.cues) add(e, 'topic', [t.id, ...(e.also ?? [])]);
  return out;
}

/**
 * One form → a global Unicode regular expression over folded text. Hand-written because
 * the form language is tiny (words, "*" endings, "~" gaps) and must keep offsets exact.
 */
export function compileForm(form: string, wordBoundaries: boolean): RegExp {
  const words = foldLoose(form.trim()).split(/\s+/).filter(Boolean);
  const parts: string[] = [];
  let pendingGap = false;
  words.forEach((w, i) => {
    if (w === '~') { pendingGap = true; return; }
    if (parts.length) parts.push(pendingGap ? String.raw`(?:\s+\S+){0,3}?\s+` : wordBoundaries ? String.raw`\s+` : String.raw`\s*`);
    pendingGap = false;
    const stem = w.endsWith('*') && w.length > 1;
    const core = (stem ? w.slice(0, -1) : w)
      .split('-')
      .map(escapeRegExp)
      .join(String.raw`[-\s]?`);
    parts.push(stem ? String.raw`${core}[\p{L}\p{M}]*` : core);
    void i;
  });
  const body = parts.join('');
  const source = wordBoundaries ? String.raw`(?<![\p{L}\p{N}])${body}(?![\p{L}\p{N}])` : body;
  return new RegExp(source, 'gu');
}

/**
 * The longest literal piece of a form's words (before any "*" ending, between hyphens), in the
 * folded form the text is matched in. Every match of the form contains it.
 */
export function probeOf(form: string): string {
  let best = '';
  for (const w of foldLoose(form.trim()).split(/\s+/)) {
    if (w === '~') continue;
    for (const piece of w.replace(/\*$/, '').split('-')) if (piece.length > best.length) best = piece;
  }
  return best;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
