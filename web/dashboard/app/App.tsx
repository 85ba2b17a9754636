/**
 * The dashboard's frame: sign-in, the top bar with the live connection, the sections, and the routes.
 * Routes (under /dashboard): / overview · /stock · /skus/:sku · /orders · /waitlists · /messages · /webhooks ·
 * /suppliers · /suppliers/:id · /purchase-orders · /purchase-orders/:id · /locations · /settings. Each page is its own module in pages/.
 */
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { useAuth } from './auth.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { useQuery } from '@tanstack/react-query';
import { useConnection, useEventStream } from './events.ts';
import { num } from './format.ts';
import { overviewQuery } from './queries.ts';

const Overview = lazy(() => import('../pages/Overview.tsx'));
const Stock = lazy(() => import('../pages/Stock.tsx'));
const Sku = lazy(() => import('../pages/Sku.tsx'));
const Orders = lazy(() => import('../pages/Orders.tsx'));
const Waitlists = lazy(() => import('../pages/Waitlists.tsx'));
const Messages = lazy(() => import('../pages/Messages.tsx'));
const Webhooks = lazy(() => import('../pages/Webhooks.tsx'));
const Locations = lazy(() => import('../pages/Locations.tsx'));
const Settings = lazy(() => import('../pages/Settings.tsx'));
const Suppliers = lazy(() => import('../pages/Suppliers.tsx'));
const Supplier = lazy(() => import('../pages/Supplier.tsx'));
const PurchaseOrders = lazy(() => import('../pages/PurchaseOrders.tsx'));
const PurchaseOrder = lazy(() => import('../pages/PurchaseOrder.tsx'));

export const SECTIONS: Array<{ path: string; label: string }> = [
  { path: '/', label: 'Overview' },
  { path: '/stock', label: 'Stock' },
  { path: '/orders', label: 'Backorders & pre-orders' },
  { path: '/purchase-orders', label: 'Purchase orders' },
  { path: '/suppliers', label: 'Suppliers' },
  { path: '/waitlists', label: 'Waitlists' },
  { path: '/messages', label: 'Messages' },
  { path: '/webhooks', label: 'Webhooks' },
  { path: '/locations', label: 'Locations' },
  { path: '/settings', label: 'Settings' },
];

export function App() {
  const { state } = useAuth();
  if (state.kind !== 'signed-in') return <SignIn />;
  return <Shell />;
}

function Shell() {
  const { signOut } = useAuth();
  const [location] = useLocation();
  useEventStream();
  const connection = useConnection();
  const overview = useQuery(overviewQuery);
  // What waits in a section, beside its name (as the old tabs had it).
  const badges: Record<string, { n: number; label: string } | undefined> = overview.data
    ? {
        '/messages': { n: overview.data.messages.queued, label: 'queued' },
        '/webhooks': { n: overview.data.webhooks.failing, label: 'failing' },
        '/waitlists': { n: overview.data.waitlistDemand.total, label: 'products with a waitlist' },
      }
    : {};
  // A new page starts at its top (a tapped row on a phone opens the SKU, not the middle of a long page).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location]);
  const section = (path: string) => (path === '/' ? location === '/' : location === path || location.startsWith(`${path}/`));
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-row">
          <Link className="brand" href="/">
            <span className="brand-mark" aria-hidden="true" />
            <span>
              Restock <small>operations</small>
            </span>
          </Link>
          <div className="topbar-end">
            <span className="connection" data-state={connection} role="status" aria-live="polite">
              {connection === 'live' ? 'Live' : connection === 'retrying' ? 'Reconnecting…' : connection === 'connecting' ? 'Connecting…' : 'Offline'}
            </span>
            <a className="button small ghost" href="/docs">
              API docs
            </a>
            <button className="button small" type="button" onClick={signOut}>
              Sign out
            </button>
          </div>
        </div>
        <nav className="tabs" aria-label="Sections">
          {SECTIONS.map((s) => (
            <Link key={s.path} href={s.path} aria-current={section(s.path) ? 'page' : undefined}>
              {s.label}
              {badges[s.path] && (badges[s.path]?.n ?? 0) > 0 ? (
                <span className="tab-count">
                  {num(badges[s.path]?.n ?? 0)}
                  <span className="visually-hidden"> {badges[s.path]?.label}</span>
                </span>
              ) : null}
            </Link>
          ))}
        </nav>
      </header>
      <main id="main" className="main">
        <ErrorBoundary key={location}>
          <Suspense fallback={<p className="muted loading">Loading…</p>}>
            <Switch>
              <Route path="/" component={Overview} />
              <Route path="/stock" component={Stock} />
              <Route path="/skus/:sku">{(p) => <Sku sku={decodeURIComponent(p.sku)} />}</Route>
              <Route path="/orders" component={Orders} />
              <Route path="/waitlists" component={Waitlists} />
              <Route path="/messages" component={Messages} />
              <Route path="/webhooks" component={Webhooks} />
              <Route path="/suppliers" component={Suppliers} />
              <Route path="/suppliers/:id">{(p) => <Supplier id={decodeURIComponent(p.id)} />}</Route>
              <Route path="/purchase-orders" component={PurchaseOrders} />
              <Route path="/purchase-orders/:id">{(p) => <PurchaseOrder id={decodeURIComponent(p.id)} />}</Route>
              <Route path="/locations" component={Locations} />
              <Route path="/settings" component={Settings} />
              <Route>
                <section className="panel">
                  <h1>Not found</h1>
                  <p>
                    There is no such page. <Link href="/">Back to the overview</Link>.
                  </p>
                </section>
              </Route>
            </Switch>
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}

function SignIn() {
  const { state, signIn } = useAuth();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const key = String(new FormData(e.currentTarget).get('key') ?? '');
    setBusy(true);
    setError('');
    try {
      await signIn(key);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    document.title = 'Sign in · Restock';
  }, []);
  const notice = state.kind === 'signed-out' && state.reason !== 'none' ? (state.reason === 'signed-out' ? 'You are signed out.' : state.message) : null;
  return (
    <>
      <header className="topbar">
        <div className="topbar-row">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span>
              Restock <small>operations</small>
            </span>
          </span>
          <div className="topbar-end">
            <span className="connection" data-state="off">
              Signed out
            </span>
            <a className="button small ghost" href="/docs">
              API docs
            </a>
          </div>
        </div>
      </header>
      <main id="main" className="main">
        <section className="signin panel" aria-labelledby="signin-title">
          <h1 id="signin-title">Sign in</h1>
          {notice ? (
            <p className="notice" role="status" data-reason={state.kind === 'signed-out' ? state.reason : undefined}>
              {notice}
            </p>
          ) : null}
          <p className="muted">
            Paste an <strong>admin</strong> API key. It is kept in this browser tab only and sent in the Authorization header, never in a URL.
          </p>
          <form className="signin-form" onSubmit={(e) => void submit(e)}>
            <label htmlFor="admin-key">Admin API key</label>
            <input id="admin-key" name="key" type="password" autoComplete="off" spellCheck={false} required placeholder="rk_ad_…" />
            {error ? (
              <p className="error" role="alert">
                {error}
              </p>
            ) : null}
            <button className="button primary" type="submit" disabled={busy}>
              {busy ? 'Checking…' : 'Sign in'}
            </button>
          </form>
          <p className="muted small">
            No key yet? <code>npm run restock -- keys create --scope admin</code>, or use the admin key that <code>npm start</code> prints.
          </p>
        </section>
      </main>
    </>
  );
}
