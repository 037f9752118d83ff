import countries from 'i18n-iso-countries';
import type { OrgState, Support } from './types.js';

/** English short name of a state code, or the code itself (codes stay visible: they are what the data holds). */
export function stateName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}

function where(s: Support[]): string {
  if (!s.length) return '';
  const shown = s.slice(0, 3).map((x) => `${x.docId}#${x.eId}`).join(', ');
  return ` [${shown}${s.length > 3 ? `, +${s.length - 3}` : ''}]`;
}

function period(p: { start: string | null; end: string | null } | null): string {
  if (!p) return '';
  if (p.start && p.end) return p.start === p.end ? ` (${p.start})` : ` (${p.start}–${p.end})`;
  if (p.end) return ` (to ${p.end})`;
  if (p.start) return ` (from ${p.start})`;
  return '';
}

/**
 * The organisation on a date as plain text for the terminal: one section per part, each line
 * ending with the paragraphs that support it (document#eId).
 */
export function renderOrgText(s: OrgState): string {
  const name = s.org.names.en?.[0] ?? s.org.id;
  const out: string[] = [];
  out.push(`${name} (${s.org.id}) on ${s.on}${s.org.known ? '' : ' — not in the reference data: facts only'}`);
  out.push('');
  out.push(`Members (${s.members.length}):`);
  for (const m of s.members) out.push(`  ${m.state}  ${stateName(m.state)}${m.since ? `, since ${m.since}` : ''}${where(m.support)}`);
  if (s.associates.length) {
    out.push(`Observers and partners (${s.associates.length}):`);
    for (const m of s.associates) out.push(`  ${m.state}  ${stateName(m.state)}: ${m.role}${m.since ? `, since ${m.since}` : ''}${where(m.support)}`);
  }
  out.push(`Chair: ${s.chair ? `${s.chair.state} ${stateName(s.chair.state)}${s.chair.since ? `, since ${s.chair.since}` : ''}${where(s.chair.support)}` : 'unknown'}`);
  const bodies = s.bodies;
  if (bodies.length) {
    out.push(`Bodies (${bodies.length}):`);
    for (const b of bodies) out.push(`  ${b.id ?? '-'}  ${b.name}${b.status !== 'reference' ? `: ${b.status}` : ''}${b.seat ? `, seat ${b.seat}` : ''}${where(b.support)}`);
  }
  const inForce = s.instruments.filter((i) => i.inForce);
  out.push(`Instruments in force (${inForce.length}):`);
  for (const i of inForce) out.push(`  ${i.name}${period(i.period)}: ${i.status}${where(i.support)}`);
  const other = s.instruments.filter((i) => !i.inForce);
  if (other.length) {
    out.push(`Other instruments (${other.length}):`);
    for (const i of other) out.push(`  ${i.name}${period(i.period)}: ${i.status}${where(i.support)}`);
  }
  const open = s.proposals.filter((p) => p.stage !== 'implemented');
  out.push(`Open proposals (${open.length}):`);
  for (const p of open) out.push(`  ${p.proposer}: ${p.text} — ${p.stage} (latest stance: ${p.latestStance})${where(p.support)}`);
  if (s.designations.length) {
    out.push(`Designations (${s.designations.length}):`);
    for (const d of s.designations) out.push(`  ${d.holder ? `${d.holder}: ` : ''}${d.title}${period(d.period)}, ${d.status}${where(d.support)}`);
  }
  if (s.anniversaries.length) {
    out.push('Anniversaries:');
    for (const a of s.anniversaries) out.push(`  ${a.body}${a.years ? `: ${a.years} years` : ''}${where(a.support)}`);
  }
  out.push(`Summits in the store (${s.summits.length}):`);
  for (const m of s.summits) out.push(`  ${m.date ?? '?'}  ${m.place ?? ''}  ${m.docId}`);
  out.push(`Next summit: ${s.nextSummit ? [s.nextSummit.year, s.nextSummit.host && stateName(s.nextSummit.host), s.nextSummit.place].filter(Boolean).join(', ') + where(s.nextSummit.support) : 'unknown'}`);
  if (s.flags.length) {
    out.push(`Flags (${s.flags.length}):`);
    for (const f of s.flags) out.push(`  ${f.kind}: ${f.message} [${f.support.docId}#${f.support.eId}]`);
  }
  return out.join('\n') + '\n';
}
