import { useMemo, useState } from 'react';
import { api, type DocumentSummary } from '../lib/api.js';
import { href } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';
import { languageName, orgLabel } from '../lib/labels.js';
import { ErrorLine, Loading } from '../components/Status.js';

/** The library: every stored document with organisation, date, place, language and counts; filters. */
export function Library() {
  const { data, error, loading } = useAsync(() => api.documents(), []);
  const [org, setOrg] = useState('');
  const [lang, setLang] = useState('');
  const [year, setYear] = useState('');
  const [text, setText] = useState('');
  // Newest first, undated last (the store's own order may differ).
  const docs = useMemo(
    () => [...(data?.documents ?? [])].sort((x, y) => (y.date ?? '').localeCompare(x.date ?? '') || x.id.localeCompare(y.id)),
    [data],
  );
  const options = useMemo(() => {
    const uniq = (f: (d: DocumentSummary) => string | null) => [...new Set(docs.map(f).filter((x): x is string => !!x))].sort();
    return { orgs: uniq((d) => d.organization), langs: uniq((d) => d.language), years: uniq((d) => d.date?.slice(0, 4) ?? null).reverse() };
  }, [docs]);
  const shown = docs.filter((d) => {
    if (org && d.organization !== org) return false;
    if (lang && d.language !== lang) return false;
    if (year && !(d.date ?? '').startsWith(year)) return false;
    if (text) {
      const hay = [d.id, d.title, d.place, d.organization, d.source].filter(Boolean).join(' ').toLowerCase();
      if (!hay.includes(text.toLowerCase())) return false;
    }
    return true;
  });
  if (error) return <ErrorLine error={error} />;
  if (loading && !data) return <Loading what="the library" />;
  return (
    <section className="library">
      <h1>Library</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
        <label>
          Find <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="title, place, id…" />
        </label>
        <label>
          Organisation
          <select value={org} onChange={(e) => setOrg(e.target.value)}>
            <option value="">all</option>
            {options.orgs.map((o) => <option key={o} value={o}>{orgLabel(o)}</option>)}
          </select>
        </label>
        <label>
          Year
          <select value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">all</option>
            {options.years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label>
          Language
          <select value={lang} onChange={(e) => setLang(e.target.value)}>
            <option value="">all</option>
            {options.langs.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
          </select>
        </label>
        <span className="count">{shown.length} of {docs.length}</span>
      </form>
      {docs.length === 0 ? (
        <p className="notice">No documents yet. <a href={href.upload()}>Upload one</a> or run <code>concord import</code>.</p>
      ) : (
        <div className="table-wrap">
          <table className="docs">
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Org.</th>
                <th scope="col">Date</th>
                <th scope="col">Place</th>
                <th scope="col">Lang.</th>
                <th scope="col" className="num">¶</th>
                <th scope="col" className="num">Actions</th>
                <th scope="col" className="num">Entities</th>
                <th scope="col" className="num">Commit.</th>
                <th scope="col" className="num">Proposals</th>
                <th scope="col"><span className="sr-only">Views</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.map((d) => (
                <tr key={d.id}>
                  <td className="title-cell">
                    <a href={href.doc(d.id)}>{d.title ?? d.id}</a>
                    {d.title && <div className="sub">{d.id}</div>}
                  </td>
                  <td>{d.organization ? <a href={href.org(d.organization)} title="The organisation: members, chair, bodies, instruments">{orgLabel(d.organization)}</a> : '—'}</td>
                  <td className="date">{d.date ?? '—'}</td>
                  <td className="wrap">{d.place ?? '—'}</td>
                  <td>{d.language}</td>
                  <td className="num">{d.paragraphCount}</td>
                  <td className="num">{d.counts?.actions ?? '—'}</td>
                  <td className="num">{d.counts?.entities ?? '—'}</td>
                  <td className="num">{d.counts?.commitments ?? '—'}</td>
                  <td className="num">{d.counts?.proposals ?? '—'}</td>
                  <td className="views">
                    <a href={href.dash(d.id)}>Dashboard</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
