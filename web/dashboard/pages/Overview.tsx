/**
 * The landing page: what needs the operator now. Out of stock, at risk, waitlist demand and late inbound, each
 * a card with the first items and a link to the whole list; the counts come from one request (GET
 * /v1/overview), not from paging through the catalogue. Beside them, the live event feed.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { ReactNode } from 'react';
import { errorText } from '../app/api.ts';
import { overviewQuery } from '../app/queries.ts';
import { clearRecentEvents, eventSummary, eventTitle, useConnection, useRecentEvents } from '../app/events.ts';
import { calendarDate, dateTime, num, relativeDays, statusLabel } from '../app/format.ts';
import { AVAILABILITY_STATUSES } from '../app/types.ts';
import { SkuLink, useTitle } from '../components/ui.tsx';


export default function Overview() {
  useTitle('Overview');
  const q = useQuery(overviewQuery);
  const o = q.data;
  return (
    <div className="page overview">
      <div className="section-head">
        <div>
          <h1>Overview</h1>
          <p className="muted" aria-live="polite">
            {o ? `${num(o.counts.products)} products · what needs you now` : q.isError ? '' : 'Loading…'}
          </p>
        </div>
      </div>
      {q.isError ? (
        <p className="notice" role="alert">
          {errorText(q.error)}
        </p>
      ) : null}
      {o ? (
        <nav className="status-strip" aria-label="Products by status">
          {AVAILABILITY_STATUSES.map((s) => (
            <Link key={s} className={`tile s-${s}`} href={`/stock?status=${s}`}>
              <span className="tile-count tabular">{num(o.counts.byStatus[s] ?? 0)}</span>
              <span className="tile-label">{statusLabel(s)}</span>
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="overview-grid">
        <div className="cards">
          <Card
            id="out-of-stock"
            title="Out of stock now"
            tone="s-out_of_stock"
            total={o?.outOfStock.total}
            more={{ href: '/stock?status=out_of_stock', label: 'All out-of-stock products' }}
            empty="Nothing is out of stock."
            loading={!o}
          >
            {o?.outOfStock.items.map((i) => (
              <li key={i.sku}>
                <div className="card-row">
                  <SkuLink sku={i.sku} />
                  <span className="card-title">{i.title}</span>
                </div>
                <div className="card-meta muted">
                  {i.since ? <span title={dateTime(i.since)}>since {relativeDays(i.since)}</span> : null}
                  {i.waiting > 0 ? <span>{num(i.waiting)} waiting</span> : null}
                  {i.backordered > 0 ? <span>{num(i.backordered)} backordered</span> : null}
                </div>
              </li>
            ))}
          </Card>
          <Card
            id="at-risk"
            title="At risk"
            tone="s-low_stock"
            total={o?.atRisk.total}
            more={{ href: '/stock?status=low_stock', label: 'All low-stock products' }}
            empty="Nothing is running low."
            loading={!o}
          >
            {o?.atRisk.items.map((i) => (
              <li key={i.sku}>
                <div className="card-row">
                  <SkuLink sku={i.sku} />
                  <span className="card-title">{i.title}</span>
                </div>
                <div className="card-meta muted">
                  <span>
                    {num(i.availableToSell)} left (alert at {num(i.lowStockThreshold)})
                  </span>
                  {i.daysOfCover !== null ? <span>{i.daysOfCover < 1 ? 'under a day' : `${num(Math.round(i.daysOfCover))} days`} of cover</span> : null}
                </div>
              </li>
            ))}
          </Card>
          <Card
            id="waitlist-demand"
            title="Waitlist demand"
            tone="s-preorder"
            total={o?.waitlistDemand.total}
            more={{ href: '/waitlists', label: 'All waitlists' }}
            empty="No one is waiting for a product."
            loading={!o}
          >
            {o?.waitlistDemand.items.map((i) => (
              <li key={i.sku}>
                <div className="card-row">
                  <SkuLink sku={i.sku} />
                  <span className="card-title">{i.title}</span>
                </div>
                <div className="card-meta muted">
                  <span>
                    {num(i.people)} {i.people === 1 ? 'person' : 'people'} · {num(i.units)} {i.units === 1 ? 'unit' : 'units'}
                  </span>
                </div>
              </li>
            ))}
          </Card>
          <Card
            id="late-inbound"
            title="Late inbound"
            tone="s-backorder"
            total={o?.lateInbound.total}
            more={{ href: '/orders?inbound=late', label: 'All late inbound' }}
            empty="No delivery is overdue."
            loading={!o}
          >
            {o?.lateInbound.items.map((i) => (
              <li key={i.id}>
                <div className="card-row">
                  <SkuLink sku={i.sku} />
                  <span className="card-title">{i.title}</span>
                </div>
                <div className="card-meta muted">
                  <span>{num(i.quantity)} units</span>
                  <span>
                    expected {calendarDate(i.expectedAt)} · {num(i.daysLate)} {i.daysLate === 1 ? 'day' : 'days'} late
                  </span>
                </div>
              </li>
            ))}
          </Card>
          {o ? (
            <section className="panel card small-card" aria-labelledby="ov-messages">
              <h2 id="ov-messages">
                <Link href="/messages">Messages</Link>
              </h2>
              <p>
                <strong className="tabular">{num(o.messages.queued)}</strong> queued
                {o.messages.failedLast24h > 0 ? (
                  <>
                    {' · '}
                    <strong className="error-text tabular">{num(o.messages.failedLast24h)}</strong> failed in the last 24 hours
                  </>
                ) : null}
              </p>
            </section>
          ) : null}
          {o ? (
            <section className="panel card small-card" aria-labelledby="ov-webhooks">
              <h2 id="ov-webhooks">
                <Link href="/webhooks">Webhooks</Link>
              </h2>
              <p>
                <strong className="tabular">{num(o.webhooks.endpoints)}</strong> active {o.webhooks.endpoints === 1 ? 'endpoint' : 'endpoints'}
                {o.webhooks.failing > 0 ? (
                  <>
                    {' · '}
                    <strong className="error-text tabular">{num(o.webhooks.failing)}</strong> failing
                  </>
                ) : null}
              </p>
            </section>
          ) : null}
        </div>
        <LiveFeed />
      </div>
    </div>
  );
}

function Card({
  id,
  title,
  tone,
  total,
  more,
  empty,
  loading,
  children,
}: {
  id: string;
  title: string;
  tone: string;
  total: number | undefined;
  more: { href: string; label: string };
  empty: string;
  loading: boolean;
  children: ReactNode;
}) {
  const shown = Array.isArray(children) ? children.length : 0;
  return (
    <section className={`panel card ${tone}`} aria-labelledby={`${id}-title`} data-card={id}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <span className={`card-count tabular${total === 0 ? ' zero' : ''}`} aria-label={total === undefined ? undefined : `${total} in all`}>
          {total === undefined ? '…' : num(total)}
        </span>
      </div>
      {loading ? (
        <p className="muted">Loading…</p>
      ) : total === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="card-list">{children}</ul>
      )}
      {total !== undefined && total > 0 ? (
        <Link className="card-more" href={more.href}>
          {total > shown ? `${more.label} (${num(total)})` : more.label} →
        </Link>
      ) : null}
    </section>
  );
}

export function LiveFeed() {
  const events = useRecentEvents();
  const connection = useConnection();
  return (
    <section className="panel feed" aria-labelledby="feed-title">
      <div className="section-head">
        <h2 id="feed-title">Live events</h2>
        <button className="button small ghost" type="button" onClick={clearRecentEvents} disabled={events.length === 0}>
          Clear
        </button>
      </div>
      {events.length === 0 ? (
        <p className="muted feed-empty">{connection === 'live' ? 'Waiting for events… change some stock and it shows up here.' : 'Connecting to the event stream…'}</p>
      ) : (
        <ol className="events" id="events" aria-live="polite" aria-relevant="additions">
          {events.map((e) => {
            const type = String(e.type);
            const short = type.replace(/^inventory\./, '').replace(/[^a-z_]/g, '');
            return (
              <li className="event" key={String(e.id)} data-type={type}>
                <div className="event-head">
                  <span className={`event-type t-${short} g-${type.split('.')[0] ?? ''}`}>{eventTitle(e)}</span>
                  {e.sku ? <SkuLink sku={e.sku} /> : null}
                  <time dateTime={e.createdAt} className="muted tabular">
                    {dateTime(e.createdAt)}
                  </time>
                </div>
                <p className="event-body">{eventSummary(e)}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

