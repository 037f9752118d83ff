import { candidateLanguages, findWords, termOf } from '../link/terms.js';
import { StoreError } from './types.js';

/**
 * Parses a user's search words into clauses the database can match safely. Only letters and
 * digits ever reach the database (terms are cleaned in src/link/terms.ts), so FTS5 operators,
 * quotes and SQL fragments in the query are plain words, never syntax. "Double quotes" make a
 * phrase. Every clause must match (AND); a word's alternatives are its stems in each candidate
 * language (en and fr for Latin script unless --lang says otherwise).
 */
export const MAX_QUERY_CHARS = 1000;
export const MAX_QUERY_CLAUSES = 16;

export interface QueryClause {
  /** One alternative per candidate language; each alternative is a sequence of terms (a phrase when longer than one). */
  alternatives: string[][];
}

export interface ParsedQuery {
  clauses: QueryClause[];
  /** Every term that may match, for highlighting. */
  terms: Set<string>;
}

/** Parse `q`; throws StoreError('bad-query') with a message fit for users. */
export function parseQuery(q: unknown, lang?: string): ParsedQuery {
  if (typeof q !== 'string') throw new StoreError('bad-query', 'the query must be text');
  if (q.length > MAX_QUERY_CHARS) throw new StoreError('bad-query', `the query is too long (${q.length} characters; at most ${MAX_QUERY_CHARS})`);
  // Control characters are never meaningful in a query: they become spaces.
  const clean = q.replace(/[\p{Cc}\p{Cf}]+/gu, ' ');
  const parts: Array<{ text: string; phrase: boolean }> = [];
  const re = /"([^"]*)"|([^"]+)/g;
  for (let m = re.exec(clean); m; m = re.exec(clean)) {
    if (m[1] !== undefined) parts.push({ text: m[1], phrase: true });
    else if (m[2] !== undefined) for (const w of m[2].split(/\s+/)) if (w) parts.push({ text: w, phrase: false });
  }
  const clauses: QueryClause[] = [];
  const terms = new Set<string>();
  for (const part of parts) {
    const words = findWords(part.text, lang ?? 'en').map((w) => w.word);
    if (words.length === 0) continue;
    const groups = part.phrase ? [words] : words.map((w) => [w]);
    for (const g of groups) {
      const langs = candidateLanguages(g.join(' '), lang);
      const alts = new Map<string, string[]>();
      for (const l of langs) {
        const seq = g.map((w) => termOf(w, l)).filter((t) => t.length > 0);
        if (seq.length > 0) alts.set(seq.join(' '), seq);
      }
      if (alts.size === 0) continue;
      for (const seq of alts.values()) for (const t of seq) terms.add(t);
      clauses.push({ alternatives: [...alts.values()] });
    }
  }
  if (clauses.length === 0) throw new StoreError('bad-query', 'the query has no words to search for');
  if (clauses.length > MAX_QUERY_CLAUSES) throw new StoreError('bad-query', `the query has too many words (at most ${MAX_QUERY_CLAUSES})`);
  return { clauses, terms };
}

/** FTS5 MATCH expression: every term double-quoted (terms hold only letters and digits). */
export function toFts5(parsed: ParsedQuery): string {
  return parsed.clauses
    .map((c) => '(' + c.alternatives.map((seq) => `"${seq.join(' ')}"`).join(' OR ') + ')')
    .join(' AND ');
}

/** PostgreSQL tsquery text for to_tsquery('simple', …): phrases with <->, alternatives with |. */
export function toTsquery(parsed: ParsedQuery): string {
  return parsed.clauses
    .map((c) => '(' + c.alternatives.map((seq) => (seq.length > 1 ? '(' + seq.join(' <-> ') + ')' : seq[0]!)).join(' | ') + ')')
    .join(' & ');
}
