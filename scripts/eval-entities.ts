/**
 * Quick entity evaluation against the gold files (helper script; the project's `concord eval`
 * is the reference). For each gold file: analyses its text, then per paragraph (matched by n)
 * matches predicted and gold entities one-to-one (same type, overlap >= half of the union),
 * and reports precision/recall/F1 per type and the ref accuracy on matched pairs.
 * Run: npx tsx scripts/eval-entities.ts [--types state,organization,place] [--verbose]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../src/analyze.js';
import type { Entity } from '../src/types.js';

interface GoldDoc { document: { source: string; language: string }; paragraphs: { n: number; text: string; entities: Entity[] }[] }

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const typesArg = args[args.indexOf('--types') + 1];
const TYPES = args.includes('--types') ? typesArg.split(',') : ['state', 'organization', 'place'];

const root = join(import.meta.dirname, '..');
const files: [string, string][] = [[join(root, 'test/fixtures/gold/sco-2024-astana.fr.json'), join(root, 'examples/sco-2024-astana.fr.txt')]];
for (const f of readdirSync(join(root, 'test/fixtures/gold/dev'))) {
  if (f.endsWith('.json')) files.push([join(root, 'test/fixtures/gold/dev', f), join(root, 'examples/dev', f.replace(/\.json$/, '.txt'))]);
}

type Counts = { tp: number; fp: number; fn: number; refOk: number; refN: number };
const overall = new Map<string, Map<string, Counts>>();
function counts(group: string, type: string): Counts {
  if (!overall.has(group)) overall.set(group, new Map());
  const g = overall.get(group)!;
  if (!g.has(type)) g.set(type, { tp: 0, fp: 0, fn: 0, refOk: 0, refN: 0 });
  return g.get(type)!;
}

for (const [goldPath, textPath] of files) {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldDoc;
  const text = readFileSync(textPath, 'utf8');
  const a = analyzeText(text, { lang: gold.document.language, filename: gold.document.source, facts: false });
  const group = gold.document.language === 'fr' ? 'fr' : gold.document.language === 'en' ? 'en' : 'ru+zh';
  for (const gp of gold.paragraphs) {
    const pp = a.paragraphs.find((p) => p.n === gp.n);
    if (pp && pp.text !== gp.text && verbose) console.log(`! ${gold.document.source} ¶${gp.n}: paragraph text differs`);
    for (const type of TYPES) {
      const g = gp.entities.filter((e) => e.type === type);
      const p = (pp?.entities ?? []).filter((e) => e.type === type);
      const usedP = new Set<number>();
      const c = counts(group, type);
      const call = counts('all', type);
      for (const ge of g) {
        let bi = -1; let bo = 0;
        p.forEach((pe, i) => {
          if (usedP.has(i)) return;
          const inter = Math.min(ge.end, pe.end) - Math.max(ge.start, pe.start);
          const union = Math.max(ge.end, pe.end) - Math.min(ge.start, pe.start);
          const o = inter / union;
          if (o >= 0.5 && o > bo) { bo = o; bi = i; }
        });
        if (bi >= 0) {
          usedP.add(bi);
          for (const x of [c, call]) { x.tp++; x.refN++; if ((p[bi].ref ?? null) === (ge.ref ?? null)) x.refOk++; }
          if (verbose && (p[bi].ref ?? null) !== (ge.ref ?? null)) console.log(`REF ${gold.document.source} ¶${gp.n} ${type} "${ge.text}" gold=${ge.ref} got=${p[bi].ref}`);
        } else {
          c.fn++; call.fn++;
          if (verbose) console.log(`FN  ${gold.document.source} ¶${gp.n} ${type} "${ge.text}" (${ge.ref})`);
        }
      }
      p.forEach((pe, i) => {
        if (usedP.has(i)) return;
        c.fp++; call.fp++;
        if (verbose) console.log(`FP  ${gold.document.source} ¶${gp.n} ${type} "${pe.text}" (${pe.ref}) ${pe.rule}`);
      });
    }
  }
  if (verbose) console.log(`DOC ${gold.document.source}: ${JSON.stringify({ ...a.document, members: a.document.members?.join(' ') })}`);
}

for (const [group, m] of overall) {
  let tp = 0; let fp = 0; let fn = 0;
  const lines: string[] = [];
  for (const [type, c] of m) {
    tp += c.tp; fp += c.fp; fn += c.fn;
    const pr = c.tp / Math.max(1, c.tp + c.fp); const rc = c.tp / Math.max(1, c.tp + c.fn);
    const f1 = pr + rc ? (2 * pr * rc) / (pr + rc) : 0;
    lines.push(`  ${type.padEnd(13)} P=${pr.toFixed(3)} R=${rc.toFixed(3)} F1=${f1.toFixed(3)} ref=${(c.refOk / Math.max(1, c.refN)).toFixed(3)} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`);
  }
  const pr = tp / Math.max(1, tp + fp); const rc = tp / Math.max(1, tp + fn);
  console.log(`${group}: F1=${(pr + rc ? (2 * pr * rc) / (pr + rc) : 0).toFixed(3)} (P=${pr.toFixed(3)} R=${rc.toFixed(3)})`);
  console.log(lines.join('\n'));
}
