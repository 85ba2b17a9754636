/**
 * Messages: every email Restock wrote to a customer (and every purchase order it emailed to a supplier), newest
 * first (server-paged; filters by status and type; a search), a chart of the daily volume, and a preview of the
 * chosen one as the customer sees it, with its links listed beside it. Without SMTP this is where emails are read.
 *
 * The preview, and why it is built this way. The dashboard's CSP (src/http/page-headers.ts: style-src 'self',
 * img-src 'self' data:, no inline scripts) is inherited by any frame made from srcdoc or a blob: URL, so an
 * email's inline styles would be refused there (and each refusal logged); loosening the page's policy for one
 * panel is not worth it. Instead:
 *   1. the email is sanitised here with DOMPurify (ops-email.ts): no scripts, handlers, forms, frames or SVG,
 *      no remote images, no `url()` but data:, links without href (listed beside the frame instead);
 *   2. it is drawn in an iframe sandboxed with `allow-scripts` only — no allow-same-origin, so the frame's
 *      origin is opaque and nothing in it can read the dashboard, its storage or the admin key; no forms,
 *      popups, top navigation or downloads either;
 *   3. the one script in that frame is ours (ops-preview-frame.ts, a 'self' file the inherited CSP admits; the
 *      email cannot add one: sanitised, and inline scripts are refused by the same CSP). It applies the email's
 *      styles through the CSSOM, which CSP does not govern, so the email shows faithfully.
 * A frame with neither allow-scripts nor allow-same-origin could show the email only unstyled; one with
 * allow-same-origin would share the dashboard's origin. A server preview route with its own CSP sandbox would
 * need a credential in the frame's URL (frames cannot send the Authorization header).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../app/api.ts';
import { num } from '../app/format.ts';
import { DataTable, type Column, type PageParams } from '../components/DataTable.tsx';
import frameScript from './ops-preview-frame.ts?worker&url';
import { sanitizeEmail } from './ops-email.ts';
import { VolumeChart } from './ops-charts.tsx';
import { Pill, Stamp, useDebounced, useLiveRefresh, type GetOk, type Tone } from './ops-ui.tsx';

type Message = GetOk<'/v1/messages'>['items'][number];

export const MESSAGE_TYPES: Record<string, string> = {
  waitlist_confirm: 'Waitlist confirmation',
  back_in_stock: 'Back in stock',
  hold_expiring: 'Hold ending',
  order_confirmed: 'Order dates',
  order_delayed: 'Delayed',
  order_expedited: 'Sooner than promised',
  order_allocated: 'Shipping',
  preorder_released: 'Pre-order released',
  purchase_order: 'Purchase order to a supplier',
  supply_alert: 'Supply alert to staff',
};
const typeLabel = (t: string): string => MESSAGE_TYPES[t] ?? t.replace(/_/g, ' ');
const STATUS: Record<string, [string, Tone]> = { queued: ['Queued', 'amber'], sending: ['Sending', 'blue'], sent: ['Sent', 'green'], failed: ['Failed', 'red'] };

export default function Messages() {
  const [status, setStatus] = useState('');
  const [type, setType] = useState('');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [params, setParams] = useState<PageParams>({ offset: 0, limit: 25 });
  const [selected, setSelected] = useState<Message | null>(null);
  const types = useQuery({ queryKey: ['event-types'], queryFn: () => unwrap(api.GET('/v1/event-types')), staleTime: Infinity });
  const counts = useQuery({ queryKey: ['messages', 'counts'], queryFn: async () => (await unwrap(api.GET('/v1/messages', { params: { query: { limit: 1 } } }))).counts });
  const c = counts.data ?? {};
  const all = Object.values(c).reduce((a, b) => a + b, 0);
  const noSmtp = (c.sent ?? 0) === 0 && (c.queued ?? 0) > 0;
  const typeOptions = [...new Set([...Object.keys(MESSAGE_TYPES), ...(types.data?.messages ?? [])])];
  const reset = () => setParams((p) => ({ ...p, offset: 0 }));
  // Messages are written in the same transaction as their cause: the cause's event says there is news.
  useLiveRefresh((e) => /^(waitlist|order|message|supply)\./.test(e.type) || e.type === 'inventory.back_in_stock', [['messages']], 250);

  const fetchPage = async (p: PageParams) => {
    const r = await unwrap(
      api.GET('/v1/messages', { params: { query: { limit: p.limit, offset: p.offset, ...(status ? { status } : {}), ...(type ? { type } : {}), ...(q ? { q } : {}) } } }),
    );
    return { items: r.items, total: r.total };
  };

  const columns = useMemo<Array<Column<Message>>>(
    () => [
      {
        id: 'subject',
        header: 'Message',
        cell: (m) => (
          <button type="button" className="message" data-id={m.id} data-type={m.type} aria-pressed={m.id === selected?.id} onClick={() => choose(m)}>
            <span className="message-top">
              <span className="message-to">{m.to}</span>
            </span>
            <span className="message-subject">{m.subject}</span>
          </button>
        ),
      },
      { id: 'type', header: 'Type', cell: (m) => <Pill>{typeLabel(m.type)}</Pill> },
      {
        id: 'status',
        header: 'Status',
        cell: (m) => {
          const [label, tone] = STATUS[m.status] ?? [m.status, 'neutral'];
          return <Pill tone={tone}>{label}</Pill>;
        },
      },
      { id: 'createdAt', header: 'Written', cell: (m) => <Stamp iso={m.createdAt} /> },
    ],
    [selected?.id],
  );

  function choose(m: Message) {
    setSelected(m);
    if (matchMedia('(max-width: 1000px)').matches) requestAnimationFrame(() => document.getElementById('message-preview')?.scrollIntoView({ block: 'start' }));
  }

  return (
    <div className="messages-view ops">
      <div className="section-head">
        <div>
          <h1>Messages</h1>
          <p className="muted">Every email to a customer, newest first.</p>
        </div>
      </div>
      {noSmtp ? <p className="hint-banner">Nothing has been sent by email yet. Without SMTP configured (SMTP_URL), messages stay queued and are read here.</p> : null}
      <MessageVolume />
      <div className="table-tools tools-wrap">
        <div className="chips" role="group" aria-label="Status">
          {[['', 'All', all] as const, ...Object.entries(STATUS).map(([k, [l]]) => [k, l, c[k] ?? 0] as const)].map(([value, label, n]) => (
            <button
              key={value || 'all'}
              type="button"
              className="chip"
              aria-pressed={status === value}
              data-status={value || 'all'}
              onClick={() => {
                setStatus(value);
                reset();
              }}
            >
              {label} <span className="count">{num(n)}</span>
            </button>
          ))}
        </div>
        <label className="visually-hidden" htmlFor="message-type">
          Message type
        </label>
        <select
          id="message-type"
          value={type}
          onChange={(e) => {
            setType(e.target.value);
            reset();
          }}
        >
          <option value="">All types</option>
          {typeOptions.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="message-search">
          Search by recipient or subject
        </label>
        <input
          id="message-search"
          type="search"
          placeholder="Recipient or subject"
          autoComplete="off"
          spellCheck={false}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            reset();
          }}
        />
      </div>
      <div className="message-panes-2">
        <div id="message-list">
          <DataTable
            queryKey={['messages', 'list', status, type, q]}
            fetchPage={fetchPage}
            columns={columns}
            params={params}
            onParams={setParams}
            rowKey={(m) => m.id}
            caption="Messages, newest first"
            empty={status || type || q ? 'No messages match.' : 'No messages yet. Waitlist sign-ups, restocks and orders that wait write them.'}
          />
        </div>
        <section className="panel preview" id="message-preview" aria-label="Message preview" data-id={selected?.id}>
          {selected ? <Preview key={selected.id} m={selected} /> : <p className="preview-empty muted">Choose a message to read it as the customer sees it.</p>}
        </section>
      </div>
    </div>
  );
}

function Preview({ m }: { m: Message }) {
  const [mode, setMode] = useState<'html' | 'text'>('html');
  // The chosen message as it is now (its status moves from queued to sent while it is open).
  const live = useQuery({ queryKey: ['messages', 'one', m.id], queryFn: () => unwrap(api.GET('/v1/messages/{id}', { params: { path: { id: m.id } } })), initialData: m });
  const msg = live.data;
  const clean = useMemo(() => sanitizeEmail(msg.html), [msg.html]);
  const [label, tone] = STATUS[msg.status] ?? [msg.status, 'neutral'];
  return (
    <>
      <div className="preview-head">
        <h2 className="preview-subject">{msg.subject}</h2>
        <dl className="preview-meta">
          <dt>To</dt>
          <dd>{msg.to}</dd>
          <dt>Type</dt>
          <dd>
            {typeLabel(msg.type)} · {msg.locale}
          </dd>
          <dt>Status</dt>
          <dd>
            <Pill tone={tone}>{label}</Pill>
            {msg.attempts ? <span className="muted"> {msg.attempts} {msg.attempts === 1 ? 'attempt' : 'attempts'}</span> : null}
          </dd>
          <dt>Written</dt>
          <dd>
            <Stamp iso={msg.createdAt} />
          </dd>
          {msg.sentAt ? (
            <>
              <dt>Sent</dt>
              <dd>
                <Stamp iso={msg.sentAt} />
              </dd>
            </>
          ) : null}
          {msg.lastError ? (
            <>
              <dt>Last error</dt>
              <dd className="error-text">{msg.lastError}</dd>
            </>
          ) : null}
        </dl>
        <div className="segmented" role="group" aria-label="Show as">
          <button type="button" className="seg" aria-pressed={mode === 'html'} onClick={() => setMode('html')}>
            Email
          </button>
          <button type="button" className="seg" aria-pressed={mode === 'text'} onClick={() => setMode('text')}>
            Plain text
          </button>
        </div>
      </div>
      {mode === 'text' ? (
        <pre className="text-body">{msg.text}</pre>
      ) : (
        <>
          <EmailFrame clean={clean} />
          {clean.removed.length ? (
            <p className="hint preview-removed" role="note">
              Left out of the preview: {clean.removed.join(', ')}.
            </p>
          ) : null}
          <div className="preview-links">
            {clean.links.length ? (
              <>
                <p className="hint">Links are not followed in the preview. They lead to:</p>
                <ul>
                  {clean.links.map((l, n) => (
                    <li key={`${n}-${l.href}`}>
                      <span>{l.text || 'Link'}</span>{' '}
                      <a className="link-url" href={l.href} target="_blank" rel="noopener noreferrer">
                        {l.href}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        </>
      )}
    </>
  );
}

/** The sandboxed frame (see the top comment): it asks for the email when its script is ready, and says its height. */
function EmailFrame({ clean }: { clean: ReturnType<typeof sanitizeEmail> }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(240);
  useEffect(() => {
    const send = () => ref.current?.contentWindow?.postMessage({ type: 'restock-preview', html: clean.html, bodyStyle: clean.bodyStyle, css: clean.css, lang: clean.lang }, '*');
    const onMessage = (e: MessageEvent<unknown>) => {
      if (!ref.current || e.source !== ref.current.contentWindow) return;
      const d = e.data as { type?: unknown; height?: unknown } | null;
      if (d?.type === 'restock-preview-ready') send();
      else if (d?.type === 'restock-preview-size' && typeof d.height === 'number') setHeight(Math.min(1400, Math.max(120, d.height + 2)));
    };
    window.addEventListener('message', onMessage);
    send(); // when the frame was ready before this effect ran
    return () => window.removeEventListener('message', onMessage);
  }, [clean]);
  const srcDoc = `<!doctype html><html><head><meta charset="utf-8"><title>Email preview</title><script src="${frameScript}"></script></head><body></body></html>`;
  return <iframe ref={ref} className="preview-frame" title="Email preview" sandbox="allow-scripts" referrerPolicy="no-referrer" srcDoc={srcDoc} style={{ height }} />;
}

/** Sent and failed emails per day, the last 30 days. */
function MessageVolume() {
  const volume = useQuery({
    queryKey: ['messages', 'volume'],
    queryFn: async () => (await unwrap(api.GET('/v1/messages/volume', { params: { query: { days: 30 } } }))).days,
  });
  return <VolumeChart title="Emails per day" id="message-volume" rows={volume.data} error={volume.error} series={[['sent', 'Sent', '#1f5f4a'], ['failed', 'Failed', '#b42318'], ['queued', 'Queued', '#d9a441']]} />;
}
