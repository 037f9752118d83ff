import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { computeOrgState, defaultOrgRegistry, orgDocumentFromAnalysis } from '../../src/org/index.js';
import type { Analysis } from '../../src/types.js';
import { OrgView, paragraphHref } from '../../web/src/org/OrgView.js';
import { barOf, makeScale, yearValue } from '../../web/src/org/scale.js';

const gold = JSON.parse(readFileSync(new URL('../fixtures/gold/sco-2024-astana.fr.json', import.meta.url), 'utf8')) as Analysis;
const state = computeOrgState('sco', '2024-07-05', [orgDocumentFromAnalysis(structuredClone(gold))], defaultOrgRegistry());
const html = renderToStaticMarkup(createElement(OrgView, { state }));

describe('OrgView (organisation page)', () => {
  it('links elements to the paragraphs behind them', () => {
    expect(paragraphHref({ docId: 'sco 2024/astana', eId: 'para_118' })).toBe('#/doc/sco%202024%2Fastana#para_118');
    expect(html).toContain('href="#/doc/sco-2024-astana#para_118"'); // Belarus (member list and timeline bar)
    expect(html).toContain('href="#/doc/sco-2024-astana#para_83"'); // the Development Bank in the body tree
    expect(html).toContain('href="#/doc/sco-2024-astana#para_84"'); // the decided proposal
  });

  it('shows the timeline, instrument bars, proposals by member with stages, and the body tree', () => {
    expect(html).toContain('Membership and chairmanship over time');
    expect((html.match(/<h3>/g) ?? []).length).toBe(6); // proposers: CN IR KZ RU TJ UZ
    expect(html).toMatch(/aria-current="step"[^>]*>decided</);
    // sco-rats-executive-committee sits under sco-rats in the tree
    const rats = html.indexOf('Regional Anti-Terrorist Structure');
    expect(rats).toBeGreaterThan(0);
    expect(html.slice(rats, rats + 2000)).toContain('<ul class="org-tree">');
    expect(html).toContain('Instruments (');
  });

  it('renders text as text: markup in a name is escaped', () => {
    const evil = structuredClone(state);
    evil.bodies.push({ id: null, name: '<img src=x onerror=alert(1)>', names: {}, parent: 'sco', seat: null, kind: null, status: 'proposed', source: 'fact', support: [{ docId: '"><script>', eId: 'para_1', date: null, rule: 'r', text: '<b>t</b>' }] });
    const out = renderToStaticMarkup(createElement(OrgView, { state: evil }));
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('timeline scales', () => {
  it('turns dates into fractional years and bars', () => {
    expect(yearValue('2025')).toBe(2025);
    expect(yearValue('2025', true)).toBe(2026);
    expect(yearValue('2024-07-01')).toBeCloseTo(2024.5, 5);
    expect(yearValue('soon')).toBeNull();
    const s = makeScale(2020, 2030, 100);
    expect(s.x(2025)).toBe(50);
    expect(barOf(s, '2024', '2025')).toEqual({ x: 40, w: 20, openStart: false, openEnd: false });
    expect(barOf(s, null, '2030')).toMatchObject({ x: 0, openStart: true });
    expect(barOf(s, null, null)).toBeNull();
  });
});
