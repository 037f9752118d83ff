import { loadLexicon } from '../../lexicon/load.js';
import { foldForMatch } from '../../text/fold.js';
import { tokenize } from './namedTokens.js';

export type NamedType = 'instrument' | 'event' | 'initiative' | 'person';

/** One head noun of lexicons/<lang>/entities.yaml. */
export interface Descriptor {
  id: string;
  type: NamedType;
  forms: string[];
  plural?: string[];
  lower?: 'never' | 'complement' | 'proper' | 'quoted';
  firstComplement?: 'lower' | 'any';
  note?: string;
}

/** One gazetteer entry: a well-known named thing with an id shared across languages. */
export interface KnownEntry {
  id: string;
  type: NamedType;
  names: string[];
  acronyms?: string[];
  note?: string;
}

/** The shape of lexicons/<lang>/entities.yaml (schema: lexicons/schema/entities.schema.json). */
export interface EntitiesLexicon {
  language: string;
  descriptors: Descriptor[];
  links?: string[];
  qualifyingLinks?: string[];
  determiners?: string[];
  genericDeterminers?: string[];
  connectors?: string[];
  adjectives?: string[];
  adjectiveSuffixes?: string[];
  stopWords?: string[];
  ordinals?: string[];
  nameParticles?: string[];
  nonHeads?: string[];
  honorifics?: string[];
  openChain?: boolean;
  verbSuffixes?: string[];
  known?: KnownEntry[];
  bodies?: string[];
  placeLinks?: string[];
  indefiniteArticles?: string[];
  anaphoricAdjectives?: string[];
  dateStopLinks?: string[];
}

/** A multiword form as folded tokens ("plan d'action" → ["plan", "d'", "action"]). */
export type FoldedForm = string[];

/** Look-up tables built once per language from the lexicon. */
export interface PreparedLexicon {
  lang: string;
  lex: EntitiesLexicon;
  /** Descriptor forms, longest first, with their descriptor and whether the form is plural. */
  heads: { form: FoldedForm; d: Descriptor; plural: boolean }[];
  links: FoldedForm[];
  qualifying: Set<string>;
  determiners: Set<string>;
  generic: Set<string>;
  indefinite: Set<string>;
  anaphoric: Set<string>;
  connectors: Set<string>;
  adjectives: Set<string>;
  adjectiveSuffixes: string[];
  stop: Set<string>;
  ordinals: Set<string>;
  particles: Set<string>;
  nonHeads: Set<string>;
  verbSuffixes: string[];
  /** Inflected languages: any content word continues a name after a link (lexicon `openChain`). */
  openChain: boolean;
}

/**
 * The stems (entries ending in '*', without the '*') of a word list, computed once per list:
 * the lists are built once per language and never change, and scanning a whole set for stems
 * on every look-up was a hot spot of the named-thing recogniser.
 */
const stemsOf = new WeakMap<Set<string>, string[]>();

/** True when a folded word is in a word list that may hold stems ending in '*'. */
export function inStemList(list: Set<string>, w: string): boolean {
  if (list.has(w)) return true;
  let stems = stemsOf.get(list);
  if (!stems) {
    stems = [...list].filter((x) => x.endsWith('*')).map((x) => x.slice(0, -1));
    stemsOf.set(list, stems);
  }
  for (const x of stems) if (w.startsWith(x)) return true;
  return false;
}

/**
 * Folded words, memoised: the same few thousand words come back in every paragraph, and folding
 * runs three regex replacements and a lower-casing. Bounded so a huge corpus cannot grow it forever.
 */
const foldedWords = new Map<string, string>();
const MAX_FOLDED_WORDS = 100_000;

/** Folded form of one word for look-ups: lower case, typographic apostrophes folded; accents kept (French à ≠ a, où ≠ ou). */
export const foldWord = (s: string): string => {
  let f = foldedWords.get(s);
  if (f === undefined) {
    f = foldForMatch(s);
    if (foldedWords.size >= MAX_FOLDED_WORDS) foldedWords.clear();
    foldedWords.set(s, f);
  }
  return f;
};

/** Splits a lexicon phrase into folded tokens with the same tokenizer as the text. */
export function foldPhrase(s: string, lang: string): FoldedForm {
  // A phrase ending in an elided clitic ("d'", "jusqu'") is tokenised with a sentinel word after it,
  // so that it splits exactly as it does inside running text.
  const elided = /['’]$/.test(s);
  // Stems ("дорожн* карт*"): tokenise each word without its '*' and put the mark back.
  if (s.includes('*')) return s.split(/\s+/).filter(Boolean).map((w) => (w.endsWith('*') ? `${foldWord(w.slice(0, -1))}*` : foldWord(w)));
  const toks = tokenize(elided ? `${s}x` : s, lang).filter((t) => t.kind !== 'space').map((t) => foldWord(t.text));
  return elided ? toks.slice(0, -1) : toks;
}

const prepared = new Map<string, PreparedLexicon | null>();

/** Loads and prepares the entities lexicon of a language; null when the language has none or it is invalid. */
export function prepareLexicon(lang: string): PreparedLexicon | null {
  if (prepared.has(lang)) return prepared.get(lang)!;
  let lex: EntitiesLexicon | null = null;
  try {
    lex = loadLexicon<EntitiesLexicon>(lang, 'entities');
  } catch {
    lex = null; // invalid data: the lexicon test names the failing path
  }
  if (!lex) {
    prepared.set(lang, null);
    return null;
  }
  const set = (xs: string[] | undefined) => new Set((xs ?? []).map(foldWord));
  const heads: PreparedLexicon['heads'] = [];
  for (const d of lex.descriptors) {
    const plural = set(d.plural);
    for (const f of d.forms) heads.push({ form: foldPhrase(f, lang), d, plural: plural.has(foldWord(f)) });
  }
  heads.sort((a, b) => b.form.length - a.form.length);
  const links = (lex.links ?? []).map((l) => foldPhrase(l, lang)).sort((a, b) => b.length - a.length);
  const out: PreparedLexicon = {
    lang,
    lex,
    heads,
    links,
    qualifying: set(lex.qualifyingLinks),
    determiners: set(lex.determiners),
    generic: set(lex.genericDeterminers),
    indefinite: set(lex.indefiniteArticles),
    anaphoric: set(lex.anaphoricAdjectives),
    connectors: set(lex.connectors),
    adjectives: set(lex.adjectives),
    adjectiveSuffixes: (lex.adjectiveSuffixes ?? []).map(foldWord).sort((a, b) => b.length - a.length),
    stop: set(lex.stopWords),
    ordinals: set(lex.ordinals),
    particles: set(lex.nameParticles),
    nonHeads: set(lex.nonHeads),
    verbSuffixes: (lex.verbSuffixes ?? []).map(foldWord),
    openChain: lex.openChain === true,
  };
  prepared.set(lang, out);
  return out;
}
