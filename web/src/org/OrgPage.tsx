import { useState } from 'react';
import type { OrgState } from '../../../src/org/types.js';
import { getJson } from '../lib/api.js';
import { stateName } from '../lib/labels.js';
import { useAsync } from '../lib/useAsync.js';
import { ErrorLine, Loading } from '../components/Status.js';
import { OrgView } from './OrgView.js';
import './org.css';

/**
 * The organisation page (#/org/<id>): the organisation on a chosen date, read from
 * GET /api/orgs/<id>?on=DATE (src/server/routes/org.ts) and drawn by OrgView.
 */
export function OrgPage({ id }: { id: string }) {
  const [on, setOn] = useState(() => new Date().toISOString().slice(0, 10));
  const { data, error, loading } = useAsync(() => getJson<OrgState>(`/orgs/${encodeURIComponent(id)}`, { on }), [id, on]);
  return (
    <section>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          On date
          <input type="date" value={on} onChange={(e) => e.target.value && setOn(e.target.value)} />
        </label>
      </form>
      {error ? <ErrorLine error={error} /> : loading && !data ? <Loading what="the organisation" /> : null}
      {data && <OrgView state={data} stateName={stateName} />}
    </section>
  );
}
