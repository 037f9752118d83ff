import type { Analysis, Entity, Paragraph } from '../types.js';
import { matchEntities } from './matchEntities.js';
import { matchParagraphs } from './matchParagraphs.js';
import type { Disagreement, EvalReport, Prf, Ratio } from './types.js';

/**
 * Per-field agreement between two analyses of the same document: a machine analysis
 * against a gold annotation, or two human coders against each other (the measure is
 * symmetric up to swapping precision and recall). Reads both analyses, writes nothing;
 * returns an EvalReport with counts and ratios. Definitions of each figure: README.md.
 *
 * Paragraph-level accuracies (kind, subject, primary action, commitment count) are taken
 * over matched paragraphs only (the matched fraction says how many that is); the F1
 * figures also count the items of unmatched paragraphs as misses or false alarms.
 */
export function evaluate(predicted: Analysis, gold: Analysis): EvalReport {
  const r = emptyReport();
  const docId = String(gold?.document?.id ?? '');
  r.documents = 1;
  r.ids = [docId];
  const add = (ratio: Ratio, ok: boolean) => { ratio.total += 1; if (ok) ratio.correct += 1; };
  const differ = (eId: string, field: string, p: unknown, g: unknown) => r.disagreements.push({ doc: docId, eId, field, predicted: p, gold: g });

  add(r.document.language, sameText(predicted?.document?.language, gold?.document?.language));
  add(r.document.organization, sameText(predicted?.document?.organization, gold?.document?.organization));
  add(r.document.date, sameText(predicted?.document?.date, gold?.document?.date));
  add(r.document.place, sameText(predicted?.document?.place, gold?.document?.place));

  const pParas = paragraphsOf(predicted);
  const gParas = paragraphsOf(gold);
  const { pairs, unmatchedGold, unmatchedPredicted } = matchParagraphs(pParas, gParas);
  r.paragraphs.gold = gParas.length;
  r.paragraphs.predicted = pParas.length;
  r.paragraphs.matched = pairs.length;
  r.paragraphs.matchedFraction.correct = pairs.length;
  r.paragraphs.matchedFraction.total = Math.max(gParas.length, pParas.length);
  for (const g of unmatchedGold) differ(g.eId, 'paragraph', null, clip(g.text));
  for (const p of unmatchedPredicted) differ(p.eId, 'paragraph', clip(p.text), null);

  for (const { gold: g, predicted: p } of pairs) {
    const eId = g.eId;
    add(r.kind, p.kind === g.kind);
    if (p.kind !== g.kind) differ(eId, 'kind', p.kind, g.kind);

    const ps = p.subject ?? { scope: 'none', states: [] };
    const gs = g.subject ?? { scope: 'none', states: [] };
    add(r.subjectScope, ps.scope === gs.scope);
    if (ps.scope !== gs.scope) differ(eId, 'subject.scope', ps.scope, gs.scope);
    const statesOk = sameSet(ps.states ?? [], gs.states ?? []);
    add(r.subjectStates, statesOk);
    if (!statesOk) differ(eId, 'subject.states', ps.states, gs.states);

    const pPrimary = p.actions?.[0]?.category ?? null;
    const gPrimary = g.actions?.[0]?.category ?? null;
    add(r.primaryAction, pPrimary === gPrimary);
    if (pPrimary !== gPrimary) differ(eId, 'primaryAction', pPrimary, gPrimary);
    addMultiset(r.actionCategories, categories(p), categories(g));

    addBoolean(r.commitment, !!p.commitment, !!g.commitment);
    if (!!p.commitment !== !!g.commitment) differ(eId, 'commitment', !!p.commitment, !!g.commitment);
    r.commitments.predictedTotal += count(p.commitments);
    r.commitments.goldTotal += count(g.commitments);
    if (p.commitment || g.commitment) {
      add(r.commitments.countAgreement, count(p.commitments) === count(g.commitments));
      if (count(p.commitments) !== count(g.commitments)) differ(eId, 'commitments', count(p.commitments), count(g.commitments));
    }

    const em = matchEntities(p, g);
    for (const { gold: ge, predicted: pe } of em.pairs) {
      countEntity(r, ge.type, 'tp');
      if (ge.ref != null) {
        add(r.refAccuracy, pe.ref === ge.ref);
        if (ge.type === 'state') add(r.stateRefAccuracy, pe.ref === ge.ref);
        if (pe.ref !== ge.ref) differ(eId, `entity.ref:${ge.type}`, `${pe.text} → ${pe.ref ?? null}`, `${ge.text} → ${ge.ref}`);
      }
      if (ge.value != null) {
        add(r.valueAccuracy, pe.value === ge.value);
        if (ge.type === 'date') add(r.dateValueAccuracy, pe.value === ge.value);
        if (pe.value !== ge.value) differ(eId, `entity.value:${ge.type}`, `${pe.text} → ${pe.value ?? null}`, `${ge.text} → ${ge.value}`);
      }
    }
    for (const ge of em.unmatchedGold) { countEntity(r, ge.type, 'fn'); differ(eId, `entity:${ge.type}`, null, mention(ge)); }
    for (const pe of em.unmatchedPredicted) { countEntity(r, pe.type, 'fp'); differ(eId, `entity:${pe.type}`, mention(pe), null); }

    const pProps = p.proposals ?? [];
    const gProps = g.proposals ?? [];
    addMultiset(r.proposals, pProps.map((x) => x.proposer), gProps.map((x) => x.proposer));
    const free = [...pProps];
    for (const gp of gProps) {
      const i = free.findIndex((x) => x.proposer === gp.proposer);
      if (i < 0) continue;
      const [pp] = free.splice(i, 1);
      add(r.proposalStance, pp.stance === gp.stance);
      if (pp.stance !== gp.stance) differ(eId, 'proposal.stance', pp.stance, gp.stance);
    }
    if (pProps.length !== gProps.length || !sameMultiset(pProps.map((x) => x.proposer), gProps.map((x) => x.proposer))) {
      differ(eId, 'proposals', pProps.map((x) => x.proposer), gProps.map((x) => x.proposer));
    }

    const pTopics = [...new Set(p.topics ?? [])];
    const gTopics = [...new Set(g.topics ?? [])];
    addMultiset(r.topics, pTopics, gTopics);
    if (!sameSet(pTopics, gTopics)) differ(eId, 'topics', pTopics, gTopics);
  }

  // Items of unmatched paragraphs are misses (gold) or false alarms (predicted).
  for (const g of unmatchedGold) countUnmatched(r, g, 'fn');
  for (const p of unmatchedPredicted) countUnmatched(r, p, 'fp');
  return finishReport(r);
}

