import type { Paragraph } from '../types.js';
import { conceptsOf } from './nameKey.js';

/**
 * Paragraph alignment between two declarations: two languages of one work, or two years of
 * one organisation. Each paragraph becomes a set of language-independent anchors: printed
 * number, numbers and dates in the text, entity refs, and glossary concepts / stems of its
 * words (src/link/nameKey.ts). A monotone alignment (dynamic programming, like a
 * Needleman–Wunsch without gap costs) maximises the summed similarity; for two texts of the
 * same work a small bonus for the same relative position lets order decide between weak pairs.
 */
export interface AlignedPair {
  a: number | null;
  b: number | null;
  similarity: number;
  method: 'number' | 'anchors' | 'text' | 'order' | null;
}

const MIN_SIMILARITY = 0.12;

interface Features {
  num: string | null;
  anchors: Set<string>;
  words: Set<string>;
}

/** The paragraph's printed number at its start ("12.", "(a)", "3)"), which is no content anchor. */
const LEADING_NUMBER = /^\s*\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)]\)?\s+/i;

function featuresOf(p: Paragraph, lang: string): Features {
  const anchors = new Set<string>();
  const text = p.text.replace(LEADING_NUMBER, '');
  for (const m of text.matchAll(/\d+(?:[.,]\d+)?/g)) anchors.add('#' + m[0].replace(',', '.'));
  for (const e of Array.isArray(p.entities) ? p.entities : []) {
    if (e.ref) anchors.add('@' + e.ref);
    if (e.value) anchors.add('@' + e.value);
  }
  const words = new Set(conceptsOf(text, p.language ?? lang).filter((w) => !/^\d+$/.test(w)));
  return { num: p.num ?? null, anchors, words };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Align paragraphs of A and B (document languages langA, langB); pairs in order, gaps as null. */
export function alignParagraphs(a: readonly Paragraph[], langA: string, b: readonly Paragraph[], langB: string, sameWork: boolean): AlignedPair[] {
  const fa = a.map((p) => featuresOf(p, langA));
  const fb = b.map((p) => featuresOf(p, langB));
  const n = a.length;
  const m = b.length;
  // Hand-written DP: no alignment library covers similarity-scored monotone matching of records.
  const sim = (i: number, j: number): { s: number; method: AlignedPair['method'] } => {
    const x = fa[i]!;
    const y = fb[j]!;
    const w = jaccard(x.words, y.words);
    const an = jaccard(x.anchors, y.anchors);
    let s = x.anchors.size + y.anchors.size > 0 ? 0.6 * w + 0.4 * an : w;
    let method: AlignedPair['method'] = an > w ? 'anchors' : 'text';
    // Printed numbers only mean the same paragraph in two texts of one work (across years they shift).
    if (sameWork && x.num && y.num && x.num === y.num) {
      s += 0.25;
      method = 'number';
    }
    if (sameWork) {
      const pos = 1 - Math.abs(i / Math.max(1, n) - j / Math.max(1, m));
      const bonus = 0.15 * pos * pos;
      if (s < 0.2 && bonus > 0.14) method = 'order';
      s += bonus;
    }
    return { s: Math.min(1, s), method };
  };
  const score = new Float64Array((n + 1) * (m + 1));
  const move = new Uint8Array((n + 1) * (m + 1)); // 1 = match, 2 = skip a, 3 = skip b
  const idx = (i: number, j: number) => i * (m + 1) + j;
  for (let i = 1; i <= n; i++) move[idx(i, 0)] = 2;
  for (let j = 1; j <= m; j++) move[idx(0, j)] = 3;
  // Wide documents: only compare within a band around the diagonal to bound the work.
  const band = Math.max(60, Math.abs(n - m) + 60);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let best = score[idx(i - 1, j)]!;
      let mv = 2;
      if (score[idx(i, j - 1)]! > best) {
        best = score[idx(i, j - 1)]!;
        mv = 3;
      }
      if (Math.abs(i * (m / Math.max(1, n)) - j) <= band) {
        const { s } = sim(i - 1, j - 1);
        if (s >= MIN_SIMILARITY && score[idx(i - 1, j - 1)]! + s > best) {
          best = score[idx(i - 1, j - 1)]! + s;
          mv = 1;
        }
      }
      score[idx(i, j)] = best;
      move[idx(i, j)] = mv;
    }
  }
  const out: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const mv = move[idx(i, j)];
    if (mv === 1) {
      const { s, method } = sim(i - 1, j - 1);
      out.push({ a: i - 1, b: j - 1, similarity: Math.round(s * 1000) / 1000, method });
      i--;
      j--;
    } else if (mv === 2) {
      out.push({ a: i - 1, b: null, similarity: 0, method: null });
      i--;
    } else {
      out.push({ a: null, b: j - 1, similarity: 0, method: null });
      j--;
    }
  }
  return out.reverse();
}
