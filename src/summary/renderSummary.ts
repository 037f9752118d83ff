import type { Analysis, Entity, Paragraph } from '../types.js';

/**
 * The human summary of one analysis (`concord analyze --format summary`): plain text for a
 * terminal. Reads the whole Analysis, writes nothing; returns the text. Sections: the
 * document (organisation, date, place, language, paragraphs), actions by category,
 * topics, commitments, subset-endorsed paragraphs (who endorses, which members are left out),
 * proposals by proposer, instruments adopted now vs referred to, events with the dates and
 * places of their paragraph, and the analysis's warnings. State and language names come
 * from Intl.DisplayNames (English), so no name list is kept here.
 */
export function renderSummary(a: Analysis): string {
  const d = a.document;
  const paragraphs = a.paragraphs ?? [];
  const out: string[] = [];
  const title = d.title ?? d.id;
  out.push(title, '='.repeat(Math.min(80, Math.max(3, title.length))));
  out.push(`Organisation: ${orgLabel(a)}`);
  out.push(`Date:         ${d.date ?? 'unknown'}`);
  out.push(`Place:        ${placeLabel(a)}`);
  out.push(`Language:     ${languageName(d.language)}${d.languageSource === 'given' ? ' (given)' : ''}`);
  out.push(`Paragraphs:   ${paragraphs.length}${kindCounts(paragraphs)}`);

  // Paragraph references padded to one width, so the lists line up.
  const width = Math.max(0, ...paragraphs.map((p) => refOf(p).length));
  const ref = (p: Paragraph) => refOf(p).padEnd(width);
  section(out, 'Actions by category', actionLines(paragraphs));
  section(out, 'Topics (paragraphs)', topicLines(paragraphs));
  section(out, 'Commitments', commitmentLines(paragraphs, ref));
  section(out, 'Endorsed by some members only', subsetLines(paragraphs, ref));
  section(out, 'Proposals by proposer', proposalLines(paragraphs, ref));
  section(out, 'Instruments', instrumentLines(paragraphs, ref));
  section(out, 'Events', eventLines(paragraphs, ref));
  section(out, 'Messages', messageLines(a));
  return out.join('\n') + '\n';
}

function section(out: string[], heading: string, lines: string[]): void {
  out.push('', heading, '-'.repeat(heading.length));
  out.push(...(lines.length ? lines : ['  (none)']));
}

function kindCounts(ps: Paragraph[]): string {
  const counts = countBy(ps.map((p) => p.kind));
  const parts = ['operative', 'preamble', 'heading', 'fragment'].filter((k) => counts.get(k)).map((k) => `${counts.get(k)} ${k}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function actionLines(ps: Paragraph[]): string[] {
  const counts = countBy(ps.flatMap((p) => (p.actions ?? []).map((x) => x.category)));
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  if (!total) return [];
  const w = Math.max(...[...counts.keys()].map((k) => k.length));
  return [
    ...[...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k, n]) => `  ${k.padEnd(w)}  ${String(n).padStart(4)}`),
    `  ${'total'.padEnd(w)}  ${String(total).padStart(4)}`,
  ];
}

function topicLines(ps: Paragraph[]): string[] {
  const counts = countBy(ps.flatMap((p) => [...new Set(p.topics ?? [])]));
  if (!counts.size) return [];
  const w = Math.max(...[...counts.keys()].map((k) => k.length));
  return [...counts.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k, n]) => `  ${k.padEnd(w)}  ${String(n).padStart(4)}`);
}

function commitmentLines(ps: Paragraph[], ref: RefFormat): string[] {
  const committed = ps.filter((p) => p.commitment);
  if (!committed.length) return [];
  const total = committed.reduce((s, p) => s + (p.commitments || 0), 0);
  return [
    `  ${committed.length} paragraph${committed.length === 1 ? '' : 's'} with ${total} commitment${total === 1 ? '' : 's'}:`,
    ...committed.map((p) => `  ${ref(p)}  [${p.commitments}]  ${firstWords(p.text)}`),
  ];
}

function subsetLines(ps: Paragraph[], ref: RefFormat): string[] {
  const lines: string[] = [];
  for (const p of ps.filter((x) => x.subject?.scope === 'subset')) {
    const s = p.subject;
    const who = s.states?.length ? stateList(s.states) : `members "${clip(s.qualifier ?? s.text ?? '(unnamed group)', 90)}"`;
    lines.push(`  ${ref(p)}  by: ${who}`);
    if (s.absent?.length) lines.push(`  ${' '.repeat(ref(p).length)}  left out: ${stateList(s.absent)}`);
  }
  return lines;
}

function proposalLines(ps: Paragraph[], ref: RefFormat): string[] {
  const byProposer = new Map<string, Array<{ p: Paragraph; text: string; stance: string }>>();
  for (const p of ps) {
    for (const x of p.proposals ?? []) {
      const list = byProposer.get(x.proposer) ?? [];
      list.push({ p, text: x.text, stance: x.stance });
      byProposer.set(x.proposer, list);
    }
  }
  const lines: string[] = [];
  for (const [code, list] of [...byProposer.entries()].sort((x, y) => y[1].length - x[1].length || stateName(x[0]).localeCompare(stateName(y[0])))) {
    lines.push(`  ${stateName(code)} (${code}): ${list.length}`);
    for (const x of list) lines.push(`    ${ref(x.p)}  ${x.stance.padEnd(8)}  ${clip(x.text, 90)}`);
  }
  return lines;
}

function instrumentLines(ps: Paragraph[], ref: RefFormat): string[] {
  const adopted: string[] = [];
  const referred: string[] = [];
  const seen = new Set<string>();
  for (const p of ps) {
    const adopts = (p.actions ?? []).some((x) => x.category === 'adopt');
    for (const e of mentions(p, 'instrument')) {
      const key = `${adopts}|${norm(e.text)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      (adopts ? adopted : referred).push(`    ${ref(p)}  ${clip(e.text, 100)}`);
    }
  }
  const lines: string[] = [];
  if (adopted.length) lines.push(`  Adopted now (a paragraph with an adopt action): ${adopted.length}`, ...adopted);
  if (referred.length) lines.push(`  Referred to: ${referred.length}`, ...referred);
  return lines;
}

