import { packLists } from '../text/packedLists.js';

/**
 * An Aho–Corasick automaton over a set of literal strings: one pass over a text, one table
 * look-up per code unit, reports every occurrence of every literal (overlapping ones too).
 * The facts lexicon puts the leads and gate literals of all cue classes of a language in a
 * few such sets (src/facts/lexicon.ts): a probe per offset and per literal length cost most of
 * extractFacts. Hand-written because the literals come from the lexicon data at run time and no
 * library in the project builds a multi-literal matcher over UTF-16 code units.
 */
export interface LiteralAutomaton {
  /** Code unit → its column in `next` (0: a unit no literal holds), for every code unit. */
  column: Uint8Array;
  /** Columns per state. */
  width: number;
  /**
   * Transition table: (state × width + column) → next state × width × 2, plus 1 when that state
   * reports literals. The scan then indexes the table with the value itself (halved) and tests
   * the low bit, without a multiplication or a second table per code unit.
   */
  next: Int32Array;
  /** Per state, the span of `outputs` it reports: outputs[outStart[s] .. outStart[s + 1]). */
  outStart: Int32Array;
  /** The literal numbers ending at each state (its own and those of its suffix states). */
  outputs: Int32Array;
  /** Per literal number, its length in code units. */
  lengths: Int32Array;
  /** Where scanLiterals writes what it found: literal number and start, in pairs (grown as needed). */
  hits: Int32Array;
}

/**
 * Builds the automaton of `literals` (numbered by position; empty strings and repeats are
 * not allowed: the caller keeps one number per distinct string).
 */
export function buildLiteralAutomaton(literals: readonly string[]): LiteralAutomaton {
  const units = new Map<number, number>();
  for (const s of literals) {
    if (s.length === 0) throw new Error('literal automaton: empty literal');
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (!units.has(c)) units.set(c, units.size + 1);
    }
  }
  if (units.size > 254) throw new Error('literal automaton: too many distinct code units');
  const width = units.size + 1;
  const column = new Uint8Array(0x10000);
  for (const [c, k] of units) column[c] = k;

  // The trie: children per state as columns, own outputs per state.
  const children: Int32Array[] = [new Int32Array(width).fill(-1)];
  const own: number[][] = [[]];
  literals.forEach((s, k) => {
    let state = 0;
    for (let i = 0; i < s.length; i++) {
      const col = column[s.charCodeAt(i)]!;
      let child = children[state]![col]!;
      if (child < 0) {
        child = children.length;
        children.push(new Int32Array(width).fill(-1));
        own.push([]);
        children[state]![col] = child;
      }
      state = child;
    }
    own[state]!.push(k);
  });

  // Breadth first: each state's failure (longest proper suffix that is a trie state) is known
  // before its children's, so the full transition table and the inherited outputs fill in order.
  const count = children.length;
  const next = new Int32Array(count * width);
  const fail = new Int32Array(count);
  const outs: number[][] = new Array(count);
  outs[0] = own[0]!;
  const queue: number[] = [];
  for (let col = 0; col < width; col++) {
    const child = children[0]![col]!;
    if (child > 0) {
      fail[child] = 0;
      queue.push(child);
      next[col] = child;
    } else next[col] = 0;
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    outs[state] = [...own[state]!, ...outs[fail[state]!]!];
    for (let col = 0; col < width; col++) {
      const child = children[state]![col]!;
      const viaFail = next[fail[state]! * width + col]!;
      if (child > 0) {
        fail[child] = viaFail;
        queue.push(child);
        next[state * width + col] = child;
      } else next[state * width + col] = viaFail;
    }
  }

  // States as the scan reads them: premultiplied by the width, doubled, low bit set when reporting.
  for (let i = 0; i < next.length; i++) {
    const target = next[i]!;
    next[i] = target * width * 2 + (outs[target]!.length > 0 ? 1 : 0);
  }
  const { starts: outStart, items: outputs } = packLists(outs);
  return { column, width, next, outStart, outputs, lengths: Int32Array.from(literals, (s) => s.length), hits: new Int32Array(256) };
}

/**
 * Every occurrence of every literal in text, in order of their end offsets (so each literal's
 * occurrences come in ascending order of start): returns their number n, and a.hits holds
 * literal number and start of each at [2i] and [2i + 1]. A buffer, not a callback or an object
 * per occurrence: the loop stays a few loads per code unit (valid until the next scan).
 */
export function scanLiterals(a: LiteralAutomaton, text: string): number {
  const { column, width, next, outStart, outputs, lengths } = a;
  let hits = a.hits;
  let n = 0;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    state = next[(state >> 1) + column[text.charCodeAt(i)]!]!;
    if ((state & 1) === 0) continue;
    const s = (state / (width * 2)) | 0;
    for (let j = outStart[s]!, to = outStart[s + 1]!; j < to; j++) {
      if (2 * n + 2 > hits.length) {
        const grown = new Int32Array(hits.length * 2);
        grown.set(hits);
        hits = a.hits = grown;
      }
      const k = outputs[j]!;
      hits[2 * n] = k;
      hits[2 * n + 1] = i + 1 - lengths[k]!;
      n++;
    }
  }
  return n;
}
