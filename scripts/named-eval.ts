/**
 * Quick comparison of the date and named-entity recognisers with the gold files
 * (helper "named"'s development tool; the project's real evaluation is src/eval/).
 * Reads test/fixtures/gold/*.json and test/fixtures/gold/dev/*.json; prints per-type
 * precision / recall / F1 (match = same type, overlap >= half of the union, one-to-one)
 * and the accuracy of date values on matched dates. `--show` lists misses and extras.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findDates } from '../src/annotate/entities/dates.js';
import { findNamedEntities } from '../src/annotate/entities/named.js';
import type { Entity } from '../src/types.js';

const TYPES = ['date', 'instrument', 'event', 'initiative', 'person'];
const show = process.argv.includes('--show');
const only = process.argv.find((a) => a.startsWith('--type='))?.slice(7);
const goldDir = 'test/fixtures/gold';
const files = [join(goldDir, 'sco-2024-astana.fr.json'), ...readdirSync(join(goldDir, 'dev')).filter((f) => f.endsWith('.json')).map((f) => join(goldDir, 'dev', f))];

type Tally = { tp: number; fp: number; fn: number };
const byLang = new Map<string, Map<string, Tally>>();
const values = new Map<string, { ok: number; n: number }>();

const overlap = (a: Entity, b: Entity) => {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return inter > 0 && inter * 2 >= union;
};

for (const file of files) {
  const g = JSON.parse(readFileSync(file, 'utf8'));
  const lang: string = g.document.language;
  const year = g.document.date ? Number(String(g.document.date).slice(0, 4)) : undefined;
  const t = byLang.get(lang) ?? new Map<string, Tally>();
  byLang.set(lang, t);
  for (const p of g.paragraphs) {
    if (p.kind === 'fragment') continue;
    const sys: Entity[] = [...findDates(p.text, lang, { refYear: year }), ...findNamedEntities(p.text, lang)];
    const gold: Entity[] = p.entities.filter((e: Entity) => TYPES.includes(e.type));
    for (const type of TYPES) {
      if (only && type !== only) continue;
      const tally = t.get(type) ?? { tp: 0, fp: 0, fn: 0 };
      t.set(type, tally);
      const gs = gold.filter((e) => e.type === type);
      const ss = sys.filter((e) => e.type === type);
      const used = new Set<number>();
      for (const ge of gs) {
        const i = ss.findIndex((se, k) => !used.has(k) && overlap(se, ge));
        if (i < 0) { tally.fn++; if (show) console.log(`MISS ${g.document.id}#${p.n} ${type} «${ge.text}»`); continue; }
        used.add(i); tally.tp++;
        if (type === 'date') {
          const v = values.get(lang) ?? { ok: 0, n: 0 }; values.set(lang, v);
          v.n++; if (ss[i].value === ge.value) v.ok++; else if (show) console.log(`VALUE ${g.document.id}#${p.n} «${ge.text}» gold ${ge.value} got ${ss[i].value}`);
        }
        if (show && (ss[i].start !== ge.start || ss[i].end !== ge.end)) console.log(`SPAN ${g.document.id}#${p.n} ${type} gold «${ge.text}» got «${ss[i].text}»`);
      }
      ss.forEach((se, k) => { if (!used.has(k)) { tally.fp++; if (show) console.log(`EXTRA ${g.document.id}#${p.n} ${type} «${se.text}» (${se.rule})`); } });
    }
  }
}
const f1 = (x: Tally) => { const p = x.tp / (x.tp + x.fp || 1); const r = x.tp / (x.tp + x.fn || 1); return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 }; };
for (const [lang, t] of byLang) {
  const all: Tally = { tp: 0, fp: 0, fn: 0 };
  for (const [type, x] of t) {
    all.tp += x.tp; all.fp += x.fp; all.fn += x.fn;
    if (x.tp + x.fp + x.fn === 0) continue;
    const s = f1(x);
    console.log(`${lang} ${type.padEnd(10)} P ${s.p.toFixed(2)} R ${s.r.toFixed(2)} F1 ${s.f.toFixed(2)}  (tp ${x.tp} fp ${x.fp} fn ${x.fn})`);
  }
  const s = f1(all);
  const v = values.get(lang);
  console.log(`${lang} ALL        P ${s.p.toFixed(2)} R ${s.r.toFixed(2)} F1 ${s.f.toFixed(2)}${v ? `  date values ${v.ok}/${v.n}` : ''}`);
}
