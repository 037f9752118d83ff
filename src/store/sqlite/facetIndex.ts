import type { SearchResult } from '../types.js';

/**
 * The facet columns of every stored paragraph (organisation, year, language, commitment, tag
 * list) in typed arrays indexed by paragraph id, so that a faceted search counts its matches
 * from the full-text index's row ids alone instead of reading each matching paragraph row
 * (random look-ups into rows that also hold the text: most of the time of a faceted search).
 *
 * Paragraph rows are only ever inserted or deleted, never changed, and their ids are never
 * reused (AUTOINCREMENT), and SQLite commits one writer at a time, so ids become visible in
 * increasing order: loading the rows above the highest id seen keeps the index exact, also
 * when another process imports. Entries of deleted paragraphs stay but are never asked for,
 * since their full-text rows are deleted with them. (PostgreSQL may commit identity values out
 * of order, hence SQLite only.)
 *
 * About 20 bytes per paragraph: 20 MB for a million.
 */
export interface FacetRow {
  id: number;
  organization: string | null;
  year: number | null;
  language: string;
  commitment: number;
  tags: string;
}

/** Conditions of a search, tested here exactly as the SQL filters test the paragraph row. */
export interface FacetFilter {
  org?: string;
  year?: number;
  lang?: string;
  commitment?: 0 | 1;
  /** "facet:value" tags that must all be present. */
  tags: string[];
}

type FacetCounts = SearchResult['facets'];

const TAG_SEP = '\u001f';
const NONE = -1;
const COUNTED_FACETS = new Set(['topic', 'action', 'state']);

class Dict {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(s);
      this.codes.set(s, c);
    }
    return c;
  }
  find(s: string): number {
    return this.codes.get(s) ?? NONE;
  }
}

function grow<T extends Int32Array | Uint32Array>(a: T, need: number, make: (n: number) => T, fill?: number): T {
  if (need <= a.length) return a;
  const b = make(Math.max(need, a.length * 2, 1024));
  if (fill !== undefined) b.fill(fill);
  b.set(a);
  return b;
}

export class FacetIndex {
  /** Highest paragraph id loaded. */
  loadedTo = 0;
  private org = new Int32Array(0);
  private year = new Int32Array(0);
  private lang = new Int32Array(0);
  /** -1: no row loaded for this id; else 0 or 1. */
  private commitment = new Int32Array(0);
  private tagStart = new Uint32Array(0);
  private tagEnd = new Uint32Array(0);
  private tagCodes = new Uint32Array(0);
  private tagCount = 0;
  private readonly orgs = new Dict();
  private readonly langs = new Dict();
  private readonly tags = new Dict();
  /** Per tag code: the facet it counts for ('' when none) and its value. */
  private readonly tagFacet: string[] = [];
  private readonly tagValue: string[] = [];

  /** Adds rows with ids above loadedTo, in increasing id order. */
  add(rows: FacetRow[]): void {
    for (const r of rows) {
      const id = Number(r.id);
      if (!(id > this.loadedTo)) continue;
      const n = id + 1;
      this.org = grow(this.org, n, (k) => new Int32Array(k));
      this.year = grow(this.year, n, (k) => new Int32Array(k));
      this.lang = grow(this.lang, n, (k) => new Int32Array(k));
      this.commitment = grow(this.commitment, n, (k) => new Int32Array(k), NONE);
      this.tagStart = grow(this.tagStart, n, (k) => new Uint32Array(k));
      this.tagEnd = grow(this.tagEnd, n, (k) => new Uint32Array(k));
      this.org[id] = r.organization === null ? NONE : this.orgs.code(r.organization);
      this.year[id] = r.year === null ? NONE : this.yearCode(Number(r.year));
      this.lang[id] = this.langs.code(r.language);
      this.commitment[id] = Number(r.commitment) === 1 ? 1 : 0;
      this.tagStart[id] = this.tagCount;
      if (r.tags) {
        for (const t of r.tags.split(TAG_SEP)) {
          this.tagCodes = grow(this.tagCodes, this.tagCount + 1, (k) => new Uint32Array(k));
          this.tagCodes[this.tagCount++] = this.tagCode(t);
        }
      }
      this.tagEnd[id] = this.tagCount;
      this.loadedTo = id;
    }
  }

