import stemmerPkg from 'multilingual-stemmer';

/**
 * Language-aware terms for search and linking: words are found with Intl.Segmenter (which also
 * segments Chinese, where SQLite's unicode61 and PostgreSQL have nothing), French elisions are
 * stripped, words are lower-cased, stemmed with Snowball (multilingual-stemmer, WASM) for
 * en/fr/ru and other Snowball languages, then accent-folded. The same function runs at index and
 * query time, so the database only ever sees plain folded tokens: FTS5 and PostgreSQL's 'simple'
 * configuration then behave the same way for every language.
 */

const { Stemmer, Languages } = stemmerPkg as unknown as {
  Stemmer: new (lang: number) => { stem(word: string): string };
  Languages: Record<string, number>;
};

const SNOWBALL: Record<string, string> = {
  en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish', de: 'German', it: 'Italian',
  pt: 'Portuguese', nl: 'Dutch', ar: 'Arabic', tr: 'Turkish', ro: 'Romanian', sv: 'Swedish',
  da: 'Danish', fi: 'Finnish', hu: 'Hungarian', el: 'Greek',
};

const stemmers = new Map<string, { stem(word: string): string } | null>();
const stemCache = new Map<string, string>();

function stemmerFor(lang: string): { stem(word: string): string } | null {
  let s = stemmers.get(lang);
  if (s === undefined) {
    const name = SNOWBALL[lang];
    s = name !== undefined && Languages[name] !== undefined ? new Stemmer(Languages[name]!) : null;
    stemmers.set(lang, s);
  }
  return s;
}

/** Lower-case, strip combining marks (é→e, ё→е), map ligatures: the accent folding of every term. */
export function foldTerm(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
}

/** Stem one lower-cased word in `lang` (cached; the WASM call is the costly part) and fold it. */
export function stemWord(word: string, lang: string): string {
  const key = lang + '\u0000' + word;
  let out = stemCache.get(key);
  if (out === undefined) {
    const s = stemmerFor(lang);
    let stemmed = word;
    if (s && word.length > 2 && !/\d/.test(word)) {
      try {
        stemmed = s.stem(word);
      } catch {
        stemmed = word;
      }
    }
    out = foldTerm(stemmed);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(key, out);
  }
  return out;
}

const ELISION = /^(?:l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu)['’]/i;
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  const key = lang === 'zh' ? 'zh' : 'und';
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(key === 'zh' ? 'zh' : undefined, { granularity: 'word' });
    segmenters.set(key, s);
  }
  return s;
}

export interface WordSpan {
  /** The word as written. */
  word: string;
  start: number;
  end: number;
}

/** Words of `text` with their offsets (UTF-16, end exclusive), elisions split off French words. */
export function findWords(text: string, lang: string): WordSpan[] {
  const out: WordSpan[] = [];
  const push = (word: string, start: number) => {
    const m = ELISION.exec(word);
    if (m && word.length > m[0].length) {
      start += m[0].length;
      word = word.slice(m[0].length);
    }
    out.push({ word, start, end: start + word.length });
  };
  if (NEEDS_DICTIONARY.test(text)) {
    // Scripts written without spaces: only ICU's dictionary segmentation finds the words.
    for (const s of segmenterFor('zh').segment(text)) if (s.isWordLike) push(s.segment, s.index);
    return out;
  }
  // Alphabetic scripts: a regular expression gives the same words as Intl.Segmenter
  // (letters, digits, marks, joined by inner apostrophes) about five times faster.
  for (const m of text.matchAll(WORD)) push(m[0], m.index);
  return out;
}

const NEEDS_DICTIONARY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** Strip anything that is not a letter or digit: index tokens are safe in FTS5 and tsquery syntax. */
export function cleanToken(token: string): string {
  return token.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The index term of one word in `lang` (lower-cased, stemmed, folded, cleaned); '' when nothing is left. */
const termCache = new Map<string, string>();

export function termOf(word: string, lang: string): string {
  const key = lang + '\u0000' + word;
  let t = termCache.get(key);
  if (t === undefined) {
    const lower = word.toLowerCase();
    const stemLang = /\p{Script=Cyrillic}/u.test(lower) ? 'ru' : /\p{Script=Han}/u.test(lower) ? 'zh' : lang;
    t = cleanToken(stemWord(lower, stemLang)).slice(0, 60);
    if (termCache.size > 300_000) termCache.clear();
    termCache.set(key, t);
  }
  return t;
}

/** The index terms of `text` in order (duplicates kept: positions matter for phrases). */
export function termsOf(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const w of findWords(text, lang)) {
    const t = termOf(w.word, lang);
    if (t) out.push(t);
  }
  return out;
}

/** Languages whose stems a query word may need when the query's language is not given. */
export function candidateLanguages(word: string, given?: string): string[] {
  if (given) return [given];
  if (/\p{Script=Cyrillic}/u.test(word)) return ['ru'];
  if (/\p{Script=Han}/u.test(word)) return ['zh'];
  return ['en', 'fr'];
}
