import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api, type Analysis, type Paragraph } from '../lib/api.js';
import { href } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';
import { ACTION_CATEGORIES, ACTION_COLORS, ENTITY_COLORS, ENTITY_TYPES, languageName, orgLabel, stateName } from '../lib/labels.js';
import { HighlightedText, paragraphFindings } from '../components/HighlightedText.js';
import { ErrorLine, Loading } from '../components/Status.js';

const FIRST_BATCH = 20;
const ALL_TOGGLES = [...ENTITY_TYPES.map((t) => `entity:${t}`), ...ACTION_CATEGORIES.map((c) => `action:${c}`), 'proposal'];

/** The reader: numbered paragraphs with highlights, a legend with toggles, and a side panel for the selected paragraph. */
export function Reader({ id, anchor }: { id: string; anchor: string | null }) {
  const { data, error, loading } = useAsync(() => api.document(id), [id]);
  if (error) return <ErrorLine error={error} />;
  if (loading || !data) return <Loading what="the document" />;
  return <ReaderView analysis={data} anchor={anchor} />;
}

function ReaderView({ analysis, anchor }: { analysis: Analysis; anchor: string | null }) {
  const d = analysis.document;
  const [enabled, setEnabled] = useState<Set<string>>(() => new Set(ALL_TOGGLES));
  const [selected, setSelected] = useState<string | null>(anchor ?? analysis.paragraphs[0]?.eId ?? null);
  const [active, setActive] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const meta = useAsync(() => api.meta(), []);
  // Progressive rendering: the first screenful at once, the rest on the next task, so the first
  // paragraph shows sooner on long declarations. A deep link renders everything at once.
  const [shown, setShown] = useState(() => (anchor ? analysis.paragraphs.length : FIRST_BATCH));
  useEffect(() => {
    if (shown >= analysis.paragraphs.length) return;
    const t = setTimeout(() => setShown(analysis.paragraphs.length), 0);
    return () => clearTimeout(t);
  }, [shown, analysis]);

  // Marks for the benchmark (bench/server.ts): first paragraphs committed, and every paragraph.
  useEffect(() => {
    performance.mark('concord:first-paragraph');
  }, []);
  useEffect(() => {
    if (shown >= analysis.paragraphs.length) performance.mark('concord:all-paragraphs');
  }, [shown, analysis]);

  // Deep link: scroll to and focus the paragraph named after the second '#'.
  useEffect(() => {
    if (!anchor) return;
    if (shown < analysis.paragraphs.length) {
      setShown(analysis.paragraphs.length);
      return;
    }
    setSelected(anchor);
    const el = document.getElementById(anchor);
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    }
  }, [anchor, analysis, shown]);

  // A finding picked in the side panel: bring its words into view.
  useEffect(() => {
    if (!active) return;
    const el = listRef.current?.querySelector(`mark[data-keys~="${CSS.escape(active)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const present = useMemo(() => {
    const s = new Set<string>();
    for (const p of analysis.paragraphs) {
      for (const e of p.entities) s.add(`entity:${e.type}`);
      for (const a of p.actions) s.add(`action:${a.category}`);
      if (p.proposals.length) s.add('proposal');
    }
    return s;
  }, [analysis]);

  const toggle = (key: string) =>
    setEnabled((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const pick = (key: string) => {
    setActive(key);
    const eId = key.split(':')[0];
    setSelected(eId);
  };

  const moveSelection = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'j' && e.key !== 'k' && e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !(e.target as HTMLElement).classList.contains('para')) return;
    const i = analysis.paragraphs.findIndex((p) => p.eId === selected);
    const next = analysis.paragraphs[Math.max(0, Math.min(analysis.paragraphs.length - 1, i + (e.key === 'j' || e.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    e.preventDefault();
    setSelected(next.eId);
    const el = document.getElementById(next.eId);
    el?.focus();
  };

  const current = analysis.paragraphs.find((p) => p.eId === selected) ?? null;
  return (
    <div className="reader">
      <header className="doc-head">
        <h1 title={d.title ?? d.id}>{d.title ?? d.id}</h1>
        <p className="meta">
          <span>{d.organization ? <a href={href.org(d.organization)}>{orgLabel(d.organization)}</a> : '—'}</span>
          <span>{d.date ?? 'no date'}</span>
          <span>{d.place ?? 'no place'}</span>
          <span>{languageName(d.language)}</span>
          <span>{analysis.paragraphs.length} paragraphs</span>
        </p>
        <p className="links">
          <a href={href.dash(d.id)}>Dashboard</a>
          <a href={href.compare(d.id)}>Compare…</a>
          <span className="exports">
            Export:{' '}
            {(meta.data?.exportFormats ?? ['json', 'summary']).map((f) => (
              <a key={f} href={`/api/documents/${encodeURIComponent(d.id)}/export?format=${encodeURIComponent(f)}&download=${f === 'summary' ? 'false' : 'true'}`}>
                {f}
              </a>
            ))}
          </span>
        </p>
      </header>
      <Legend enabled={enabled} present={present} onToggle={toggle} onAll={(on) => setEnabled(new Set(on ? ALL_TOGGLES : []))} />
      <div className="reader-body">
        <div className="paragraphs" ref={listRef} onKeyDown={moveSelection} aria-label="Paragraphs">
          {analysis.paragraphs.slice(0, shown).map((p) => (
            <ParagraphView
              key={p.eId}
              docId={d.id}
              p={p}
              enabled={enabled}
              selected={p.eId === selected}
              active={active}
              onSelect={() => setSelected(p.eId)}
              onPick={pick}
            />
          ))}
        </div>
        <aside className="side" aria-label="Selected paragraph">
          {current ? <SidePanel p={current} active={active} onPick={pick} /> : <p className="notice">Select a paragraph.</p>}
        </aside>
      </div>
    </div>
  );
}

function Legend({ enabled, present, onToggle, onAll }: { enabled: Set<string>; present: Set<string>; onToggle: (k: string) => void; onAll: (on: boolean) => void }) {
  const box = (key: string, label: string, swatch: React.CSSProperties) => (
    <label key={key} className={present.has(key) ? 'toggle' : 'toggle absent'} title={present.has(key) ? undefined : 'none in this document'}>
      <input type="checkbox" checked={enabled.has(key)} onChange={() => onToggle(key)} data-toggle={key} />
      <span className="swatch" style={swatch} aria-hidden="true" />
      {label}
    </label>
  );
  return (
    <section className="legend" aria-label="Legend and highlight toggles">
      <fieldset>
        <legend>Entities</legend>
        {ENTITY_TYPES.map((t) => box(`entity:${t}`, t, { background: ENTITY_COLORS[t] }))}
      </fieldset>
      <fieldset>
        <legend>Operative verbs</legend>
        {ACTION_CATEGORIES.map((c) => box(`action:${c}`, c, { borderBottom: `3px solid ${ACTION_COLORS[c]}` }))}
        {box('proposal', 'proposal', { outline: '2px dashed #555' })}
      </fieldset>
      <div className="legend-all">
        <button type="button" onClick={() => onAll(true)}>All on</button>
        <button type="button" onClick={() => onAll(false)}>All off</button>
      </div>
    </section>
  );
}

function ParagraphView({ docId, p, enabled, selected, active, onSelect, onPick }: { docId: string; p: Paragraph; enabled: Set<string>; selected: boolean; active: string | null; onSelect: () => void; onPick: (k: string) => void }) {
  const marks = paragraphFindings(p, enabled);
  const subset = p.subject.scope === 'subset';
  return (
    <article
      id={p.eId}
      className={['para', `kind-${p.kind}`, p.commitment ? 'commitment' : '', selected ? 'selected' : ''].join(' ')}
      tabIndex={0}
      aria-label={`Paragraph ${p.num ?? p.n}`}
      onFocus={onSelect}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onSelect();
      }}
    >
      <a className="pnum" href={href.doc(docId, p.eId)} title={`Link to ${p.eId}`} onClick={(e) => e.stopPropagation()}>
        {p.num ?? p.n}
      </a>
      <div className="ptext">
        {(p.commitment || subset || p.kind !== 'operative') && (
          <div className="badges">
            {p.kind !== 'operative' && <span className="badge kind">{p.kind}</span>}
            {p.commitment && <span className="badge commit" title={p.commitmentRule ?? 'commitment'}>commitment{p.commitments > 1 ? ` ×${p.commitments}` : ''}</span>}
            {subset && (
              <span className="badge subset">
                endorsed by {p.subject.states.length ? p.subject.states.map(stateName).join(', ') : (p.subject.qualifier ?? 'some members')}
                {p.subject.absent?.length ? ` · absent: ${p.subject.absent.map(stateName).join(', ')}` : ''}
              </span>
            )}
          </div>
        )}
        <p>
          <HighlightedText text={p.text} marks={marks} active={active} onPick={onPick} />
        </p>
      </div>
    </article>
  );
}

function SidePanel({ p, active, onPick }: { p: Paragraph; active: string | null; onPick: (k: string) => void }) {
  const item = (key: string, children: React.ReactNode) => (
    <li key={key}>
      <button type="button" className={active === key ? 'finding active' : 'finding'} onClick={() => onPick(key)}>
        {children}
      </button>
    </li>
  );
  return (
    <div className="side-inner">
      <h2>
        ¶ {p.num ?? p.n} <small>{p.eId} · {p.kind}</small>
      </h2>
      <section>
        <h3>Subject</h3>
        <p className="subject">
          <strong>{p.subject.scope}</strong>
          {p.subject.text ? ` — ${p.subject.text}` : ''}
        </p>
        {p.subject.scope === 'subset' && (
          <dl className="subset-detail">
            <dt>Endorse</dt>
            <dd>{p.subject.states.length ? p.subject.states.map((s) => `${stateName(s)} (${s})`).join(', ') : (p.subject.qualifier ?? '—')}</dd>
            <dt>Absent</dt>
            <dd>{p.subject.absent?.length ? p.subject.absent.map((s) => `${stateName(s)} (${s})`).join(', ') : '—'}</dd>
          </dl>
        )}
      </section>
      <section>
        <h3>Actions ({p.actions.length})</h3>
        <ul className="findings">
          {p.actions.map((a, i) =>
            item(`${p.eId}:action:${i}`, (
              <>
                <span className="cat" style={{ borderColor: ACTION_COLORS[a.category] }}>{a.category}</span> {a.text}
                {a.negated ? ' (negated)' : ''}
              </>
            )),
          )}
        </ul>
      </section>
      <section>
        <h3>Entities ({p.entities.length})</h3>
        <ul className="findings">
          {p.entities.map((e, i) =>
            item(`${p.eId}:entity:${i}`, (
              <>
                <span className="cat" style={{ background: ENTITY_COLORS[e.type] }}>{e.type}</span> {e.text}
                {e.ref ? <code> {e.ref}</code> : null}
                {e.value ? <code> = {e.value}</code> : null}
              </>
            )),
          )}
        </ul>
      </section>
      <section>
        <h3>Proposals ({p.proposals.length})</h3>
        <ul className="findings">
          {p.proposals.map((pr, i) =>
            item(`${p.eId}:proposal:${i}`, (
              <>
                <span className="cat">{stateName(pr.proposer)}</span> {pr.text} <em>({pr.stance})</em>
              </>
            )),
          )}
        </ul>
      </section>
      <section>
        <h3>Topics</h3>
        <p className="topics">{p.topics.length ? p.topics.map((t) => <span key={t} className="tag">{t}</span>) : '—'}</p>
      </section>
    </div>
  );
}
