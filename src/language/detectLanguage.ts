import { loadEldDatabase, loadEldTables } from './eldModel.js';
import { createEldScorer } from './eldScorer.js';
import type { Message } from '../types.js';

// Top-level await: the model loads once, when this module is first imported (see eldModel.ts).
const eld = createEldScorer((await loadEldDatabase()).database, await loadEldTables());

/** Languages Concord has lexicons for; others are analysed as far as possible. */
export const SUPPORTED_LANGUAGES = ['fr', 'en', 'ru', 'zh'] as const;
/**
 * Paragraphs longer than this get their own detection (a mixed-language document).
 * Shorter ones are too short for a sure answer and would cost most of the analysis time.
 */
export const PER_PARAGRAPH_MIN_CHARS = 1000;
/** Detection reads at most this much: n-gram statistics settle well before. */
const SAMPLE_CHARS = 3000;

export interface LanguageGuess {
  language: string;
  reliable: boolean;
}

/** Han characters are all at U+2E80 or above (astral ones are surrogate pairs, above too). */
const AT_OR_ABOVE_HAN = /[\u2E80-\uFFFF]/;
const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
const LETTER_ALL = /\p{L}/gu;

/** Number of matches of a global pattern, without building the array of matches. */
function countMatches(s: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) n++;
  return n;
}

/** Language of a piece of text with the eld library ('und' when it cannot tell). */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (!/\p{L}/u.test(sample)) return { language: 'und', reliable: false };
  // Chinese script settles it faster and more surely than n-grams on short text.
  // Counted only when a Han character is there at all (most texts have none): matching every letter
  // into an array cost as much as the n-gram detection itself. And that is tested only when a
  // character at or above the Han blocks is there: a plain range is several times cheaper than the
  // Unicode property on a text without any.
  if (AT_OR_ABOVE_HAN.test(sample) && HAN.test(sample)) {
    const han = countMatches(sample, HAN_ALL);
    const letters = countMatches(sample, LETTER_ALL);
    if (han / letters > 0.3) return { language: 'zh', reliable: true };
  }
  const r = eld.detect(sample);
  return { language: r.language || 'und', reliable: r.reliable };
}

/**
 * Entry of the language stage: the document's language (given, or detected on the
 * whole text) and, for long paragraphs only, a paragraph language when it differs.
 */
export function resolveDocumentLanguage(
  text: string,
  given: string | undefined,
): { language: string; source: 'given' | 'detected'; messages: Message[] } {
  const messages: Message[] = [];
  if (given && given !== 'auto') return { language: given, source: 'given', messages };
  const guess = detectLanguage(text);
  if (guess.language === 'und') {
    messages.push({ severity: 'warning', stage: 'language', ruleId: 'language/undetermined', message: 'the language could not be detected; give it with --lang' });
  } else if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(guess.language)) {
    messages.push({
      severity: 'warning',
      stage: 'language',
      ruleId: 'language/unsupported',
      message: `the text is in "${guess.language}", which Concord has no lexicons for (fr, en, ru, zh): paragraphs and entities are given, actions and commitments may be missing`,
    });
  }
  return { language: guess.language, source: 'detected', messages };
}
