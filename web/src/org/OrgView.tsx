import type { ReactNode } from 'react';
import type { BodyEntry, ChairEntry, InstrumentEntry, MemberEntry, OrgState, ProposalEntry, Support } from '../../../src/org/types.js';
import { barOf, makeScale, yearValue, type Scale } from './scale.js';

/** The lifecycle of a proposal, in order (src/facts/proposals.ts). */
const STAGES = ['proposed', 'noted', 'supported', 'decided', 'implemented'];
const ROLE_COLOURS: Record<string, string> = { member: '#1d4ed8', observer: '#0f766e', 'dialogue-partner': '#a16207', partner: '#7c3aed' };
const ROW = 18;
const LABEL = 150;
const WIDTH = 620;

/** Link to the paragraph behind an element: #/doc/<docId>#<eId> (the reader's deep link). */
export function paragraphHref(s: Pick<Support, 'docId' | 'eId'>): string {
  return `#/doc/${encodeURIComponent(s.docId)}#${encodeURIComponent(s.eId)}`;
}

/** Small links to the supporting paragraphs ("¶ sco-2024-astana 118"). Text is rendered as text. */
export function Sources({ support }: { support: Support[] }) {
  if (!support.length) return <span className="org-src org-ref">reference data</span>;
  return (
    <span className="org-src">
      {support.map((s, i) => (
        <a key={`${s.docId}#${s.eId}#${i}`} href={paragraphHref(s)} title={s.text}>
          ¶ {s.docId} {s.eId.replace(/^para_/, '')}
        </a>
      ))}
    </span>
  );
}

function periodLabel(p: { start: string | null; end: string | null } | null): string {
  if (!p) return '';
  if (p.start && p.end) return p.start === p.end ? p.start : `${p.start}–${p.end}`;
  if (p.end) return `to ${p.end}`;
  if (p.start) return `from ${p.start}`;
  return '';
}

/**
 * The organisation on a date (an OrgState from GET /api/orgs/:id): timeline of membership and
 * chairmanship, instruments as bars over their periods, proposals by member with their
 * lifecycle, bodies as a tree, designations, summits. Every element links to the paragraphs
 * that support it. Pure: renders what it is given (tested with renderToString).
 */
