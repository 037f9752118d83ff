import { useState } from 'react';
import { api, type ParagraphDiff } from '../lib/api.js';
import { href } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';
import { diffWords } from '../lib/wordDiff.js';
import { ErrorLine, Loading } from '../components/Status.js';

/** Compare: pick two documents; aligned paragraphs side by side, word changes marked. */
export function ComparePage({ a, b }: { a: string; b: string }) {
  const docs = useAsync(() => api.documents(), []);
  const set = (next: { a?: string; b?: string }) => {
    window.location.hash = href.compare(next.a ?? a, next.b ?? b);
  };
  const list = docs.data?.documents ?? [];
  return (
    <section className="compare">
      <h1>Compare</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Document A
          <select value={a} onChange={(e) => set({ a: e.target.value })} name="a">
            <option value="">choose…</option>
            {list.map((d) => <option key={d.id} value={d.id}>{d.title ? `${d.title} (${d.id})` : d.id}</option>)}
          </select>
        </label>
        <label>
          Document B
          <select value={b} onChange={(e) => set({ b: e.target.value })} name="b">
            <option value="">choose…</option>
            {list.map((d) => <option key={d.id} value={d.id}>{d.title ? `${d.title} (${d.id})` : d.id}</option>)}
          </select>
        </label>
      </form>
      {a && b ? <DiffView a={a} b={b} /> : <p className="notice">Choose two documents.</p>}
    </section>
  );
}

function DiffView({ a, b }: { a: string; b: string }) {
  const { data, error, loading } = useAsync(() => api.diff(a, b), [a, b]);
  const [onlyChanges, setOnlyChanges] = useState(false);
  if (error) return <ErrorLine error={error} />;
  if (loading || !data) return <Loading what="the comparison" />;
  return (
    <>
      <p className="diff-counts" role="status">
        {(['same', 'changed', 'added', 'dropped'] as const).map((k) => (
          <span key={k} className={`tag change-${k}`}>{k}: {data.counts[k] ?? 0}</span>
        ))}
        {data.sameWork && <span className="tag">two languages of one work</span>}
        <label className="toggle">
          <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} /> only changes
        </label>
      </p>
      <div className="diff-table" role="table" aria-label="Aligned paragraphs">
        <div className="diff-row head" role="row">
          <div role="columnheader">{data.a.title ?? data.a.id}</div>
          <div role="columnheader">{data.b.title ?? data.b.id}</div>
        </div>
        {data.paragraphs.map((p, i) => (onlyChanges && p.change === 'same' ? null : <DiffRow key={i} p={p} a={a} b={b} />))}
      </div>
    </>
  );
}

function DiffRow({ p, a, b }: { p: ParagraphDiff; a: string; b: string }) {
  const parts = p.change === 'changed' && p.textA && p.textB ? diffWords(p.textA, p.textB) : null;
  const side = (which: 'A' | 'B') => {
    const eId = which === 'A' ? p.eIdA : p.eIdB;
    const text = which === 'A' ? p.textA : p.textB;
    if (!eId) return <div role="cell" className="cell empty" aria-label={which === 'A' ? 'not in A' : 'not in B'} />;
    return (
      <div role="cell" className="cell">
        <a className="pnum" href={href.doc(which === 'A' ? a : b, eId)}>{eId}</a>
        {(which === 'A' ? p.commitmentA : p.commitmentB) ? <span className="badge commit">commitment</span> : null}
        <p>
          {parts
            ? parts.filter((x) => x.op === 'same' || x.op === (which === 'A' ? 'del' : 'ins')).map((x, k) =>
                x.op === 'same' ? <span key={k}>{x.text}</span> : which === 'A' ? <del key={k}>{x.text}</del> : <ins key={k}>{x.text}</ins>,
              )
            : text}
        </p>
      </div>
    );
  };
  // What changed beyond the words: commitment, operative verbs, and the stance on each item.
  const notes: string[] = [];
  if (p.change === 'changed' || p.change === 'same') {
    if (p.commitmentA !== p.commitmentB) notes.push(`commitment: ${p.commitmentA ? 'yes' : 'no'} → ${p.commitmentB ? 'yes' : 'no'}`);
    const acts = (xs: string[]) => [...new Set(xs)].sort().join(', ') || 'none';
    if (acts(p.actionsA ?? []) !== acts(p.actionsB ?? [])) notes.push(`actions: ${acts(p.actionsA ?? [])} → ${acts(p.actionsB ?? [])}`);
    for (const it of p.items ?? []) if (it.stanceA !== it.stanceB) notes.push(`${it.name}: ${it.stanceA ?? '—'} → ${it.stanceB ?? '—'}`);
  }
  return (
    <div className={`diff-row change-${p.change}`} role="row" data-change={p.change}>
      {side('A')}
      {side('B')}
      {notes.length > 0 && (
        <div className="diff-notes" role="note">
          {notes.map((n, i) => (
            <span key={i} className="tag">{n}</span>
          ))}
        </div>
      )}
    </div>
  );
}
