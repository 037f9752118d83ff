/**
 * A one-sided test for "is this word one of a fixed set": false means certainly not, true means
 * maybe (then look it up). The clause readers look every token up in Maps keyed by the first
 * words of lexicon forms, and about 95% of tokens are in none: hashing a fresh token string and
 * probing a Map costs far more than one bit read. Each set word sets the bit of its (length, first
 * code unit, last code unit) key, so a word whose bit is clear is not in the set: exact as a gate.
 */
export class WordFilter {
  private readonly bits = new Uint8Array(1 << 16);

  constructor(words: Iterable<string>) {
    for (const w of words) this.bits[WordFilter.key(w)] = 1;
  }

  private static key(w: string): number {
    if (w.length === 0) return 0;
    return (Math.min(w.length, 31) << 11) | ((w.charCodeAt(0) & 63) << 5) | (w.charCodeAt(w.length - 1) & 31);
  }

  /** False when `w` is certainly not in the set. */
  mayHave(w: string): boolean {
    return this.bits[WordFilter.key(w)] === 1;
  }
}