export function OrgView({ state, stateName = (c: string) => c }: { state: OrgState; stateName?: (code: string) => string }) {
  const name = state.org.names.en?.[0] ?? state.org.id;
  return (
    <div className="org">
      <h1>{name} <small>on {state.on}</small></h1>
      {!state.org.known && <p className="notice">Not in the reference data: built from declarations alone.</p>}
      <p className="meta">
        <span>{state.members.length} members</span>
        <span>{state.associates.length} observers and partners</span>
        <span>chair: {state.chair ? `${stateName(state.chair.state)} (${state.chair.state})` : 'unknown'}</span>
        <span>next summit: {state.nextSummit ? [state.nextSummit.year, state.nextSummit.host && stateName(state.nextSummit.host), state.nextSummit.place].filter(Boolean).join(', ') : 'unknown'}</span>
      </p>
      {state.flags.length > 0 && (
        <section aria-label="Flags" className="org-flags">
          <h2>Flags <small>facts that disagree with, or are missing from, the reference data</small></h2>
          <ul>{state.flags.map((f, i) => <li key={i}><span className="badge">{f.kind}</span>{f.message} <Sources support={[f.support]} /></li>)}</ul>
        </section>
      )}
      <MembershipTimeline state={state} stateName={stateName} />
      <Section title={`Members (${state.members.length})`}>
        <MemberList entries={state.members} stateName={stateName} />
      </Section>
      {state.associates.length > 0 && (
        <Section title={`Observers and partners (${state.associates.length})`}>
          <MemberList entries={state.associates} stateName={stateName} />
        </Section>
      )}
      <InstrumentBars instruments={state.instruments} on={state.on} />
      <ProposalsByMember proposals={state.proposals} stateName={stateName} />
      <Section title={`Bodies (${state.bodies.length})`}>
        <BodyTree bodies={state.bodies} root={state.org.id} />
      </Section>
      {state.designations.length > 0 && (
        <Section title="Designations">
          <ul>{state.designations.map((d, i) => (
            <li key={i}>{d.holder ? `${d.holder}: ` : ''}{d.title} {periodLabel(d.period)} <span className="badge">{d.status}</span> <Sources support={d.support} /></li>
          ))}</ul>
        </Section>
      )}
      {state.anniversaries.length > 0 && (
        <Section title="Anniversaries">
          <ul>{state.anniversaries.map((a, i) => <li key={i}>{a.body}{a.years ? `: ${a.years} years` : ''} <Sources support={a.support} /></li>)}</ul>
        </Section>
      )}
      <Section title={`Summits in the store (${state.summits.length})`}>
        <ul>{state.summits.map((s) => (
          <li key={s.docId}><a href={`#/doc/${encodeURIComponent(s.docId)}`}>{s.date ?? '?'} {s.place ?? ''}</a> <span className="org-src">{s.title ?? s.docId}</span></li>
        ))}</ul>
        {state.nextSummit && (
          <p>Next summit: {[state.nextSummit.year, state.nextSummit.host && stateName(state.nextSummit.host), state.nextSummit.place].filter(Boolean).join(', ')} <Sources support={state.nextSummit.support} /></p>
        )}
      </Section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return <section className="org-section"><h2>{title}</h2>{children}</section>;
}

function MemberList({ entries, stateName }: { entries: MemberEntry[]; stateName: (c: string) => string }) {
  return (
    <ul className="org-members">
      {entries.map((m) => (
        <li key={`${m.state}-${m.role}-${m.since}`}>
          <strong>{stateName(m.state)}</strong> <code>{m.state}</code>{m.role !== 'member' ? <span className="badge">{m.role}</span> : null}
          {m.since ? ` since ${m.since}` : ''} <Sources support={m.support} />
        </li>
      ))}
    </ul>
  );
}

/** One row of bars (membership periods of a state, or the chair) with links on each bar. */
function BarRow({ y, label, bars, scale }: { y: number; label: string; bars: Array<{ start: string | null; end: string | null; colour: string; title: string; support: Support[]; text?: string }>; scale: Scale }) {
  return (
    <g transform={`translate(0 ${y})`}>
      <text x={LABEL - 6} y={ROW - 6} textAnchor="end" fontSize="11">{label}</text>
      {bars.map((b, i) => {
        const bar = barOf(scale, b.start, b.end);
        if (!bar) return null;
        const rect = (
          <>
            <rect x={LABEL + bar.x} y={3} width={bar.w} height={ROW - 6} fill={b.colour} rx={2}><title>{b.title}</title></rect>
            {b.text && bar.w >= 18 ? <text x={LABEL + bar.x + bar.w / 2} y={ROW - 6} textAnchor="middle" fontSize="9" fill="#fff">{b.text}</text> : null}
          </>
        );
        return b.support[0] ? <a key={i} href={paragraphHref(b.support[0])}>{rect}</a> : <g key={i}>{rect}</g>;
      })}
    </g>
  );
}

function Axis({ scale, y }: { scale: Scale; y: number }) {
  return (
    <g transform={`translate(${LABEL} ${y})`}>
      {scale.ticks.map((t) => (
        <g key={t} transform={`translate(${scale.x(t)} 0)`}>
          <line y1={0} y2={4} stroke="#59636e" />
          <text y={15} textAnchor="middle" fontSize="10">{t}</text>
        </g>
      ))}
    </g>
  );
}

/** Membership (one row per state, coloured by role) and chairmanship (one row) over time. */
function MembershipTimeline({ state, stateName }: { state: OrgState; stateName: (c: string) => string }) {
  const history = state.membershipHistory;
  const dates = [
    ...history.flatMap((m) => [yearValue(m.since), yearValue(m.until)]),
    ...state.chairHistory.flatMap((c: ChairEntry) => [yearValue(c.since), yearValue(c.until)]),
    yearValue(state.on), yearValue(state.org.founded),
  ].filter((v): v is number => v !== null);
  if (!dates.length) return null;
  const scale = makeScale(Math.min(...dates), Math.max(...dates) + 0.5, WIDTH);
  const states = [...new Set(history.map((m) => m.state))];
  const onX = LABEL + scale.x(yearValue(state.on) ?? scale.from);
  const height = (states.length + 1) * ROW + 30;
  return (
    <section className="org-section">
      <h2>Membership and chairmanship over time</h2>
      <p className="legend-line">
        {Object.entries(ROLE_COLOURS).map(([role, c]) => <span key={role}><span className="swatch" style={{ background: c }} /> {role}</span>)}
        <span><span className="swatch" style={{ background: '#c2410c' }} /> chair</span>
      </p>
      <svg className="org-svg" viewBox={`0 0 ${LABEL + WIDTH + 10} ${height}`} role="img" aria-label={`Membership and chairmanship of ${state.org.id}`}>
        {states.map((s, i) => (
          <BarRow key={s} y={i * ROW} label={stateName(s)} scale={scale}
            bars={history.filter((m) => m.state === s).map((m) => ({ start: m.since, end: m.until, colour: ROLE_COLOURS[m.role] ?? '#6b7280', title: `${s} ${m.role} ${m.since ?? '…'} – ${m.until ?? '…'}`, support: m.support }))} />
        ))}
        <BarRow y={states.length * ROW} label="chair" scale={scale}
          bars={state.chairHistory.map((c, i) => ({ start: c.since, end: c.until, colour: i % 2 ? '#c2410c' : '#ea580c', title: `chair: ${c.state} ${c.since ?? '…'} – ${c.until ?? '…'}`, support: c.support, text: c.state }))} />
        <line x1={onX} x2={onX} y1={0} y2={(states.length + 1) * ROW} stroke="#1f2328" strokeDasharray="3 3" />
        <Axis scale={scale} y={(states.length + 1) * ROW + 4} />
      </svg>
    </section>
  );
}

/** Instruments as bars over their periods; those without a period are listed below. */
function InstrumentBars({ instruments, on }: { instruments: InstrumentEntry[]; on: string }) {
  if (!instruments.length) return null;
  const withPeriod = instruments.filter((i) => i.period && (i.period.start || i.period.end));
  const without = instruments.filter((i) => !withPeriod.includes(i));
  const years = withPeriod.flatMap((i) => [yearValue(i.period!.start), yearValue(i.period!.end, true)]).filter((v): v is number => v !== null);
  const onYear = yearValue(on) ?? 2000;
  const scale = makeScale(Math.min(onYear - 1, ...years), Math.max(onYear + 1, ...years), WIDTH);
  const labelOf = (i: InstrumentEntry) => (i.name.length > 60 ? `${i.name.slice(0, 57)}…` : i.name);
  return (
    <section className="org-section">
      <h2>Instruments ({instruments.filter((i) => i.inForce).length} in force on {on})</h2>
      {withPeriod.length > 0 && (
        <svg className="org-svg" viewBox={`0 0 ${LABEL + WIDTH + 10} ${withPeriod.length * ROW * 2 + 24}`} role="img" aria-label="Instruments over their periods">
          {withPeriod.map((i, n) => {
            const bar = barOf(scale, i.period!.start, i.period!.end);
            const y = n * ROW * 2;
            return (
              <g key={n} transform={`translate(0 ${y})`}>
                <text x={LABEL} y={11} fontSize="10">{labelOf(i)} · {periodLabel(i.period)} · {i.status}</text>
                {bar && (
                  <a href={i.support[0] ? paragraphHref(i.support[0]) : undefined}>
                    <rect x={LABEL + bar.x} y={14} width={bar.w} height={ROW - 8} rx={2} fill={i.inForce ? '#15803d' : '#9ca3af'}><title>{i.name}</title></rect>
                  </a>
                )}
              </g>
            );
          })}
          <line x1={LABEL + scale.x(onYear)} x2={LABEL + scale.x(onYear)} y1={0} y2={withPeriod.length * ROW * 2} stroke="#1f2328" strokeDasharray="3 3" />
          <Axis scale={scale} y={withPeriod.length * ROW * 2 + 2} />
        </svg>
      )}
      {without.length > 0 && (
        <ul>{without.map((i, n) => (
          <li key={n}>{i.name} <span className="badge">{i.kind ?? 'instrument'}</span><span className="badge">{i.status}</span>{i.date ? ` ${i.date}` : ''} <Sources support={i.support} /></li>
        ))}</ul>
      )}
    </section>
  );
}

/** Proposals grouped by proposing member, each with its lifecycle steps and history. */
function ProposalsByMember({ proposals, stateName }: { proposals: ProposalEntry[]; stateName: (c: string) => string }) {
  if (!proposals.length) return null;
  const byMember = new Map<string, ProposalEntry[]>();
  for (const p of proposals) byMember.set(p.proposer, [...(byMember.get(p.proposer) ?? []), p]);
  return (
    <section className="org-section">
      <h2>Proposals by member ({proposals.length})</h2>
      {[...byMember.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([member, list]) => (
        <div key={member} className="org-proposer">
          <h3>{stateName(member)} <code>{member}</code></h3>
          <ul>
            {list.map((p) => (
              <li key={p.key}>
                <span>{p.text}</span>
                <ol className="org-stages" aria-label={`stage: ${p.stage}`}>
                  {STAGES.map((s) => (
                    <li key={s} className={STAGES.indexOf(s) <= STAGES.indexOf(p.stage) ? 'reached' : ''} aria-current={s === p.stage ? 'step' : undefined}>{s}</li>
                  ))}
                </ol>
                <span className="org-src">latest stance: {p.latestStance}</span>{' '}
                <Sources support={p.support} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Bodies as a tree by parent; bodies whose parent is not listed hang from the organisation. */
export function BodyTree({ bodies, root }: { bodies: BodyEntry[]; root: string }) {
  const ids = new Set(bodies.map((b) => b.id).filter(Boolean));
  const childrenOf = (parent: string) => bodies.filter((b) => (b.parent && ids.has(b.parent) ? b.parent : root) === parent && b.id !== parent);
  const render = (parent: string, depth: number): ReactNode => {
    const kids = childrenOf(parent);
    if (!kids.length || depth > 8) return null;
    return (
      <ul className="org-tree">
        {kids.map((b, i) => (
          <li key={b.id ?? `${b.name}-${i}`}>
            {b.name}
            {b.status !== 'reference' && <span className="badge">{b.status}</span>}
            {b.seat && <span className="org-src"> seat: {b.seat}</span>} <Sources support={b.support} />
            {b.id ? render(b.id, depth + 1) : null}
          </li>
        ))}
      </ul>
    );
  };
  return <>{render(root, 0)}</>;
}
