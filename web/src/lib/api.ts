import type { Analysis } from '../../../src/types.js';

export type { Analysis, Paragraph, Entity, Action, Proposal, Subject } from '../../../src/types.js';

/** Thin typed client of the /api routes. Errors carry the server's problem+json detail. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string) {
    super(`${title}: ${detail}`);
  }
}

async function parseError(res: Response): Promise<ApiError> {
  try {
    const p = (await res.json()) as { title?: string; detail?: string };
    return new ApiError(res.status, p.title ?? res.statusText, p.detail ?? '');
  } catch {
    return new ApiError(res.status, res.statusText, '');
  }
}

export async function getJson<T>(path: string, params?: Record<string, string | number | boolean | undefined>): Promise<T> {
  const qs = params
    ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString()
    : '';
  const res = await fetch(`/api${path}${qs ? `?${qs}` : ''}`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw await parseError(res);
  return (await res.json()) as T;
}

export interface DocumentSummary {
  id: string;
  workId?: string;
  title: string | null;
  organization: string | null;
  date: string | null;
  place: string | null;
  language: string;
  source: string | null;
  paragraphCount: number;
  counts?: { actions: number; entities: number; commitments: number; proposals: number; states: number };
}

export interface Meta {
  store: string;
  maxUploadBytes: number;
  uploadFormats: string[];
  exportFormats: string[];
  topics: Array<{ id: string; label: string }>;
  org: boolean;
}

export interface Span {
  start: number;
  end: number;
}

export interface SearchHit {
  documentId: string;
  eId: string;
  n: number;
  title: string | null;
  organization: string | null;
  date: string | null;
  language: string;
  passage: { text: string; highlights: Span[] };
  score: number;
}

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
  facets: Record<string, Record<string, number>>;
}

export interface Item {
  id: string;
  type: string;
  name: string;
  ref: string | null;
  documentCount: number;
  mentionCount: number;
  organizations: string[];
}

export interface TimelineEntry {
  documentId: string;
  organization: string | null;
  date: string | null;
  language: string;
  eId: string;
  stance: string;
  words: string;
  actionWords: string | null;
  proposer: string | null;
}

export interface ParagraphDiff {
  change: 'same' | 'changed' | 'added' | 'dropped';
  eIdA: string | null;
  eIdB: string | null;
  textA: string | null;
  textB: string | null;
  similarity: number;
  commitmentA: boolean | null;
  commitmentB: boolean | null;
  actionsA: string[];
  actionsB: string[];
  items: Array<{ itemId: string; name: string; stanceA: string | null; stanceB: string | null }>;
}

export interface DocumentDiff {
  a: DocumentSummary;
  b: DocumentSummary;
  sameWork: boolean;
  counts: Record<string, number>;
  paragraphs: ParagraphDiff[];
}

export const api = {
  meta: () => getJson<Meta>('/meta'),
  documents: (f: { org?: string; year?: string; lang?: string } = {}) => getJson<{ documents: DocumentSummary[] }>('/documents', f),
  document: (id: string) => getJson<Analysis>(`/documents/${encodeURIComponent(id)}`),
  search: (q: Record<string, string | undefined>) => getJson<SearchResult>('/search', q),
  items: (f: { type?: string; q?: string } = {}) => getJson<{ items: Item[] }>('/items', f),
  item: (id: string) => getJson<{ item: Item; entries: TimelineEntry[] }>(`/items/${encodeURIComponent(id)}`),
  diff: (a: string, b: string) => getJson<DocumentDiff>('/diff', { a, b }),
};

/**
 * Uploads one file with progress (XMLHttpRequest: fetch has no upload progress events).
 * Resolves with the stored document id; rejects with an ApiError holding the server's message.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<{ id: string; status: string; paragraphs: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: { id?: string; status?: string; paragraphs?: number; title?: string; detail?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: reported below */
      }
      if (xhr.status === 201 && body.id) resolve({ id: body.id, status: body.status ?? 'imported', paragraphs: body.paragraphs ?? 0 });
      else reject(new ApiError(xhr.status, body.title ?? `HTTP ${xhr.status}`, body.detail ?? xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'Network error', 'the server could not be reached'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
