import { loadLexicon } from '../lexicon/load.js';

/** One entry of lexicons/<lang>/facts.yaml as written (schema: lexicons/schema/facts.schema.json). */
export interface CueEntry {
  id: string;
  pattern: string;
  value?: string;
  requireCapital?: boolean;
  note?: string;
}

export const CUE_CLASSES = [
  'membershipChange', 'membershipStatus', 'chair', 'chairHandover', 'summitNext', 'creation',
  'bodyStatus', 'bodyNoun', 'anniversary', 'instrumentStatus', 'instrumentStatusAfter',
  'instrumentKind', 'period', 'designationYear', 'designationCapital', 'declare', 'linker', 'coordinator', 'nameLinker',
] as const;
export type CueClass = (typeof CUE_CLASSES)[number];

interface FactsLexiconFile {
  language: string;
  cues: Partial<Record<CueClass, CueEntry[]>>;
}

export interface CompiledCue extends CueEntry {
  re: RegExp;
}

/** A facts lexicon ready for matching: every cue class compiled, plus the gap matchers. */
export interface FactsLexicon {
  language: string;
  cues: Record<CueClass, CompiledCue[]>;
  /** Matches a gap made only of linker words (determiners, prepositions) and spaces. */
  linkerGap: RegExp;
  /** Matches a gap between two coordinated names: linkers, one coordinator, linkers. */
  coordinatedGap: RegExp;
  /**
   * Matches a gap made of an unmarked noun phrase coordinated with the name that follows
   * ("l'adoption des approches communes …, du Programme …"): linkers, at most 14 words,
   * one coordinator, linkers.
   */
  unmarkedThenCoordinatedGap: RegExp;
  /** Matches a whole run of lower-case words allowed inside a title-case name ("for the", "on"). */
  nameLinkerRun: RegExp;
}

/** One cue found in a text. */
export interface CueMatch {
  id: string;
  value?: string;
  start: number;
  end: number;
  groups: (string | undefined)[];
}

// JavaScript's \b only knows ASCII letters, so "\bétablir" would never match after a space.
// The lexicon's \b is rewritten into a Unicode-aware boundary before compiling. In these
// lexicons \b always sits at a word's edge, so one look-around is enough (and much cheaper):
// where it opens a word no letter may precede; where it closes one no letter may follow.
const WORD_START = '(?<![\\p{L}\\p{N}_])';
const WORD_END = '(?![\\p{L}\\p{N}_])';

/** Compiles one lexicon pattern with a Unicode-aware \b. Throws on an invalid pattern (a data bug). */
export function compilePattern(pattern: string, flags = 'gu'): RegExp {
  // A \b at the start of the pattern or right after "|", "(", "(?:", a space… opens a word;
  // one after a letter, "?", ")" or "]" closes one.
  const src = pattern.replace(/\\b/g, (_m, at: number) => (at === 0 || /[|(:\s!=<]/.test(pattern[at - 1]) ? WORD_START : WORD_END));
  return new RegExp(src, flags);
}

const compiled = new Map<string, FactsLexicon | null>();

/**
 * Reads lexicons/<lang>/facts.yaml (validated by its schema) and compiles it.
 * Returns null when the language has no facts lexicon: the caller then reports it and skips.
 */
export function loadFactsLexicon(lang: string): FactsLexicon | null {
  if (compiled.has(lang)) return compiled.get(lang) ?? null;
  const file = loadLexicon<FactsLexiconFile>(lang, 'facts');
  const lex = file ? compileFactsLexicon(file) : null;
  compiled.set(lang, lex);
  return lex;
}

/** Builds the compiled form of a facts lexicon file (exported for tests with hand-made lexicons). */
export function compileFactsLexicon(file: FactsLexiconFile): FactsLexicon {
  const cues = {} as Record<CueClass, CompiledCue[]>;
  for (const cls of CUE_CLASSES) {
    cues[cls] = (file.cues[cls] ?? []).map((e) => {
      try {
        return { ...e, re: compilePattern(e.pattern) };
      } catch (err) {
        throw new Error(`facts lexicon ${file.language}: invalid pattern in ${e.id}: ${(err as Error).message}`);
      }
    });
  }
  const alt = (entries: CueEntry[]) => entries.map((e) => `(?:${e.pattern})`).join('|') || '(?!)';
  const linker = alt(file.cues.linker ?? []);
  const coord = alt(file.cues.coordinator ?? []);
  const linkers = `(?:\\s*(?:${linker})(?![\\p{L}\\p{N}]))*`;
  return {
    language: file.language,
    cues,
    linkerGap: new RegExp(`^${linkers}\\s*$`, 'u'),
    coordinatedGap: new RegExp(`^\\s*(?:${coord})(?:\\s*(?:${coord}))?${linkers}\\s*$`, 'u'),
    nameLinkerRun: new RegExp(`^(?:${alt(file.cues.nameLinker ?? [])})$`, 'u'),
    unmarkedThenCoordinatedGap: new RegExp(`^${linkers}(?:\\s+[^\\s.;:,()]+){1,14}\\s*(?:${coord})(?:\\s*(?:${coord}))?${linkers}\\s*$`, 'u'),
  };
}

/**
 * Every match of one cue class in folded text between from and to (half-open).
 * `original` is the unfolded text, used by entries that require a capital letter.
 */
export function findCues(lex: FactsLexicon, cls: CueClass, folded: string, from = 0, to = folded.length, original?: string): CueMatch[] {
  const out: CueMatch[] = [];
  const slice = folded.slice(from, to);
  for (const cue of lex.cues[cls]) {
    const re = cue.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) {
      const at = m.index;
      if (m[0].length === 0) { re.lastIndex = at + 1; continue; }
      const start = from + at;
      if (cue.requireCapital && original) {
        const ch = original[start];
        // Retry one character further: "the Year of" must still find "Year of".
        if (!ch || ch === ch.toLowerCase()) { re.lastIndex = at + 1; continue; }
      }
      out.push({ id: cue.id, value: cue.value, start, end: start + m[0].length, groups: m.slice(1) });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The first entry of a class (in lexicon order) that matches at the very start of `text`. */
export function matchAtStart(lex: FactsLexicon, cls: CueClass, folded: string): CueMatch | null {
  for (const cue of lex.cues[cls]) {
    const re = new RegExp(`^(?:${cue.re.source})`, 'u');
    const m = re.exec(folded);
    if (m && m[0].length > 0) return { id: cue.id, value: cue.value, start: 0, end: m[0].length, groups: m.slice(1) };
  }
  return null;
}
