import { CodeUnitScratch } from '../text/codeUnits.js';
import { C_DROP, C_WORD, caseSkeleton, infoOf, keyNeedsStems, makeNameKey, makeTextKey } from './keys.js';
import { stableSort } from '../stableSort.js';

/**
 * A multi-pattern matcher over match keys (see keys.ts): a character trie built once from all
 * names, walked from every token start of a text; at each start the longest name that ends at a
 * token end (and passes its case check) is a candidate. Overlapping candidates are then resolved
 * longest first. Hand-written rather than a library (Aho-Corasick packages match raw strings):
 * the walk has to respect token starts and ends, and the case checks read the original text.
 * Cost: one pass to build the key, then a short trie walk per token (most die after 1-3 chars).
 */

export type GazetteerType = 'state' | 'organization' | 'place' | 'blocker';

export interface GazetteerEntry {
  type: GazetteerType;
  /** ISO alpha-2, organization id or place slug; '' for a blocker. */
  ref: string;
  /** The name as written in the data. */
  name: string;
  /** Where the name comes from: 'name', 'acronym', 'pattern', 'context', 'alias'… (goes into `rule`). */
  source: string;
  /** Acronyms: the letters must match with exact case ("OCS", not "ocs"). */
  exactCase?: boolean;
  /** Higher wins when two entries share a key (default 0). */
  priority?: number;
}

export interface GazetteerMatch {
  entry: GazetteerEntry;
  start: number;
  end: number;
  text: string;
}


/**
 * The trie laid out for the walk from every token start (3 steps on average, millions per corpus).
 * Each node has a record of four integers in `records`:
 *   - a leaf: [-1, …];
 *   - one or two children (almost all nodes): [code, child, code, child], -1 in the third slot
 *     for one child: the step reads one record, no pointer chasing through sibling lists;
 *   - three or more children (the first letters of names): [-2, offset of the node's block in
 *     `ascii`, or -1 when it has no ASCII child]: its child under an ASCII code unit is
 *     `ascii[offset + code]`, one load; under another code unit, the (node, code) hash table
 *     (mask, node, code, child: open addressing). Hand-written: no library offers an integer-pair
 *     hash over typed arrays, and Map keys would need a number per (node, code) pair that overflows.
 * The root's children are in Gazetteer.rootTable. `terminal` marks the nodes where a name's key
 * ends. Built from the growable lists on the first find after the trie last changed; `add` drops it.
 */
interface WalkTables {
  records: Int32Array;
  ascii: Int32Array;
  mask: number;
  node: Int32Array;
  code: Uint16Array;
  child: Int32Array;
  terminal: Uint8Array;
}

/** The child of a non-root node for key code unit `c`, or -1 (see WalkTables). */
function step(t: WalkTables, node: number, c: number): number {
  const r = t.records;
  const k = node << 2;
  const c0 = r[k];
  if (c0 === c) return r[k + 1];
  if (c0 >= 0) return r[k + 2] === c ? r[k + 3] : -1;
  if (c0 === -1) return -1;
  if (c < 128) {
    const block = r[k + 1];
    return block === -1 ? -1 : t.ascii[block + c];
  }
  const mask = t.mask;
  for (let h = edgeHash(node, c) & mask; t.node[h] !== -1; h = (h + 1) & mask) {
    if (t.node[h] === node && t.code[h] === c) return t.child[h];
  }
  return -1;
}

/** The code units of the text Gazetteer.find is reading (candidatesInText). */
const textUnits = new CodeUnitScratch();

/** How many recent texts Gazetteer.find remembers: the issuer guess reads up to four paragraphs. */
const RECENT = 4;

/**
 * The trie is flat (hand-written for speed): node 0 is the root, whose children are found through a
 * direct 65536-entry table; every other node keeps its children as a linked list of siblings
 * (most nodes have one or two), in plain integer arrays.
 */

export class Gazetteer {
  private readonly rootTable = new Int32Array(65536).fill(-1);
  private code: number[] = [0];
  private firstChild: number[] = [-1];
  private nextSibling: number[] = [-1];
  private entries: (GazetteerEntry[] | undefined)[] = [undefined];
  /** Number of distinct keys. */
  size = 0;

  /** See WalkTables. */
  private tables: WalkTables | null = null;

  private child(node: number, c: number): number {
    if (node === 0) return this.rootTable[c];
    for (let k = this.firstChild[node]; k !== -1; k = this.nextSibling[k]) if (this.code[k] === c) return k;
    return -1;
  }

