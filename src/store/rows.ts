import type { Analysis, Paragraph } from '../types.js';
import { extractItemMentions, type ItemMention } from '../link/extractItems.js';
import { termsOf } from '../link/terms.js';

/**
 * Turns one Analysis into the rows the store writes, before any transaction opens (the
 * stemming and item extraction are the slow part; the transaction then only writes).
 * Reads defensively: annotators change in parallel, so missing arrays are treated as empty.
 */
export interface ParagraphRows {
  n: number;
  eId: string;
  kind: string;
  num: string | null;
  language: string;
  commitment: number;
  text: string;
  terms: string;
  tags: Array<{ facet: string; value: string }>;
  findings: Array<{ kind: string; type: string; text: string; start: number; end: number; ref: string | null; value: string | null; rule: string | null }>;
  mentions: ItemMention[];
}

const MAX_TAG_CHARS = 100;

function arr<T>(x: T[] | undefined | null): T[] {
  return Array.isArray(x) ? x : [];
}

export function rowsOfParagraph(p: Paragraph, docLang: string): ParagraphRows {
  const language = typeof p.language === 'string' && p.language ? p.language : docLang;
  const text = typeof p.text === 'string' ? p.text : '';
  const tags = new Map<string, { facet: string; value: string }>();
  const tag = (facet: string, value: unknown) => {
    if (typeof value !== 'string' || !value) return;
    const v = value.slice(0, MAX_TAG_CHARS).replace(/\u001f/g, ' ');
    tags.set(facet + '\u0000' + v, { facet, value: v });
  };
  for (const t of arr(p.topics)) tag('topic', t);
  for (const a of arr(p.actions)) tag('action', a?.category);
  for (const s of arr(p.subject?.states)) tag('state', s);
  for (const e of arr(p.entities)) if (e?.type === 'state') tag('state', e.ref ?? undefined);
  const findings: ParagraphRows['findings'] = [];
  for (const a of arr(p.actions)) findings.push({ kind: 'action', type: String(a.category), text: String(a.text ?? ''), start: a.start ?? 0, end: a.end ?? 0, ref: null, value: a.negated ? 'negated' : null, rule: a.rule ?? null });
  for (const e of arr(p.entities)) findings.push({ kind: 'entity', type: String(e.type), text: String(e.text ?? ''), start: e.start ?? 0, end: e.end ?? 0, ref: e.ref ?? null, value: e.value ?? null, rule: e.rule ?? null });
  for (const pr of arr(p.proposals)) findings.push({ kind: 'proposal', type: String(pr.stance ?? ''), text: String(pr.text ?? ''), start: pr.start ?? 0, end: pr.end ?? 0, ref: pr.proposer ?? null, value: null, rule: pr.rule ?? null });
  if (p.subject && p.subject.text) findings.push({ kind: 'subject', type: String(p.subject.scope), text: p.subject.text, start: p.subject.start ?? 0, end: p.subject.end ?? 0, ref: arr(p.subject.states).join(' ') || null, value: p.subject.qualifier ?? null, rule: p.subject.rule ?? null });
  let mentions: ItemMention[] = [];
  try {
    mentions = extractItemMentions({ ...p, text }, language);
  } catch {
    mentions = [];
  }
  return {
    n: typeof p.n === 'number' ? p.n : 0,
    eId: String(p.eId ?? `para_${p.n}`),
    kind: String(p.kind ?? 'operative'),
    num: p.num ?? null,
    language,
    commitment: p.commitment ? 1 : 0,
    text,
    terms: termsOf(text, language).join(' '),
    tags: [...tags.values()],
    findings,
    mentions,
  };
}

export function rowsOfAnalysis(analysis: Analysis): ParagraphRows[] {
  const lang = typeof analysis.document?.language === 'string' ? analysis.document.language : 'und';
  return arr(analysis.paragraphs).map((p) => rowsOfParagraph(p, lang));
}
