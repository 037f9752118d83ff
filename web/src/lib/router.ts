import { useEffect, useState } from 'react';

/**
 * Hash routes: `#/`, `#/doc/<id>`, `#/doc/<id>#para_66` (deep link to a paragraph by eId),
 * `#/dash/<id>`, `#/items`, `#/items/<itemId>`, `#/compare?a=…&b=…`, `#/search?q=…`,
 * `#/upload`, `#/org/<id>`. Hash routing needs no server rewrite rules.
 */
export interface Route {
  page: string;
  /** Path parts after the page name, decoded. */
  args: string[];
  params: URLSearchParams;
  /** The part after a second '#': a paragraph eId. */
  anchor: string | null;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '');
  const anchorAt = h.indexOf('#');
  const main = anchorAt === -1 ? h : h.slice(0, anchorAt);
  const anchor = anchorAt === -1 ? null : decodeURIComponent(h.slice(anchorAt + 1)) || null;
  const [path, query = ''] = main.split('?');
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { page: parts[0] ?? '', args: parts.slice(1), params: new URLSearchParams(query), anchor };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export const href = {
  library: () => '#/',
  doc: (id: string, eId?: string) => `#/doc/${encodeURIComponent(id)}${eId ? `#${encodeURIComponent(eId)}` : ''}`,
  dash: (id: string) => `#/dash/${encodeURIComponent(id)}`,
  items: (id?: string) => (id ? `#/items/${encodeURIComponent(id)}` : '#/items'),
  compare: (a?: string, b?: string) => `#/compare${a || b ? `?${new URLSearchParams({ ...(a ? { a } : {}), ...(b ? { b } : {}) })}` : ''}`,
  search: (q?: Record<string, string>) => `#/search${q && Object.keys(q).length ? `?${new URLSearchParams(q)}` : ''}`,
  upload: () => '#/upload',
  org: (id: string) => `#/org/${encodeURIComponent(id)}`,
};