function eventLines(ps: Paragraph[], ref: RefFormat): string[] {
  const lines: string[] = [];
  for (const p of ps) {
    const events = mentions(p, 'event').sort((x, y) => x.start - y.start);
    events.forEach((e, i) => {
      // The dates and places written from the event's name up to the next event belong to it
      // ("Forum X (Astana, 3 May 2024) and Week Y (Omsk, …)"); failing that, the paragraph's.
      const until = events[i + 1]?.start ?? Infinity;
      const own = (type: Entity['type']) => {
        const all = mentions(p, type);
        const near = all.filter((x) => x.start >= e.start && x.start < until);
        return near.length ? near : all;
      };
      const when = unique(own('date').map((x) => x.value ?? x.text));
      const where = unique(own('place').map((x) => x.text));
      const detail = [where.length ? where.join(', ') : null, when.length ? when.join(', ') : null].filter(Boolean).join('; ');
      lines.push(`  ${ref(p)}  ${clip(e.text, 90)}${detail ? `  (${detail})` : ''}`);
    });
  }
  return lines;
}

function messageLines(a: Analysis): string[] {
  const messages = a.messages ?? [];
  const shown = messages.filter((m) => m.severity !== 'info');
  const infos = messages.length - shown.length;
  const lines = shown.map((m) => `  ${m.severity}: ${m.message} [${m.ruleId}${m.eId ? `, ${m.eId}` : ''}]`);
  if (infos) lines.push(`  (${infos} info message${infos === 1 ? '' : 's'} not shown)`);
  return lines;
}

type RefFormat = (p: Paragraph) => string;

/** "para_12 (12)": the eId, with the number printed in the source when there is one. */
function refOf(p: Paragraph): string {
  return p.num ? `${p.eId} (${p.num})` : p.eId;
}

function mentions(p: Paragraph, type: Entity['type']): Entity[] {
  return (p.entities ?? []).filter((e) => e.type === type);
}

function orgLabel(a: Analysis): string {
  const id = a.document.organization;
  if (!id) return 'unknown';
  const name = longestMention(a, 'organization', id);
  return name && norm(name) !== norm(id) ? `${id.toUpperCase()} (${name})` : id.toUpperCase();
}

function placeLabel(a: Analysis): string {
  const id = a.document.place;
  if (!id) return 'unknown';
  return longestMention(a, 'place', id) ?? id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** The longest text of the mentions with this type and ref: the document's own name for it. */
function longestMention(a: Analysis, type: Entity['type'], refId: string): string | null {
  let best: string | null = null;
  for (const p of a.paragraphs ?? []) {
    for (const e of p.entities ?? []) if (e.type === type && e.ref === refId && (!best || e.text.length > best.length)) best = e.text;
  }
  return best;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** English name of an ISO 3166-1 alpha-2 code (the code itself if it is not one). */
export function stateName(code: string): string {
  try {
    return /^[A-Z]{2}$/.test(code) ? regionNames.of(code) ?? code : code;
  } catch {
    return code;
  }
}

function stateList(codes: string[]): string {
  return codes.map(stateName).join(', ');
}

function languageName(code: string): string {
  if (!code || code === 'und') return 'undetermined';
  try {
    const name = languageNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** The first words of a paragraph (about 80 characters, cut at a word), for a one-line list. */
function firstWords(text: string, max = 80): string {
  return clip(text, max);
}

function clip(text: string, max: number): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')} …`;
}

function norm(s: string): string {
  return s.normalize('NFC').replace(/[\u2019\u2018]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function countBy(xs: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}
