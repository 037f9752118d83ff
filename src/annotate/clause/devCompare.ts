/**
 * Developer check for the clause stages (not part of the pipeline): analyses a text,
 * replaces the entity mentions with the gold ones (so subject and proposal rules can be
 * tested before the entity stage is complete), re-runs the clause stages and compares
 * kinds, subjects, actions, commitments and proposals with a gold file.
 * Usage: npx tsx src/annotate/clause/devCompare.ts <text> <gold.json> [--members CN,IN,…] [-v]
 */
import { readFileSync } from 'node:fs';
import { analyzeText } from '../../analyze.js';
import type { Analysis, Paragraph } from '../../types.js';
import { annotateSubjects } from '../subject.js';
import { annotateActions } from '../actions.js';
import { refineKinds } from '../kinds.js';
import { annotateCommitments } from '../commitment.js';
import { annotateProposals } from '../proposals.js';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const mi = args.indexOf('--members');
const members = mi >= 0 ? args[mi + 1]!.split(',') : undefined;
const [textPath, goldPath] = args.filter((a, i) => !a.startsWith('-') && (mi < 0 || i !== mi + 1));
const gold = JSON.parse(readFileSync(goldPath!, 'utf8')) as Analysis;
const a = analyzeText(readFileSync(textPath!, 'utf8'), { filename: textPath });
const ctx = { language: a.document.language, document: { ...a.document, ...(members ? { members } : {}) }, messages: [] as never[] };
const byN = new Map(gold.paragraphs.map((p) => [p.n, p]));
for (const p of a.paragraphs) {
  const g = byN.get(p.n);
  if (g && g.text === p.text) p.entities = g.entities;
  else if (g) console.log(`text differs at ${p.n}`);
}
for (const stage of [annotateSubjects, annotateActions, refineKinds, annotateCommitments, annotateProposals]) stage(a.paragraphs, ctx);

let kindOk = 0, scopeOk = 0, statesOk = 0, primOk = 0, primN = 0, n = 0;
let aTp = 0, aFp = 0, aFn = 0, cTp = 0, cFp = 0, cFn = 0, countOk = 0, pTp = 0, pFp = 0, pFn = 0, stanceOk = 0;
const overlap = (x: { start: number; end: number }, y: { start: number; end: number }) => x.start < y.end && y.start < x.end;
for (const p of a.paragraphs) {
  const g = byN.get(p.n);
  if (!g) continue;
  n++;
  const diffs: string[] = [];
  if (p.kind === g.kind) kindOk++; else diffs.push(`kind ${p.kind} vs ${g.kind}`);
  if (p.subject.scope === g.subject.scope) scopeOk++; else diffs.push(`scope ${p.subject.scope} vs ${g.subject.scope} (${p.subject.text} | ${g.subject.text})`);
  if ([...p.subject.states].sort().join() === [...g.subject.states].sort().join()) statesOk++; else diffs.push(`states ${p.subject.states} vs ${g.subject.states}`);
  if (p.subject.text !== g.subject.text && verbose) diffs.push(`subjtext "${p.subject.text}" vs "${g.subject.text}" q=${p.subject.qualifier}|${g.subject.qualifier}`);
  if (g.actions.length) {
    primN++;
    const pa = p.actions[0], ga = g.actions[0]!;
    if (pa && pa.category === ga.category && overlap(pa, ga)) primOk++; else diffs.push(`primary ${pa ? `${pa.category}:${pa.text}` : '-'} vs ${ga.category}:${ga.text}`);
  }
  const used = new Set<number>();
  for (const pa of p.actions) {
    const k = g.actions.findIndex((ga, i) => !used.has(i) && ga.category === pa.category && overlap(ga, pa));
    if (k >= 0) { used.add(k); aTp++; if (verbose && (g.actions[k]!.text !== pa.text)) diffs.push(`span "${pa.text}" vs "${g.actions[k]!.text}"`); }
    else { aFp++; diffs.push(`+action ${pa.category}:${pa.text}@${pa.start}`); }
  }
  g.actions.forEach((ga, i) => { if (!used.has(i)) { aFn++; diffs.push(`-action ${ga.category}:${ga.text}@${ga.start}`); } });
  if (p.commitment && g.commitment) cTp++; else if (p.commitment) cFp++; else if (g.commitment) cFn++;
  if (p.commitments === g.commitments) countOk++; else diffs.push(`commitments ${p.commitments} vs ${g.commitments}`);
  const gp = [...g.proposals];
  for (const pp of p.proposals) {
    const k = gp.findIndex((x) => x.proposer === pp.proposer);
    if (k >= 0) { pTp++; if (gp[k]!.stance === pp.stance) stanceOk++; else diffs.push(`stance ${pp.stance} vs ${gp[k]!.stance}`); if (gp[k]!.text !== pp.text) diffs.push(`ptext "${pp.text}" vs "${gp[k]!.text}"`); gp.splice(k, 1); }
    else { pFp++; diffs.push(`+proposal ${pp.proposer} ${pp.text}`); }
  }
  for (const x of gp) { pFn++; diffs.push(`-proposal ${x.proposer} ${x.text}`); }
  if (diffs.length) console.log(`¶${p.n}: ${diffs.join(' ; ')}`);
}
const f1 = (tp: number, fp: number, fn: number) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)).toFixed(3);
console.log(JSON.stringify({
  paragraphs: n, kind: (kindOk / n).toFixed(3), scope: (scopeOk / n).toFixed(3), states: (statesOk / n).toFixed(3),
  primary: primN ? (primOk / primN).toFixed(3) : '-', actionF1: f1(aTp, aFp, aFn), commitmentF1: f1(cTp, cFp, cFn),
  commitmentCount: (countOk / n).toFixed(3), proposalF1: f1(pTp, pFp, pFn), stance: pTp ? (stanceOk / pTp).toFixed(3) : '-',
}));
export type { Paragraph };