  private readonly years = new Dict();
  private yearCode(y: number): number {
    return this.years.code(String(y));
  }

  private tagCode(t: string): number {
    const c = this.tags.code(t);
    if (c === this.tagFacet.length) {
      const colon = t.indexOf(':');
      const f = t.slice(0, colon);
      this.tagFacet.push(COUNTED_FACETS.has(f) ? f : '');
      this.tagValue.push(t.slice(colon + 1));
    }
    return c;
  }

  /**
   * The ids among `ids` (full-text matches, in the order given) whose paragraph passes `filter`;
   * ids without a loaded row are dropped, as the SQL join drops them.
   */
  filter(ids: number[], filter: FacetFilter): number[] {
    const org = filter.org === undefined ? undefined : this.orgs.find(filter.org);
    const year = filter.year === undefined ? undefined : this.years.find(String(filter.year));
    const lang = filter.lang === undefined ? undefined : this.langs.find(filter.lang);
    const tags = filter.tags.map((t) => this.tags.find(t));
    // A value never stored matches nothing.
    if (org === NONE || year === NONE || lang === NONE || tags.includes(NONE)) return [];
    const out: number[] = [];
    for (const id of ids) {
      if (!(id > 0 && id <= this.loadedTo) || this.commitment[id] === NONE) continue;
      if (org !== undefined && this.org[id] !== org) continue;
      if (year !== undefined && this.year[id] !== year) continue;
      if (lang !== undefined && this.lang[id] !== lang) continue;
      if (filter.commitment !== undefined && this.commitment[id] !== filter.commitment) continue;
      if (tags.length && !tags.every((c) => this.hasTag(id, c))) continue;
      out.push(id);
    }
    return out;
  }

  private hasTag(id: number, code: number): boolean {
    for (let i = this.tagStart[id]!; i < this.tagEnd[id]!; i++) if (this.tagCodes[i] === code) return true;
    return false;
  }

  /** Facet counts over `ids` (each must have a loaded row): the counts the SQL pass over the same rows gave. */
  count(ids: number[]): FacetCounts {
    const facets: FacetCounts = { org: {}, year: {}, lang: {}, topic: {}, action: {}, state: {}, commitment: {} };
    const orgN = new Map<number, number>();
    const yearN = new Map<number, number>();
    const langN = new Map<number, number>();
    const tagN = new Map<number, number>();
    let committed = 0;
    for (const id of ids) {
      const o = this.org[id]!;
      if (o !== NONE) orgN.set(o, (orgN.get(o) ?? 0) + 1);
      const y = this.year[id]!;
      if (y !== NONE) yearN.set(y, (yearN.get(y) ?? 0) + 1);
      const l = this.lang[id]!;
      langN.set(l, (langN.get(l) ?? 0) + 1);
      if (this.commitment[id] === 1) committed++;
      for (let i = this.tagStart[id]!; i < this.tagEnd[id]!; i++) {
        const c = this.tagCodes[i]!;
        tagN.set(c, (tagN.get(c) ?? 0) + 1);
      }
    }
    // Empty values are not counted, as in the SQL pass.
    const put = (into: Record<string, number>, key: string, n: number) => {
      if (key !== '') into[key] = (into[key] ?? 0) + n;
    };
    for (const [c, n] of orgN) put(facets.org, this.orgs.values[c]!, n);
    for (const [c, n] of yearN) put(facets.year, this.years.values[c]!, n);
    for (const [c, n] of langN) put(facets.lang, this.langs.values[c]!, n);
    for (const [c, n] of tagN) {
      const f = this.tagFacet[c]! as keyof FacetCounts;
      if (f) put(facets[f], this.tagValue[c]!, n);
    }
    if (committed) facets.commitment.true = committed;
    if (ids.length - committed) facets.commitment.false = ids.length - committed;
    return facets;
  }
}
