import { useEffect, useMemo, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { api, type Analysis } from '../lib/api.js';
import { href } from '../lib/router.js';
import { useAsync } from '../lib/useAsync.js';
import { ACTION_CATEGORIES, ACTION_COLORS, languageName, orgLabel, stateName } from '../lib/labels.js';
import { ErrorLine, Loading } from '../components/Status.js';
import { StateMap } from '../components/StateMap.js';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, SVGRenderer]);

/** A document's dashboard: actions, topics, commitments, proposals (echarts), states on a map, dated timeline. */
export function Dashboard({ id }: { id: string }) {
  const { data, error, loading } = useAsync(() => api.document(id), [id]);
  if (error) return <ErrorLine error={error} />;
  if (loading || !data) return <Loading what="the dashboard" />;
  return <DashboardView a={data} />;
}

function count<T>(xs: T[], key: (x: T) => string | null | undefined): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const x of xs) {
    const k = key(x);
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

function Chart({ option, label, height = 260 }: { option: echarts.EChartsCoreOption; label: string; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    // No animation: charts appear at once (and screenshots show their final state).
    chart.setOption({ animation: false, ...option });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} />;
}

function bar(rows: Array<[string, number]>, color: string | ((name: string) => string)): echarts.EChartsCoreOption {
  return {
    grid: { left: 130, right: 20, top: 10, bottom: 24 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r[0]).reverse(), axisLabel: { width: 120, overflow: 'truncate', interval: 0 } },
    series: [{ type: 'bar', data: rows.map((r) => ({ value: r[1], itemStyle: { color: typeof color === 'string' ? color : color(r[0]) } })).reverse() }],
  };
}

function DashboardView({ a }: { a: Analysis }) {
  const d = a.document;
  const ps = a.paragraphs;
  const actions = useMemo(() => {
    const rows = count(ps.flatMap((p) => p.actions), (x) => x.category);
    return ACTION_CATEGORIES.map((c) => [c, rows.find((r) => r[0] === c)?.[1] ?? 0] as [string, number]).filter((r) => r[1] > 0);
  }, [ps]);
  const topics = useMemo(() => count(ps.flatMap((p) => p.topics), (t) => t).slice(0, 15), [ps]);
  const commitments = useMemo(() => {
    const withC = ps.filter((p) => p.commitment).length;
    return [['commitment', withC], ['no commitment', ps.length - withC]] as Array<[string, number]>;
  }, [ps]);
  const proposals = useMemo(() => count(ps.flatMap((p) => p.proposals), (x) => stateName(x.proposer)), [ps]);
  const states = useMemo(() => {
    const mentioned = new Set<string>();
    for (const p of ps) {
      for (const s of p.subject.states) mentioned.add(s);
      for (const e of p.entities) if (e.type === 'state' && e.ref && /^[A-Z]{2}$/.test(e.ref)) mentioned.add(e.ref);
      for (const x of p.proposals) mentioned.add(x.proposer);
    }
    return { mentioned: [...mentioned], members: d.members ?? [] };
  }, [ps, d.members]);
  const timeline = useMemo(() => {
    const rows: Array<{ value: string; text: string; eId: string; n: number; things: string[] }> = [];
    for (const p of ps) {
      const things = p.entities.filter((e) => e.type === 'event' || e.type === 'instrument' || e.type === 'initiative').map((e) => e.text);
      for (const e of p.entities) if (e.type === 'date' && e.value) rows.push({ value: e.value, text: e.text, eId: p.eId, n: p.n, things: [...new Set(things)] });
    }
    return rows.sort((x, y) => x.value.replace(/^\.\.\//, '').localeCompare(y.value.replace(/^\.\.\//, '')));
  }, [ps]);

  return (
    <section className="dashboard">
      <header className="doc-head">
        <h1>{d.title ?? d.id}</h1>
        <p className="meta">
          <span>{orgLabel(d.organization)}</span>
          <span>{d.date ?? 'no date'}</span>
          <span>{d.place ?? 'no place'}</span>
          <span>{languageName(d.language)}</span>
          <a href={href.doc(d.id)}>Open in the reader</a>
        </p>
      </header>
      <div className="grid">
        <section className="card">
          <h2>Actions by category</h2>
          {actions.length ? <Chart label="Actions by category" option={bar(actions, (n) => ACTION_COLORS[n] ?? '#555')} /> : <p className="notice">No actions found.</p>}
        </section>
        <section className="card">
          <h2>Topics</h2>
          {topics.length ? <Chart label="Paragraphs by topic" option={bar(topics, '#0e7490')} /> : <p className="notice">No topics found.</p>}
        </section>
        <section className="card">
          <h2>Commitments</h2>
          <Chart
            label="Paragraphs with a commitment"
            option={{
              tooltip: { trigger: 'item' },
              series: [{ type: 'pie', radius: ['40%', '70%'], data: commitments.map(([name, value], i) => ({ name, value, itemStyle: { color: i === 0 ? '#c2410c' : '#d1d5db' } })) }],
            }}
          />
        </section>
        <section className="card">
          <h2>Proposals by state</h2>
          {proposals.length ? <Chart label="Proposals by state" option={bar(proposals, '#6d28d9')} /> : <p className="notice">No proposals found.</p>}
        </section>
        <section className="card wide">
          <h2>States involved</h2>
          <StateMap mentioned={states.mentioned} members={states.members} />
          <p className="map-legend">
            <span className="swatch" style={{ background: '#1d4ed8' }} /> named in the text ({states.mentioned.length}){' '}
            <span className="swatch" style={{ background: '#93c5fd' }} /> member, not named ({states.members.filter((m) => !states.mentioned.includes(m)).length})
          </p>
          <p className="state-list">{states.mentioned.map(stateName).sort().join(', ') || 'No state named.'}</p>
        </section>
        <section className="card wide">
          <h2>Timeline of dates, events and instruments</h2>
          {timeline.length ? (
            <ol className="timeline">
              {timeline.map((t, i) => (
                <li key={i}>
                  <div className="tl-date">{t.value.includes('/') ? t.value.replace('/', ' – ').replace('..', '…') : t.value}</div>
                  <div className="tl-body">
                    <a href={href.doc(d.id, t.eId)}>¶ {t.n}</a> “{t.text}”{t.things.length ? <> — {t.things.join('; ')}</> : null}
                  </div>
                </li>
              ))}
            </ol>
          ) : (
            <p className="notice">No dated findings.</p>
          )}
        </section>
      </div>
    </section>
  );
}
