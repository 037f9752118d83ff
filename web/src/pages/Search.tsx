import { useEffect, useState } from 'react';
import { api, type Span } from '../lib/api.js';
import { href } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';
import { orgLabel, stateName } from '../lib/labels.js';
import { segmentText } from '../lib/spans.js';
import { ErrorLine, Loading } from '../components/Status.js';

const FACETS = ['org', 'year', 'lang', 'topic', 'action', 'state', 'commitment'] as const;
const FACET_LABEL: Record<string, string> = { org: 'Organisation', year: 'Year', lang: 'Language', topic: 'Topic', action: 'Action', state: 'State', commitment: 'Commitment' };

/** Matched words marked from offsets, as React nodes (the passage stays text). */
export function Passage({ text, highlights }: { text: string; highlights: Span[] }) {
  return (
    <>
      {segmentText(text, highlights.map((h) => ({ ...h, data: true }))).map((s) => (s.marks.length ? <mark key={s.start} className="match">{s.text}</mark> : <span key={s.start}>{s.text}</span>))}
    </>
  );
}

/** Search: a query box, facets (click to filter), highlighted passages linking into the reader. */
export function SearchPage({ params }: { params: URLSearchParams }) {
  const query: Record<string, string> = {};
  for (const [k, v] of params) if (v) query[k] = v;
  const [draft, setDraft] = useState(query.q ?? '');
  useEffect(() => setDraft(params.get('q') ?? ''), [params]);
  const go = (next: Record<string, string>) => {
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v));
    window.location.hash = href.search(clean);
  };
  const key = JSON.stringify(query);
  const { data, error, loading } = useAsync(() => (query.q ? api.search(query) : Promise.resolve(null)), [key]);
  return (
    <section className="search">
      <h1>Search</h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...query, q: draft.trim() });
        }}
      >
        <label htmlFor="q" className="sr-only">Words to find</label>
        <input id="q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="e.g. terrorism, banque de développement, 气候" autoFocus maxLength={500} />
        <button type="submit">Search</button>
      </form>
      {Object.keys(query).some((k) => k !== 'q') && (
        <p className="active-filters">
          {Object.entries(query).filter(([k]) => k !== 'q').map(([k, v]) => (
            <button key={k} type="button" className="tag removable" onClick={() => go({ ...query, [k]: '' })} aria-label={`Remove filter ${k} ${v}`}>
              {FACET_LABEL[k] ?? k}: {v} ✕
            </button>
          ))}
        </p>
      )}
      {error ? <ErrorLine error={error} /> : null}
      {loading && query.q ? <Loading what="results" /> : null}
      {data && (
        <div className="search-body">
          <aside className="facets" aria-label="Facets">
            {FACETS.map((f) => {
              const values = Object.entries(data.facets[f] ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
              if (!values.length) return null;
              return (
                <section key={f}>
                  <h3>{FACET_LABEL[f]}</h3>
                  <ul>
                    {values.map(([v, n]) => (
                      <li key={v}>
                        <button type="button" className={query[f] === v ? 'facet on' : 'facet'} onClick={() => go({ ...query, [f]: query[f] === v ? '' : v })}>
                          <span className="facet-v">{f === 'state' ? stateName(v) : f === 'org' ? orgLabel(v) : v}</span> <span className="facet-n">{n}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </aside>
          <div className="hits">
            <p className="count" role="status">{data.total} paragraph{data.total === 1 ? '' : 's'}</p>
            <ol>
              {data.hits.map((h) => (
                <li key={`${h.documentId}/${h.eId}`} className="hit">
                  <a href={href.doc(h.documentId, h.eId)} className="hit-link">
                    <span className="hit-doc">{h.title ?? h.documentId}</span> <span className="hit-para">¶ {h.n}</span>
                  </a>
                  <p className="passage"><Passage text={h.passage.text} highlights={h.passage.highlights} /></p>
                </li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </section>
  );
}