  private walkTables(): WalkTables {
    if (this.tables) return this.tables;
    const nodes = this.code.length;
    const records = new Int32Array(nodes * 4).fill(-1);
    const terminal = new Uint8Array(nodes);
    let wideEdges = 0;
    let blocks = 0;
    for (let node = 1; node < nodes; node++) {
      if (this.entries[node]) terminal[node] = 1;
      const kids = this.childrenOf(node);
      const k = node << 2;
      if (kids.length <= 2) {
        kids.forEach((kid, x) => { records[k + 2 * x] = this.code[kid]; records[k + 2 * x + 1] = kid; });
        continue;
      }
      records[k] = -2;
      if (kids.some((kid) => this.code[kid] < 128)) records[k + 1] = 128 * blocks++;
      wideEdges += kids.length;
    }
    let size = 16;
    while (size < wideEdges * 2) size *= 2;
    const t: WalkTables = {
      records, ascii: new Int32Array(128 * blocks).fill(-1), terminal,
      mask: size - 1, node: new Int32Array(size).fill(-1), code: new Uint16Array(size), child: new Int32Array(size),
    };
    for (let node = 1; node < nodes; node++) {
      const k = node << 2;
      if (records[k] !== -2) continue;
      for (const kid of this.childrenOf(node)) {
        const c = this.code[kid];
        if (c < 128) { t.ascii[records[k + 1] + c] = kid; continue; }
        let h = edgeHash(node, c) & t.mask;
        while (t.node[h] !== -1) h = (h + 1) & t.mask;
        t.node[h] = node; t.code[h] = c; t.child[h] = kid;
      }
    }
    this.tables = t;
    return t;
  }

  /** The children of a node (each code once: `add` never makes two children with the same code). */
  private childrenOf(node: number): number[] {
    const kids: number[] = [];
    for (let k = this.firstChild[node]; k !== -1; k = this.nextSibling[k]) kids.push(k);
    return kids;
  }

  private addChild(node: number, c: number): number {
    const id = this.code.length;
    this.code.push(c);
    this.firstChild.push(-1);
    this.entries.push(undefined);
    if (node === 0) {
      this.nextSibling.push(-1);
      this.rootTable[c] = id;
    } else {
      this.nextSibling.push(this.firstChild[node]);
      this.firstChild[node] = id;
    }
    return id;
  }

  constructor(entries: Iterable<GazetteerEntry> = []) {
    for (const e of entries) this.add(e);
  }

  /** A copy of this gazetteer with more names (the trie arrays are copied, the entries shared). */
  withEntries(extra: Iterable<GazetteerEntry>): Gazetteer {
    const g = new Gazetteer();
    g.rootTable.set(this.rootTable);
    g.code = this.code.slice();
    g.firstChild = this.firstChild.slice();
    g.nextSibling = this.nextSibling.slice();
    g.entries = this.entries.map((e) => (e ? [...e] : undefined));
    g.size = this.size;
    for (const e of extra) g.add(e);
    return g;
  }

