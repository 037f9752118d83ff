import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { analyzeBytes } from '../analyze.js';
import { foldLoose } from '../text/fold.js';
import type { Analysis, Paragraph } from '../types.js';
import type {
  DocumentDiff,
  DocumentSummary,
  ImportOutcome,
  Item,
  ItemTimeline,
  ParagraphDiff,
  SearchHit,
  SearchQuery,
  SearchResult,
  ServerStore,
  Stance,
  TimelineEntry,
} from './storeApi.js';
import type { ItemType } from '../store/index.js';

/**
 * An in-memory ServerStore with the corpus store's shapes. It stands in for src/store when
 * that cannot be opened, and serves the server's tests and benchmark without a database.
 * Search, item linking and alignment here are deliberately simple (hand-written because
 * they are a fallback; the real store does FTS5 / PostgreSQL search and stemmed linking).
 */
export function createMemoryStore(initial: Analysis[] = []): ServerStore {
  const docs = new Map<string, { a: Analysis; summary: DocumentSummary }>();
  const put = (a: Analysis, source: string | null, hash: string): ImportOutcome => {
    const id = a.document.id;
    const prev = docs.get(id);
    if (prev && prev.summary.contentHash === hash) return { status: 'unchanged', source: source ?? id, documentId: id, workId: id, version: prev.summary.version, bytes: 0 };
    const d = a.document;
    const summary: DocumentSummary = {
      id,
      workId: id,
      language: d.language,
      organization: d.organization,
      title: d.title,
      date: d.date,
      year: d.date ? Number(d.date.slice(0, 4)) || null : null,
      place: d.place,
      source: source ?? d.source,
      contentHash: hash,
      version: (prev?.summary.version ?? 0) + 1,
      paragraphCount: a.paragraphs.length,
      importedAt: new Date().toISOString(),
    };
    docs.set(id, { a, summary });
    return { status: prev ? 'replaced' : 'imported', source: source ?? id, documentId: id, workId: id, version: summary.version, bytes: 0 };
  };
  const hashOf = (a: Analysis) => a.document.contentHash ?? createHash('sha256').update(JSON.stringify(a)).digest('hex');
  for (const a of initial) put(a, a.document.source, hashOf(a));
  const all = () => [...docs.values()].map((x) => x.a);

  return {
    kind: 'memory',
    async listDocuments(f = {}) {
      const rows = [...docs.values()]
        .map((x) => x.summary)
        .filter((d) => !f.org || d.organization === f.org)
        .filter((d) => !f.lang || d.language === f.lang)
        .filter((d) => !f.year || d.year === f.year)
        .filter((d) => !f.workId || d.workId === f.workId)
        .sort((x, y) => (y.date ?? '').localeCompare(x.date ?? '') || x.id.localeCompare(y.id));
      const offset = f.offset ?? 0;
      return rows.slice(offset, offset + (f.limit ?? 1000));
    },
    async getDocument(id) {
      return docs.get(id)?.summary ?? null;
    },
    async getAnalysis(id) {
      return docs.get(id)?.a ?? null;
    },
    async getHistory(id) {
      const s = docs.get(id)?.summary;
      return s ? [{ documentId: id, version: s.version, contentHash: s.contentHash, source: s.source, importedAt: s.importedAt, replacedAt: null }] : [];
    },
    async importFile(path, options = {}) {
      const bytes = readFileSync(path);
      const a = await analyzeBytes(new Uint8Array(bytes), { filename: path, lang: options.lang });
      return { ...put(a, options.source ?? path, hashOf(a)), bytes: bytes.length };
    },
    async importAnalysis(a, options = {}) {
      return put(a, options.source ?? a.document.source, options.contentHash ?? hashOf(a));
    },
    async deleteDocument(id) {
      return docs.delete(id);
    },
    async search(q) {
      return searchParagraphs(all(), q);
    },
    async listItems(f = {}) {
      const words = f.q ? tokenize(f.q) : [];
      return [...collectItems(all()).values()]
        .map((x) => x.item)
        .filter((it) => !f.type || it.type === f.type)
        .filter((it) => !f.org || it.organizations.includes(f.org))
        .filter((it) => !words.length || words.every((w) => foldLoose(`${it.name} ${it.id}`).includes(w)))
        .sort((x, y) => y.documentCount - x.documentCount || y.mentionCount - x.mentionCount || x.name.localeCompare(y.name))
        .slice(0, f.limit ?? 200);
    },
    async getItemTimeline(id) {
      const it = collectItems(all()).get(id);
      return it ? { item: it.item, matched: [it.item], entries: it.entries.map((e) => ({ ...e, itemId: id })) } : null;
    },
    async diff(idA, idB) {
      const a = docs.get(idA);
      const b = docs.get(idB);
      if (!a || !b) return Promise.reject(Object.assign(new Error(`document "${!a ? idA : idB}" does not exist`), { name: 'StoreError', code: 'not-found' }));
      return diffAnalyses(a.a, a.summary, b.a, b.summary);
    },
    async close() {
      docs.clear();
    },
  };
}

