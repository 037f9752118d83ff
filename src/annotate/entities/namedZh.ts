import type { Entity } from '../../types.js';
import { loadLexicon } from '../../lexicon/load.js';
import type { EntitiesLexicon } from './namedLexicon.js';

/**
 * Chinese named things. Chinese names end in their head noun (…宣言, …公约, …峰会, …倡议),
 * with no capitals and no spaces, so the grammar differs from namedWalk.ts:
 * - a quoted title “…” or 《…》 that ends in a head noun is one mention (the title, without
 *   the quotes, as the dev gold marks it);
 * - elsewhere a head noun is extended leftwards over Han characters until punctuation, a
 *   digit or date, a quote, or a boundary word from the lexicon's `stopWords` (verbs such as
 *   重申, 欢迎, 支持 and particles such as 的), and a following head is absorbed (峰会宣言).
 * Reads lexicons/zh/entities.yaml (descriptor forms are suffixes). Returns candidates.
 */

interface ZhCand extends Entity { priority?: number }

const BOUNDARY = /[\s，。、；：:;,.!?！？（）()“”"《》〈〉「」『』\[\]【】·\d０-９a-zA-Z]/u;

export function findChineseNamed(text: string): ZhCand[] {
  let lex: EntitiesLexicon | null = null;
  try { lex = loadLexicon<EntitiesLexicon>('zh', 'entities'); } catch { lex = null; }
  if (!lex) return [];
  const heads = lex.descriptors.flatMap((d) => d.forms.map((f) => ({ f, d }))).sort((a, b) => b.f.length - a.f.length);
  const stops = [...(lex.stopWords ?? [])].sort((a, b) => b.length - a.length);
  const out: ZhCand[] = [];
  // 1. Quoted titles.
  const q = /[“《「『]([^“”《》「」『』]{2,80})[”》」』]/gu;
  for (let m = q.exec(text); m; m = q.exec(text)) {
    const inner = m[1];
    const h = heads.find((x) => inner.endsWith(x.f));
    if (!h) continue;
    const s = m.index + 1;
    out.push({ type: h.d.type, text: inner, start: s, end: s + inner.length, rule: `entities/lexicon:${h.d.id}.quoted` });
  }
  // 2. Unquoted: head nouns extended to the left (generic heads such as 会议 only count inside quotes).
  const openHeads = heads.filter((x) => x.d.lower !== 'quoted');
  for (let i = 0; i < text.length; i++) {
    const h = openHeads.find((x) => text.startsWith(x.f, i));
    if (!h) continue;
    let end = i + h.f.length;
    let d = h.d;
    // absorb a following head: 峰会 + 宣言
    for (;;) {
      const n = openHeads.find((x) => text.startsWith(x.f, end));
      if (!n) break;
      end += n.f.length; d = n.d;
    }
    let s = i;
    while (s > 0 && !BOUNDARY.test(text[s - 1])) {
      // the end of a date ("3月26日") is a boundary too
      if (/[日月年号]/u.test(text[s - 1]) && /\d/u.test(text[s - 2] ?? '')) break;
      const stop = stops.find((w) => text.slice(0, s).endsWith(w));
      if (stop) break;
      s--;
    }
    if (end - s >= h.f.length + 3) out.push({ type: d.type, text: text.slice(s, end), start: s, end, rule: `entities/lexicon:${d.id}` });
    i = end - 1;
  }
  return out;
}
