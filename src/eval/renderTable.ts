import type { EvalReport, Prf, Ratio } from './types.js';

/**
 * An EvalReport as a plain-text table for people (one figure per line, with its counts).
 * Reads the report, returns the text; `title` heads the table.
 */
export function renderEvalTable(r: EvalReport, title = r.ids.join(', ')): string {
  const rows: Array<[string, string, string]> = [];
  const acc = (label: string, x: Ratio) => rows.push([label, fmt(x.value), `${x.correct}/${x.total}`]);
  const f = (label: string, x: Prf) =>
    rows.push([label, fmt(x.f1), `P ${fmt(x.precision)} R ${fmt(x.recall)} (tp ${x.tp} fp ${x.fp} fn ${x.fn})`]);

  acc('document language', r.document.language);
  acc('document organization', r.document.organization);
  acc('document date', r.document.date);
  acc('document place', r.document.place);
  rows.push(['paragraphs matched', fmt(r.paragraphs.matchedFraction.value), `${r.paragraphs.matched} matched; gold ${r.paragraphs.gold}, predicted ${r.paragraphs.predicted}`]);
  acc('kind', r.kind);
  acc('subject scope', r.subjectScope);
  acc('subject states', r.subjectStates);
  acc('primary action', r.primaryAction);
  f('action categories F1', r.actionCategories);
  f('commitment F1', r.commitment);
  acc('commitment count agreement', r.commitments.countAgreement);
  rows.push(['commitments (pred/gold)', `${r.commitments.predictedTotal}/${r.commitments.goldTotal}`, '']);
  f('entity F1', r.entities);
  for (const [type, x] of Object.entries(r.entitiesByType).sort()) f(`  entity ${type}`, x);
  acc('ref accuracy', r.refAccuracy);
  acc('  state ref accuracy', r.stateRefAccuracy);
  acc('value accuracy', r.valueAccuracy);
  acc('  date value accuracy', r.dateValueAccuracy);
  f('proposals F1 (proposer)', r.proposals);
  acc('proposal stance', r.proposalStance);
  f('topics F1', r.topics);

  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  const head = `${title} (${r.documents} document${r.documents === 1 ? '' : 's'})`;
  const lines = rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`.trimEnd());
  return `${head}\n${'-'.repeat(Math.min(100, Math.max(head.length, ...lines.map((l) => l.length))))}\n${lines.join('\n')}\n`;
}

function fmt(x: number | null): string {
  return x == null ? 'n/a' : x.toFixed(3);
}

/**
 * The disagreements of a report as text lines ("para_12  kind  predicted: heading  gold: operative"),
 * at most `limit` of them, for a person looking for what to fix.
 */
export function renderDisagreements(r: EvalReport, limit = 50): string {
  const ds = r.disagreements;
  if (!ds.length) return 'No disagreements.\n';
  const show = ds.slice(0, Math.max(0, limit));
  const lines = show.map((d) => {
    const where = r.documents > 1 && d.doc ? `${d.doc} ${d.eId}` : d.eId;
    return `${where}  ${d.field}  predicted: ${brief(d.predicted)}  gold: ${brief(d.gold)}`;
  });
  const more = ds.length - show.length;
  return `Disagreements (${ds.length})\n${lines.join('\n')}\n${more > 0 ? `… and ${more} more (--limit, or --format json for all)\n` : ''}`;
}

function brief(x: unknown): string {
  if (x === null || x === undefined) return '-';
  const s = typeof x === 'string' ? x : JSON.stringify(x);
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}
