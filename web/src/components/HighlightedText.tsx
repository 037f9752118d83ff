import { Fragment } from 'react';
import type { Paragraph } from '../lib/api.js';
import { segmentText, type Mark } from '../lib/spans.js';

/** One annotation drawn in the text. `key` identifies it across the reader and the side panel. */
export interface Finding {
  key: string;
  kind: 'entity' | 'action' | 'proposal' | 'subject';
  /** Entity type or action category. */
  cls: string;
  /** Hover text: the id and normalised value. */
  tip: string;
}

/** The findings of a paragraph that can be drawn (those with offsets), filtered by the enabled toggles. */
export function paragraphFindings(p: Paragraph, enabled: Set<string>): Array<Mark<Finding>> {
  const out: Array<Mark<Finding>> = [];
  p.entities.forEach((e, i) => {
    if (!enabled.has(`entity:${e.type}`)) return;
    const tip = [e.type, e.ref ? `id: ${e.ref}` : null, e.value ? `value: ${e.value}` : null, e.rule ? `rule: ${e.rule}` : null].filter(Boolean).join(' · ');
    out.push({ start: e.start, end: e.end, data: { key: `${p.eId}:entity:${i}`, kind: 'entity', cls: e.type, tip } });
  });
  p.actions.forEach((a, i) => {
    if (!enabled.has(`action:${a.category}`)) return;
    const tip = [`action: ${a.category}`, a.negated ? 'negated' : null, a.form ?? null, a.rule ? `rule: ${a.rule}` : null].filter(Boolean).join(' · ');
    out.push({ start: a.start, end: a.end, data: { key: `${p.eId}:action:${i}`, kind: 'action', cls: a.category, tip } });
  });
  if (enabled.has('proposal')) {
    p.proposals.forEach((pr, i) => {
      if (pr.start === undefined || pr.end === undefined) return;
      out.push({ start: pr.start, end: pr.end, data: { key: `${p.eId}:proposal:${i}`, kind: 'proposal', cls: 'proposal', tip: `proposal by ${pr.proposer} · stance: ${pr.stance}` } });
    });
  }
  return out;
}

/**
 * Paragraph text with highlights built from offsets as React nodes: every piece of user
 * text is a text node (React escapes it), so markup inside a declaration shows as text.
 */
export function HighlightedText({ text, marks, active, onPick }: { text: string; marks: Array<Mark<Finding>>; active: string | null; onPick?: (key: string) => void }) {
  const segments = segmentText(text, marks);
  return (
    <>
      {segments.map((s) => {
        if (!s.marks.length) return <Fragment key={s.start}>{s.text}</Fragment>;
        const entity = s.marks.find((m) => m.data.kind === 'entity');
        const action = s.marks.find((m) => m.data.kind === 'action');
        const proposal = s.marks.find((m) => m.data.kind === 'proposal');
        const classes = ['hl'];
        if (entity) classes.push(`ent-${entity.data.cls}`);
        if (action) classes.push('act', `act-${action.data.cls}`);
        if (proposal) classes.push('prop');
        if (active && s.marks.some((m) => m.data.key === active)) classes.push('active');
        return (
          <mark
            key={s.start}
            className={classes.join(' ')}
            title={s.marks.map((m) => m.data.tip).join('\n')}
            data-keys={s.marks.map((m) => m.data.key).join(' ')}
            onClick={onPick ? () => onPick(s.marks[s.marks.length - 1].data.key) : undefined}
          >
            {s.text}
          </mark>
        );
      })}
    </>
  );
}