  /** Adds one name. A name whose key is empty (only punctuation) is ignored. */
  add(entry: GazetteerEntry): void {
    const key = makeNameKey(entry.name);
    if (!key) return;
    this.tables = null;
    this.forgetRecent();
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      let next = this.child(node, ch);
      if (next === -1) next = this.addChild(node, ch);
      node = next;
    }
    let list = this.entries[node];
    if (!list) { list = []; this.entries[node] = list; this.size++; }
    // Same key, same type and ref: keep one (the first, or the one with higher priority).
    const same = list.findIndex((x) => x.type === entry.type && x.ref === entry.ref);
    if (same >= 0) {
      if ((entry.priority ?? 0) > (list[same].priority ?? 0)) list[same] = entry;
      return;
    }
    list.push(entry);
    list.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  }

  /**
   * All non-overlapping matches in a text, sorted by start. Blockers take part in the
   * overlap resolution (so they hide the shorter names inside them) and are then dropped.
   */
  find(text: string): GazetteerMatch[] {
    for (let k = 0; k < RECENT; k++) if (this.recentTexts[k] === text) return copyMatches(this.recentMatches[k]);
    const matches = this.findAll(text);
    this.recentTexts[this.recentNext] = text;
    this.recentMatches[this.recentNext] = copyMatches(matches);
    this.recentNext = (this.recentNext + 1) % RECENT;
    return matches;
  }

  /**
   * The last texts read and their matches (copies: callers get objects of their own). The issuer
   * guess reads a document's opening paragraphs, and the entities stage then reads them again with
   * the same gazetteer when the issuer's bodies have no context names (every UN General Debate
   * statement): an eighth of the characters read, answered without a walk.
   */
  private recentTexts: (string | null)[] = new Array(RECENT).fill(null);
  private recentMatches: GazetteerMatch[][] = new Array(RECENT).fill([]);
  private recentNext = 0;

  private forgetRecent(): void {
    this.recentTexts.fill(null);
    this.recentMatches.fill([]);
  }

  /** find without the memo of recent texts. */
  private findAll(text: string): GazetteerMatch[] {
    const cands = this.candidatesInText(text) ?? this.candidatesInKey(text);
    const kept = resolveOverlaps(cands);
    let blockers = 0;
    for (const m of kept) if (m.entry.type === 'blocker') blockers++;
    return blockers === 0 ? kept : kept.filter((m) => m.entry.type !== 'blocker');
  }

  /**
   * The candidates (the longest name at each token start) read straight off the text, without
   * building its key: the key of a text without Cyrillic words is its non-separator code units,
   * folded one by one (keys.ts), so the walk folds each code unit as it reads it and skips the
   * separators. Null for a text with a Cyrillic word (its words are stemmed; candidatesInKey).
   * Most token starts die after one to three code units, so building the key and its four offset
   * maps for every code unit cost more than the walks themselves. The units are read from a copy
   * in a typed array (see CodeUnitScratch), and the walk is inlined (a call per token start was a
   * good part of its cost).
   */
  private candidatesInText(text: string): GazetteerMatch[] | null {
    const t = this.walkTables();
    const rootTable = this.rootTable;
    const terminal = t.terminal;
    const u = textUnits.load(text);
    const cands: GazetteerMatch[] = [];
    const n = u.length;
    let inWord = false;
    for (let i = 0; i < n; i++) {
      const c = u[i]!;
      let info = infoOf(c);
      const cls = info >>> 16;
      if (cls === C_WORD) {
        if (keyNeedsStems(c)) return null;
        if (inWord) continue;
        inWord = true;
      } else {
        inWord = false;
        if (cls === C_DROP) continue;
      }
      // i is a token start: the walk to the longest name starting there
      let node = rootTable[info & 0xffff]!;
      if (node === -1) continue;
      let best: GazetteerMatch | null = null;
      let j = i;
      for (;;) {
        if (terminal[node] !== 0) {
          // a name's key ends here: a candidate when text[j] also ends its token
          const end = j + 1;
          if (info >>> 16 !== C_WORD || end >= n || infoOf(u[end]!) >>> 16 !== C_WORD) best = this.candidate(text, i, end, node) ?? best;
        }
        do j++; while (j < n && (info = infoOf(u[j]!)) >>> 16 === C_DROP);
        if (j >= n) break;
        node = step(t, node, info & 0xffff);
        if (node === -1) break;
      }
      if (best) cands.push(best);
    }
    return cands;
  }

  /**
   * The candidates from the text's key (see keys.ts): the walk of candidatesInText on the key
   * code units, with the key's maps back to the text. Used for texts with Cyrillic words.
   */
  private candidatesInKey(text: string): GazetteerMatch[] {
    const { codes, startOk, startAt, endAt } = makeTextKey(text, true); // scratch arrays: used only inside this call
    const t = this.walkTables();
    const cands: GazetteerMatch[] = [];
    const n = codes.length;
    for (let i = 0; i < n; i++) {
      if (!startOk[i]) continue;
      let best: GazetteerMatch | null = null;
      for (let j = i, node = 0; j < n; j++) {
        node = j === i ? this.rootTable[codes[j]] : step(t, node, codes[j]);
        if (node === -1) break;
        if (t.terminal[node] && endAt[j] >= 0) {
          const m = this.candidate(text, startAt[i], endAt[j], node);
          if (m) best = m;
        }
      }
      if (best) cands.push(best);
    }
    return cands;
  }

  /** The span [start, end) as a match of the first entry of `node` that passes its case check, if any. */
  private candidate(text: string, start: number, end: number, node: number): GazetteerMatch | null {
    if (endsInsideCompound(text, end, start)) return null;
    const list = this.entries[node] as GazetteerEntry[];
    const span = text.slice(start, end);
    for (const entry of list) if (passesCase(entry, span)) return { entry, start, end, text: span };
    return null;
  }
}