const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Folded word tokens with their offsets (folding keeps lengths, so offsets are the original's). */
function tokenSpans(text: string): Array<{ w: string; start: number; end: number }> {
  const out: Array<{ w: string; start: number; end: number }> = [];
  for (const s of wordSegmenter.segment(foldLoose(text))) {
    if (s.isWordLike) out.push({ w: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return out;
}

/** Folded word tokens of a text (Intl.Segmenter also splits Chinese into words). */
export function tokenize(text: string): string[] {
  return tokenSpans(text).map((s) => s.w);
}

function facetValues(a: Analysis, p: Paragraph): Record<string, string[]> {
  return {
    org: a.document.organization ? [a.document.organization] : [],
    year: a.document.date ? [a.document.date.slice(0, 4)] : [],
    lang: [p.language ?? a.document.language],
    topic: p.topics,
    action: [...new Set(p.actions.map((x) => x.category))],
    state: [...new Set([...p.subject.states, ...p.entities.filter((e) => e.type === 'state' && e.ref).map((e) => e.ref as string)])],
    commitment: [p.commitment ? 'true' : 'false'],
  };
}

function searchParagraphs(all: Analysis[], q: SearchQuery): SearchResult {
  const terms = tokenize(q.q).slice(0, 20);
  const facets: SearchResult['facets'] = { org: {}, year: {}, lang: {}, topic: {}, action: {}, state: {}, commitment: {} };
  const hits: SearchHit[] = [];
  if (terms.length) {
    for (const a of all) {
      if (q.org && a.document.organization !== q.org) continue;
      if (q.year && !(a.document.date ?? '').startsWith(String(q.year))) continue;
      for (const p of a.paragraphs) {
        const fv = facetValues(a, p);
        if (q.lang && !fv.lang.includes(q.lang)) continue;
        if (q.topic && !p.topics.includes(q.topic)) continue;
        if (q.action && !fv.action.includes(q.action)) continue;
        if (q.state && !fv.state.includes(q.state)) continue;
        if (q.commitment !== undefined && p.commitment !== q.commitment) continue;
        const spans = tokenSpans(p.text);
        const matched = spans.filter((s) => terms.some((t) => s.w.startsWith(t)));
        if (!terms.every((t) => matched.some((s) => s.w.startsWith(t)))) continue;
        for (const [name, values] of Object.entries(fv)) {
          const bucket = facets[name as keyof SearchResult['facets']];
          for (const v of values) bucket[v] = (bucket[v] ?? 0) + 1;
        }
        hits.push({
          documentId: a.document.id,
          eId: p.eId,
          n: p.n,
          language: p.language ?? a.document.language,
          organization: a.document.organization,
          date: a.document.date,
          title: a.document.title,
          snippet: p.text.slice(0, 300),
          snippetHighlights: matched.filter((m) => m.end <= 300).map((m) => ({ start: m.start, end: m.end })),
          highlights: matched.map((m) => ({ start: m.start, end: m.end })),
          score: matched.length / Math.sqrt(spans.length + 1),
        });
      }
    }
  }
  hits.sort((x, y) => y.score - x.score);
  const offset = q.offset ?? 0;
  return { query: q.q, total: hits.length, hits: hits.slice(offset, offset + (q.limit ?? 50)), facets };
}

/** Stance of a paragraph: its strongest action (noted → supported → decided → adopted). */
function stanceOf(p: Paragraph): { stance: Stance; words: string | null } {
  const rank: Record<string, [Stance, number]> = {
    note: ['noted', 1], consider: ['noted', 1], welcome: ['noted', 1], stress: ['noted', 1], affirm: ['noted', 1],
    call: ['supported', 2], support: ['supported', 2], commit: ['supported', 2], decide: ['decided', 3], adopt: ['adopted', 4], oppose: ['opposed', 0],
  };
  let best: { stance: Stance; words: string | null; r: number } = { stance: 'mentioned', words: null, r: -1 };
  for (const x of p.actions) {
    const [stance, r] = rank[x.category] ?? ['mentioned', -1];
    if (r > best.r) best = { stance, words: x.text, r };
  }
  return best;
}

const ENTITY_ITEM_TYPE: Record<string, ItemType> = { instrument: 'instrument', initiative: 'initiative', event: 'event', organization: 'body' };

function collectItems(all: Analysis[]): Map<string, { item: Item; entries: TimelineEntry[] }> {
  const items = new Map<string, { item: Item; entries: TimelineEntry[]; docs: Set<string> }>();
  const add = (id: string, type: ItemType, ref: string | null, a: Analysis, p: Paragraph, words: string, start: number, end: number, proposer: string | null) => {
    let it = items.get(id);
    if (!it) {
      it = { item: { id, type, name: words, names: {}, ref, documentCount: 0, mentionCount: 0, organizations: [] }, entries: [], docs: new Set() };
      items.set(id, it);
    }
    const lang = p.language ?? a.document.language;
    const names = (it.item.names[lang] ??= []);
    if (!names.includes(words)) names.push(words);
    const { stance, words: actionWords } = stanceOf(p);
    it.entries.push({ documentId: a.document.id, workId: a.document.id, organization: a.document.organization, date: a.document.date, language: lang, eId: p.eId, stance, words, actionWords, proposer, start, end });
    it.docs.add(a.document.id);
    if (a.document.organization && !it.item.organizations.includes(a.document.organization)) it.item.organizations.push(a.document.organization);
    it.item.documentCount = it.docs.size;
    it.item.mentionCount = it.entries.length;
  };
  for (const a of all) {
    for (const p of a.paragraphs) {
      for (const e of p.entities) {
        const type = ENTITY_ITEM_TYPE[e.type];
        if (!type) continue;
        add(e.ref ? `${type}:${e.ref}` : `${type}:${tokenize(e.text).join('-')}`, type, e.ref ?? null, a, p, e.text, e.start, e.end, null);
      }
      for (const pr of p.proposals) {
        add(`proposal:${pr.proposer}:${tokenize(pr.text).slice(0, 8).join('-')}`, 'proposal', null, a, p, pr.text, pr.start ?? 0, pr.end ?? 0, pr.proposer);
      }
    }
  }
  for (const it of items.values()) it.entries.sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''));
  return items;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

const MATCH_THRESHOLD = 0.3;
/**
 * Aligns the paragraphs of two documents in order: Needleman–Wunsch maximising the summed
 * word-set similarity of matched pairs above a threshold (gaps cost nothing). O(n·m).
 */
export function diffAnalyses(a: Analysis, sa: DocumentSummary, b: Analysis, sb: DocumentSummary): DocumentDiff {
  const A = a.paragraphs.map((p) => new Set(tokenize(p.text)));
  const B = b.paragraphs.map((p) => new Set(tokenize(p.text)));
  const n = A.length;
  const m = B.length;
  const score: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const sim: Float64Array[] = Array.from({ length: n }, () => new Float64Array(m));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      sim[i][j] = jaccard(A[i], B[j]);
      const match = sim[i][j] >= MATCH_THRESHOLD ? score[i + 1][j + 1] + sim[i][j] : -Infinity;
      score[i][j] = Math.max(match, score[i + 1][j], score[i][j + 1]);
    }
  }
  const side = (p: Paragraph | undefined, which: 'A' | 'B') =>
    p
      ? { [`eId${which}`]: p.eId, [`text${which}`]: p.text, [`commitment${which}`]: p.commitment, [`actions${which}`]: p.actions.map((x) => x.category) }
      : { [`eId${which}`]: null, [`text${which}`]: null, [`commitment${which}`]: null, [`actions${which}`]: [] };
  const paragraphs: ParagraphDiff[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    let pa: Paragraph | undefined;
    let pb: Paragraph | undefined;
    let change: ParagraphDiff['change'];
    let similarity = 0;
    if (i < n && j < m && sim[i][j] >= MATCH_THRESHOLD && score[i][j] === score[i + 1][j + 1] + sim[i][j]) {
      pa = a.paragraphs[i++];
      pb = b.paragraphs[j++];
      change = pa.text === pb.text ? 'same' : 'changed';
      similarity = change === 'same' ? 1 : sim[i - 1][j - 1];
    } else if (i < n && (j >= m || score[i][j] === score[i + 1][j])) {
      pa = a.paragraphs[i++];
      change = 'dropped';
    } else {
      pb = b.paragraphs[j++];
      change = 'added';
    }
    paragraphs.push({ change, method: pa && pb ? 'text' : null, similarity, items: [], ...side(pa, 'A'), ...side(pb, 'B') } as unknown as ParagraphDiff);
  }
  const counts = { same: 0, changed: 0, added: 0, dropped: 0 };
  for (const p of paragraphs) counts[p.change]++;
  return { a: sa, b: sb, sameWork: false, counts, paragraphs };
}
