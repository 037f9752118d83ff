import { ApiError } from '../lib/api.js';

/** Loading and error lines shared by every page (errors show the server's problem detail as text). */
export function Loading({ what }: { what: string }) {
  return <p className="notice" role="status">Loading {what}…</p>;
}

export function ErrorLine({ error }: { error: unknown }) {
  const e = error as Error;
  const text = e instanceof ApiError ? `${e.title}${e.detail ? `: ${e.detail}` : ''}` : (e?.message ?? String(error));
  return <p className="error" role="alert">{text}</p>;
}