/** Fresh copies of matches (the entries are shared: they are the gazetteer's data). */
function copyMatches(matches: GazetteerMatch[]): GazetteerMatch[] {
  return matches.map((m) => ({ entry: m.entry, start: m.start, end: m.end, text: m.text }));
}

/** Hash of a trie edge (node, code) for the wide nodes' non-ASCII children (WalkTables): two multiplicative mixes. */
function edgeHash(node: number, c: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca6b)) >>> 0;
}

/**
 * A name must not stop inside a hyphenated compound: "ASEAN COMMUNITY-BUILDING" holds no
 * "ASEAN Community", "Asia-based" no "Asia". Only when the word after the hyphen is in lower case
 * (or the whole span is in capitals, as in headings); "Chine-Asie centrale" keeps "Chine".
 */
function endsInsideCompound(text: string, end: number, start: number): boolean {
  if (end + 1 >= text.length) return false;
  const h = text.charCodeAt(end);
  if (h !== 0x2d && h !== 0x2010 && h !== 0x2011) return false; // HYPHEN, without a regex call per candidate
  const next = text[end + 1];
  if (!/\p{L}/u.test(next)) return false;
  if (next === next.toLowerCase() && next !== next.toUpperCase()) return true;
  const span = text.slice(start, end);
  return span.length > 3 && span === span.toUpperCase() && /\p{Lu}.*\s/u.test(span);
}

/** What passesCase needs from an entry's name, computed once per entry (it runs for every candidate). */
const nameCases = new WeakMap<GazetteerEntry, { skeleton: string; capital: boolean }>();
function nameCase(e: GazetteerEntry): { skeleton: string; capital: boolean } {
  let c = nameCases.get(e);
  if (!c) {
    const first = e.name.match(/[\p{L}\p{N}]/u)?.[0];
    const capital = !(!first || first.toLowerCase() === first.toUpperCase() || first === first.toLowerCase());
    c = { skeleton: e.exactCase ? caseSkeleton(e.name) : '', capital };
    nameCases.set(e, c);
  }
  return c;
}

/**
 * Case checks on the original words: an acronym must match letter for letter with case; a name
 * written with a capital in the data must start with a capital in the text (so "china" the
 * porcelain or "grenade" the weapon are not states), unless the text's letter has no case.
 */
function passesCase(e: GazetteerEntry, span: string): boolean {
  if (e.exactCase) return caseSkeleton(span) === nameCase(e).skeleton;
  if (!nameCase(e).capital) return true;
  const t = firstLetterOrDigit(span);
  if (!t) return false;
  return t.toLowerCase() === t.toUpperCase() || t !== t.toLowerCase();
}

/** The first letter or digit of a span (often its first code unit: a plain ASCII letter is taken without a regex). */
function firstLetterOrDigit(span: string): string | undefined {
  const c = span.charCodeAt(0) | 0x20; // ASCII letters to lower case
  if (c >= 0x61 && c <= 0x7a) return span[0];
  return span.match(/[\p{L}\p{N}]/u)?.[0];
}

/**
 * Keeps the longest of overlapping matches (ties: the earlier), then sorts by start. The kept
 * spans are held sorted by start (they never overlap, so their ends are sorted too): whether a
 * candidate overlaps one is a binary search, with no array over the text's offsets to allocate
 * and clear for every paragraph. An empty span overlaps nothing and is always kept.
 */
export function resolveOverlaps<T extends { start: number; end: number }>(cands: T[]): T[] {
  if (cands.length < 2) return [...cands];
  const byLength = stableSort(cands.slice(), longestFirst);
  const spans: T[] = []; // the kept non-empty spans, by start
  let empties: T[] | null = null; // the empty spans (last in byLength), in that order
  for (const c of byLength) {
    if (c.end <= c.start) { (empties ??= []).push(c); continue; }
    // the first kept span that ends after c starts: c overlaps a kept span only if it overlaps this one
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (spans[mid].end > c.start) hi = mid; else lo = mid + 1;
    }
    if (lo < spans.length && spans[lo].start < c.end) continue;
    spans.splice(lo, 0, c);
  }
  // `spans` have distinct starts, so they are already what a stable sort by start of the kept list gives.
  return empties ? stableSort([...spans, ...empties], byStart) : spans;
}

function longestFirst(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return (b.end - b.start) - (a.end - a.start) || a.start - b.start;
}

function byStart(a: { start: number }, b: { start: number }): number {
  return a.start - b.start;
}
