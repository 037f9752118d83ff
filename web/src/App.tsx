import { lazy, Suspense } from 'react';
import { href, useRoute } from './lib/router.js';
import { Library } from './pages/Library.js';
import { Reader } from './pages/Reader.js';
import { SearchPage } from './pages/Search.js';
import { ItemsPage } from './pages/Items.js';
import { ComparePage } from './pages/Compare.js';
import { UploadPage } from './pages/Upload.js';

// The dashboard pulls in echarts and the world map: loaded only when opened.
const Dashboard = lazy(() => import('./pages/Dashboard.js').then((m) => ({ default: m.Dashboard })));

// Helper "org"'s organisation page (web/src/org), loaded when opened.
const OrgPage = lazy(() => import('./org/OrgPage.js').then((m) => ({ default: m.OrgPage })));

const NAV = [
  { page: '', label: 'Library', to: href.library() },
  { page: 'search', label: 'Search', to: href.search() },
  { page: 'items', label: 'Items', to: href.items() },
  { page: 'compare', label: 'Compare', to: href.compare() },
  { page: 'upload', label: 'Upload', to: href.upload() },
];

export function App() {
  const route = useRoute();
  let body;
  switch (route.page) {
    case 'doc':
      body = <Reader id={route.args[0] ?? ''} anchor={route.anchor} />;
      break;
    case 'dash':
      body = <Dashboard id={route.args[0] ?? ''} />;
      break;
    case 'search':
      body = <SearchPage params={route.params} />;
      break;
    case 'items':
      body = <ItemsPage itemId={route.args[0] ?? null} />;
      break;
    case 'compare':
      body = <ComparePage a={route.params.get('a') ?? ''} b={route.params.get('b') ?? ''} />;
      break;
    case 'upload':
      body = <UploadPage />;
      break;
    case 'org':
      body = <OrgPage id={route.args[0] ?? ''} />;
      break;
    default:
      body = <Library />;
  }
  return (
    <div className="app">
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href={href.library()}>Concord</a>
        <nav aria-label="Main">
          {NAV.map((n) => (
            <a key={n.label} href={n.to} aria-current={route.page === n.page ? 'page' : undefined}>
              {n.label}
            </a>
          ))}
          <a href="/api/docs" target="_blank" rel="noreferrer">API</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="notice">Loading…</p>}>{body}</Suspense>
      </main>
    </div>
  );
}