/** The paragraphs of an analysis that can be compared (objects with a text); odd entries are skipped, not fatal. */
function paragraphsOf(a: Analysis): Paragraph[] {
  const ps = Array.isArray(a?.paragraphs) ? a.paragraphs : [];
  return ps.filter((p): p is Paragraph => !!p && typeof p === 'object' && typeof p.text === 'string');
}

/** A report with every count at zero (also the identity for pooling). */
export function emptyReport(): EvalReport {
  return {
    documents: 0,
    ids: [],
    document: { language: ratio(), organization: ratio(), date: ratio(), place: ratio() },
    paragraphs: { gold: 0, predicted: 0, matched: 0, matchedFraction: ratio() },
    kind: ratio(),
    subjectScope: ratio(),
    subjectStates: ratio(),
    primaryAction: ratio(),
    actionCategories: prf(),
    commitment: prf(),
    commitments: { predictedTotal: 0, goldTotal: 0, countAgreement: ratio() },
    entities: prf(),
    entitiesByType: {},
    refAccuracy: ratio(),
    stateRefAccuracy: ratio(),
    valueAccuracy: ratio(),
    dateValueAccuracy: ratio(),
    proposals: prf(),
    proposalStance: ratio(),
    topics: prf(),
    disagreements: [],
  };
}

/** Recomputes every ratio, precision, recall and F1 from its counts (in place) and returns the report. */
export function finishReport(r: EvalReport): EvalReport {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const o = node as Record<string, unknown>;
    if (isRatio(o)) {
      o.value = o.total === 0 ? null : (o.correct as number) / (o.total as number);
      return;
    }
    if (isPrf(o)) {
      const { tp, fp, fn } = o as unknown as Prf;
      o.precision = tp + fp === 0 ? null : tp / (tp + fp);
      o.recall = tp + fn === 0 ? null : tp / (tp + fn);
      o.f1 = tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn);
      return;
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'disagreements') visit(v);
  };
  visit(r);
  return r;
}

function isRatio(o: Record<string, unknown>): boolean {
  return typeof o.correct === 'number' && typeof o.total === 'number' && 'value' in o;
}
function isPrf(o: Record<string, unknown>): boolean {
  return typeof o.tp === 'number' && typeof o.fp === 'number' && typeof o.fn === 'number';
}
function ratio(): Ratio {
  return { correct: 0, total: 0, value: null };
}
function prf(): Prf {
  return { tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null };
}

function countEntity(r: EvalReport, type: string, key: 'tp' | 'fp' | 'fn'): void {
  r.entities[key] += 1;
  const t = (r.entitiesByType[type] ??= prf());
  t[key] += 1;
}

function countUnmatched(r: EvalReport, p: Paragraph, key: 'fp' | 'fn'): void {
  r.actionCategories[key] += (p.actions ?? []).length;
  if (p.commitment) r.commitment[key] += 1;
  if (key === 'fp') r.commitments.predictedTotal += count(p.commitments);
  else r.commitments.goldTotal += count(p.commitments);
  for (const e of p.entities ?? []) countEntity(r, e.type, key);
  r.proposals[key] += (p.proposals ?? []).length;
  r.topics[key] += new Set(p.topics ?? []).size;
}

/** Adds a multiset comparison: tp = Σ min(count in predicted, count in gold) per item. */
function addMultiset(target: Prf, predicted: string[], gold: string[]): void {
  const left = new Map<string, number>();
  for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
  let tp = 0;
  for (const p of predicted) {
    const n = left.get(p) ?? 0;
    if (n > 0) { tp += 1; left.set(p, n - 1); }
  }
  target.tp += tp;
  target.fp += predicted.length - tp;
  target.fn += gold.length - tp;
}

function addBoolean(target: Prf, predicted: boolean, gold: boolean): void {
  if (predicted && gold) target.tp += 1;
  else if (predicted) target.fp += 1;
  else if (gold) target.fn += 1;
}

function categories(p: Paragraph): string[] {
  return (p.actions ?? []).map((a) => a.category);
}
function count(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}
function sameSet(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
function sameMultiset(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}
function sameText(a: unknown, b: unknown): boolean {
  const norm = (x: unknown) => (x == null ? null : String(x).trim().toLowerCase());
  return norm(a) === norm(b);
}
function clip(s: string | undefined, n = 80): string {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}
function mention(e: Entity): string {
  return `${e.text} [${e.start},${e.end}]${e.ref ? ` → ${e.ref}` : ''}${e.value ? ` = ${e.value}` : ''}`;
}
