import { useState } from 'react';
import { api } from '../lib/api.js';
import { href } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';
import { orgLabel, stateName } from '../lib/labels.js';
import { ErrorLine, Loading } from '../components/Status.js';

const TYPES = ['', 'instrument', 'initiative', 'body', 'event', 'proposal'];
const STANCES = ['mentioned', 'noted', 'supported', 'decided', 'adopted'];

/** Items tracked across declarations: a filterable list, and the selected item's timeline. */
export function ItemsPage({ itemId }: { itemId: string | null }) {
  const [type, setType] = useState('');
  const [q, setQ] = useState('');
  const list = useAsync(() => api.items({ type: type || undefined }), [type]);
  const shown = (list.data?.items ?? []).filter((it) => !q || `${it.name} ${it.id}`.toLowerCase().includes(q.toLowerCase()));
  return (
    <section className="items">
      <h1>Items</h1>
      <div className="items-body">
        <div className="item-list">
          <form className="filters" onSubmit={(e) => e.preventDefault()}>
            <label>
              Type
              <select value={type} onChange={(e) => setType(e.target.value)}>
                {TYPES.map((t) => <option key={t} value={t}>{t || 'all'}</option>)}
              </select>
            </label>
            <label>
              Find <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
            </label>
          </form>
          {list.error ? <ErrorLine error={list.error} /> : list.loading && !list.data ? <Loading what="items" /> : null}
          {list.data && !shown.length && <p className="notice">No items.</p>}
          <ul>
            {shown.map((it) => (
              <li key={it.id}>
                <a href={href.items(it.id)} aria-current={it.id === itemId ? 'true' : undefined}>
                  <span className="item-name">{it.name}</span>
                  <span className="item-meta">{it.type} · {it.documentCount} doc. · {it.mentionCount}×</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
        <div className="item-detail">{itemId ? <ItemTimelineView id={itemId} /> : <p className="notice">Pick an item to see its timeline across declarations.</p>}</div>
      </div>
    </section>
  );
}

function ItemTimelineView({ id }: { id: string }) {
  const { data, error, loading } = useAsync(() => api.item(id), [id]);
  if (error) return <ErrorLine error={error} />;
  if (loading || !data) return <Loading what="the timeline" />;
  return (
    <div>
      <h2>{data.item.name}</h2>
      <p className="meta">
        <span>{data.item.type}</span>
        {data.item.ref && <code>{data.item.ref}</code>}
        <span>{data.item.organizations.map(orgLabel).join(', ')}</span>
      </p>
      <ol className="timeline">
        {data.entries.map((e, i) => (
          <li key={`${e.documentId}/${e.eId}/${i}`}>
            <div className="tl-date">{e.date ?? 'undated'}</div>
            <div className="tl-body">
              <span className={`stance stance-${e.stance}`} title={`scale: ${STANCES.join(' → ')}`}>{e.stance}</span>{' '}
              <a href={href.doc(e.documentId, e.eId)}>{e.documentId} · {e.eId}</a>
              <div className="tl-words">
                “{e.words}”{e.actionWords ? <> — <em>{e.actionWords}</em></> : null}
                {e.proposer ? <> (proposed by {stateName(e.proposer)})</> : null}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
