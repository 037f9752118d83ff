/**
 * One numbering of the folded words the clause lexicons name (verb forms, adverbs, subject
 * forms, markers…), so the clause readers compare a token with a lexicon word as two integers
 * and look words up in arrays indexed by that number. Id 0 means "no lexicon word": a paragraph
 * token that no lexicon names gets 0 and equals none of them, as its string equalled none.
 *
 * Why a hand-made hash table beside the Map: the tokeniser finds a token's id from its code
 * units while it scans them (hashStep per unit), without slicing the token into a string; a Map
 * can only be asked with a string. The Map serves the lexicon side (a few thousand words, once).
 */
const words: string[] = [''];
const idOf = new Map<string, number>();
/**
 * Open addressing, linear probing, kept at most half full: slot k holds a word id at 2k (0: empty)
 * and that word's hash at 2k + 1, one cache line for both. The words' code units lie end to end
 * in `units` (word id's from wordStart[id] to wordStart[id + 1]), so checking a hit reads one
 * small array rather than a string somewhere on the heap: the tokeniser probes once per token,
 * between other stages that evict these tables from the cache.
 */
let slots = new Int32Array(2 << 11);
let units = new Uint16Array(1 << 13);
let wordStart = new Int32Array(1 << 11);
let unitsUsed = 0;

/** FNV-1a over UTF-16 code units: hashStep from HASH_SEED over each unit in turn. */
export const HASH_SEED = 0x811c9dc5 | 0;

/** FNV-1a's 32-bit prime (WordTokens.read writes the step out with it). */
export const HASH_PRIME = 0x01000193;

export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, HASH_PRIME);
}

function hashOf(w: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < w.length; k++) h = hashStep(h, w.charCodeAt(k));
  return h;
}

function place(id: number, h: number): void {
  const mask = (slots.length >> 1) - 1;
  let i = h & mask;
  while (slots[2 * i] !== 0) i = (i + 1) & mask;
  slots[2 * i] = id;
  slots[2 * i + 1] = h;
}

/** Appends word id's code units to `units` (ids are numbered in order, so its start is the current end). */
function storeUnits(id: number, w: string): void {
  if (unitsUsed + w.length > units.length) {
    const grown = new Uint16Array(Math.max(units.length * 2, unitsUsed + w.length));
    grown.set(units);
    units = grown;
  }
  if (id + 2 > wordStart.length) {
    const grown = new Int32Array(wordStart.length * 2);
    grown.set(wordStart);
    wordStart = grown;
  }
  wordStart[id] = unitsUsed;
  for (let k = 0; k < w.length; k++) units[unitsUsed++] = w.charCodeAt(k);
  wordStart[id + 1] = unitsUsed;
}

/** The id of a folded lexicon word, numbering it when new. */
export function internWord(w: string): number {
  let id = idOf.get(w);
  if (id !== undefined) return id;
  id = words.length;
  words.push(w);
  idOf.set(w, id);
  storeUnits(id, w);
  if (words.length * 2 > slots.length >> 1) {
    slots = new Int32Array(slots.length * 2);
    for (let k = 1; k < words.length; k++) place(k, hashOf(words[k]!));
  } else {
    place(id, hashOf(w));
  }
  return id;
}

/** The ids of a folded phrase's words. */
export function internWords(phrase: readonly string[]): number[] {
  return phrase.map(internWord);
}

/** The id of the word s[start, end) whose hash (hashStep from HASH_SEED over its units) is h; 0 when no lexicon names it. */
export function wordIdAt(s: string, start: number, end: number, h: number): number {
  const mask = (slots.length >> 1) - 1;
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const id = slots[2 * i]!;
    if (id === 0) return 0;
    if (slots[2 * i + 1] === h && sameUnits(id, s, start, end)) return id;
  }
}

function sameUnits(id: number, s: string, start: number, end: number): boolean {
  const from = wordStart[id]!;
  if (wordStart[id + 1]! - from !== end - start) return false;
  for (let k = start; k < end; k++) if (units[from + k - start] !== s.charCodeAt(k)) return false;
  return true;
}

/** The id of a folded word, 0 when no lexicon names it (a string look-up, for words already sliced). */
export function wordId(w: string): number {
  return idOf.get(w) ?? 0;
}

/**
 * A set of word ids made once from folded words: one byte per id. Ids numbered after it was made
 * (words of lexicons compiled later) are not in it, as their words were not.
 */
export class WordIdSet {
  private readonly member: Uint8Array;
  readonly size: number;

  /** The set of the folded words (numbered when new) and of words already numbered, given by their ids. */
  constructor(foldedWords: Iterable<string>, ids: Iterable<number> = []) {
    const all = [...[...foldedWords].map(internWord), ...ids];
    this.member = new Uint8Array(words.length);
    for (const id of all) this.member[id] = 1;
    this.size = new Set(all).size;
  }

  /**
   * Whether id is in the set. Id 0 (no lexicon word) is in none: no set holds it (words are
   * numbered from 1), so no test of it here, where the readers ask for every token, for a branch
   * that half the tokens would take one way and half the other.
   */
  has(id: number): boolean {
    return id < this.member.length && this.member[id] === 1;
  }
}

/** An array indexed by word id, read with a bound check (ids numbered after it was filled read as undefined). */
export function byWordId<T>(table: (T | undefined)[], id: number): T | undefined {
  return id > 0 && id < table.length ? table[id] : undefined;
}
