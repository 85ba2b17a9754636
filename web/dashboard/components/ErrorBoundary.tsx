/**
 * A page that fails to draw (a bug, or a page's code that no longer loads after an upgrade) shows what
 * happened and a way on, instead of leaving the whole dashboard blank. Keyed by the route, so moving to
 * another page starts afresh.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the console; the page itself says it in words.
    console.warn('dashboard page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const stale = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
    return (
      <section className="panel pad" role="alert">
        <h1>This page could not be shown</h1>
        <p>{stale ? 'The dashboard was updated since this tab opened.' : error.message}</p>
        <p>
          <button type="button" className="button primary" onClick={() => location.reload()}>
            Reload the dashboard
          </button>
        </p>
      </section>
    );
  }
}
