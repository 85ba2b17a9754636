/**
 * Messages: every customer email Restock wrote, newest first, filtered by status, type and recipient, with a
 * preview. Without SMTP this is where emails are read.
 *
 * The preview is a sandboxed iframe (no scripts, no forms, no navigation). The page's Content-Security-Policy
 * also governs the iframe and refuses inline style attributes, so the email is not handed over as HTML: it is
 * parsed inertly (DOMParser), copied element by element through an allowlist, and its inline styles are applied
 * through the CSSOM. Links are shown, not followed: a click in the preview must not confirm or unsubscribe a
 * customer; their addresses are listed under the preview instead.
 */
import { h } from '/shared/api.js';
import { debounce, num, pill, stamp } from './ui.js';

export const MESSAGE_TYPES = {
  waitlist_confirm: 'Waitlist confirmation',
  back_in_stock: 'Back in stock',
  hold_expiring: 'Hold ending',
  order_confirmed: 'Order dates',
  order_delayed: 'Delayed',
  order_expedited: 'Sooner than promised',
  order_allocated: 'Shipping',
  preorder_released: 'Pre-order released',
};
const STATUS = { queued: ['Queued', 'amber'], sending: ['Sending', 'blue'], sent: ['Sent', 'green'], failed: ['Failed', 'red'] };
const PAGE = 50;

const ALLOWED = new Set(['p', 'a', 'b', 'strong', 'em', 'i', 'u', 's', 'small', 'br', 'hr', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'blockquote', 'pre', 'code', 'center', 'section', 'header', 'footer', 'main', 'article']);
const DROPPED = new Set(['script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'link', 'meta', 'base', 'template', 'svg', 'math', 'noscript', 'video', 'audio', 'source', 'title', 'head']);
const ATTRIBUTES = new Set(['title', 'alt', 'colspan', 'rowspan', 'align', 'valign', 'width', 'height', 'lang', 'dir', 'bgcolor', 'border', 'cellpadding', 'cellspacing']);

/**
 * Inline styles travel under another attribute name: even an inert parsed document checks `style` attributes
 * against the page's policy (and reports each one as a violation).
 */
const STYLE = 'data-restock-style';
const hideStyles = (html) => html.replace(/(<[a-z][^<>]*?\s)style(\s*=)/gi, `$1${STYLE}$2`);

/** Copies `node` (from an inert parsed document) into `doc` through the allowlist; collects link targets. */
function cleanCopy(node, doc, links) {
  if (node.nodeType === Node.TEXT_NODE) return doc.createTextNode(node.textContent ?? '');
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const tag = node.localName;
  if (DROPPED.has(tag)) return null;
  const children = () => [...node.childNodes].map((c) => cleanCopy(c, doc, links)).filter(Boolean);
  if (tag === 'img') {
    const alt = node.getAttribute('alt');
    return alt ? doc.createTextNode(`[${alt}]`) : null;
  }
  if (!ALLOWED.has(tag)) {
    const frag = doc.createDocumentFragment();
    frag.append(...children());
    return frag;
  }
  const el = doc.createElement(tag);
  for (const attr of node.attributes) {
    if (ATTRIBUTES.has(attr.name)) el.setAttribute(attr.name, attr.value);
  }
  const style = node.getAttribute(STYLE);
  if (style) el.style.cssText = style;
  if (tag === 'a') {
    const href = node.getAttribute('href') ?? '';
    if (/^(https?:|mailto:)/i.test(href)) {
      el.setAttribute('title', href);
      el.setAttribute('data-href', href);
      links.push({ text: (node.textContent ?? '').trim(), href });
    }
    el.style.cursor = 'default';
  }
  el.append(...children());
  return el;
}

/** The email in a sandboxed iframe; `links` receives the link targets found. */
function previewFrame(html, onLinks) {
  const frame = h('iframe', { class: 'preview-frame', sandbox: 'allow-same-origin', title: 'Email preview', referrerpolicy: 'no-referrer', srcdoc: '<!doctype html><meta charset="utf-8"><title>Email preview</title>' });
  frame.addEventListener('load', () => {
    const doc = frame.contentDocument;
    if (!doc) return;
    const parsed = new DOMParser().parseFromString(hideStyles(html), 'text/html');
    const links = [];
    doc.documentElement.lang = parsed.documentElement.getAttribute('lang') || 'en';
    doc.body.style.cssText = 'margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#fff';
    const bodyStyle = parsed.body.getAttribute(STYLE);
    if (bodyStyle) doc.body.style.cssText += `;${bodyStyle}`;
    doc.body.replaceChildren(...[...parsed.body.childNodes].map((c) => cleanCopy(c, doc, links)).filter(Boolean));
    onLinks(links);
    const fit = () => {
      // Measured at a tiny height: a document is never shorter than its frame.
      frame.style.height = '1px';
      frame.style.height = `${Math.min(900, Math.max(120, doc.documentElement.scrollHeight + 2))}px`;
    };
    fit();
    requestAnimationFrame(fit);
  }, { once: true });
  return frame;
}

export function messagesView(ctx) {
  const state = {
    items: /** @type {Array<object>} */ ([]),
    counts: /** @type {Record<string, number>} */ ({}),
    status: '',
    type: '',
    to: '',
    selected: '',
    more: false,
    mode: 'html',
  };

  const statusChips = h('div', { class: 'chips', role: 'group', 'aria-label': 'Status' });
  const typeSelect = h('select', { id: 'message-type', 'aria-label': 'Message type' }, h('option', { value: '' }, 'All types'), Object.entries(MESSAGE_TYPES).map(([v, l]) => h('option', { value: v }, l)));
  const toInput = h('input', { id: 'message-to', type: 'search', placeholder: 'Recipient email', autocomplete: 'off', spellcheck: 'false' });
  const list = h('ol', { class: 'message-list', id: 'message-list', 'aria-label': 'Messages, newest first' });
  const listError = h('p', { class: 'notice', role: 'alert' });
  const more = h('button', { class: 'button small', type: 'button', hidden: true }, 'Load older');
  const hint = h('p', { class: 'hint-banner', hidden: true });
  const preview = h('section', { class: 'panel preview', id: 'message-preview', 'aria-label': 'Message preview' });

  typeSelect.addEventListener('change', () => {
    state.type = typeSelect.value;
    void load();
  });
  toInput.addEventListener('input', debounce(() => {
    state.to = toInput.value.trim();
    if (!state.to || /.+@.+/.test(state.to)) void load();
  }, 300));
  more.addEventListener('click', () => void load(true));

  const el = h(
    'div',
    { class: 'messages-view' },
    h('div', { class: 'section-head' },
      h('div', {}, h('h1', {}, 'Messages'), h('p', { class: 'muted' }, 'Every email to a customer, newest first.')),
      h('button', { class: 'button small', type: 'button', onclick: () => void load() }, 'Refresh'),
    ),
    hint,
    h('div', { class: 'table-tools tools-wrap' }, statusChips, typeSelect, h('label', { class: 'visually-hidden', for: 'message-to' }, 'Recipient'), toInput),
    listError,
    h('div', { class: 'message-panes' },
      h('div', { class: 'panel message-list-wrap' }, list, h('div', { class: 'list-end' }, more)),
      preview,
    ),
  );
  renderPreview(null);

  function renderChips() {
    const total = Object.values(state.counts).reduce((a, b) => a + b, 0);
    const chip = (value, label, n) => {
      const b = h('button', { type: 'button', class: 'chip', 'aria-pressed': String(state.status === value), 'data-status': value || 'all' }, label, h('span', { class: 'count' }, num(n)));
      b.addEventListener('click', () => {
        state.status = value;
        renderChips();
        void load();
      });
      return b;
    };
    statusChips.replaceChildren(chip('', 'All', total), ...Object.entries(STATUS).map(([k, [label]]) => chip(k, label, state.counts[k] ?? 0)));
    const queued = state.counts.queued ?? 0;
    hint.hidden = !((state.counts.sent ?? 0) === 0 && queued > 0);
    hint.textContent = 'Nothing has been sent by email yet. Without SMTP configured (SMTP_URL), messages stay queued and are read here.';
  }

  let request = 0;
  async function load(older = false) {
    const id = ++request;
    const q = new URLSearchParams({ limit: String(PAGE) });
    if (state.status) q.set('status', state.status);
    if (state.type) q.set('type', state.type);
    if (state.to) q.set('to', state.to);
    if (older && state.items.length) q.set('before', state.items[state.items.length - 1].id);
    try {
      const r = await ctx.api.get(`/v1/messages?${q}`);
      if (id !== request) return;
      listError.textContent = '';
      state.counts = r.counts;
      state.items = older ? [...state.items, ...r.items] : r.items;
      state.more = r.items.length === PAGE;
      ctx.setCount('messages', r.counts.queued ?? 0);
      renderChips();
      renderList();
      const chosen = state.items.find((m) => m.id === state.selected);
      if (chosen && !older) renderPreview(chosen, true);
      else if (!state.selected && state.items[0]) choose(state.items[0]);
    } catch (err) {
      if (id === request && !ctx.onAuthFailure(err)) listError.textContent = ctx.words(err);
    }
  }

  function renderList() {
    more.hidden = !state.more;
    if (state.items.length === 0) {
      list.replaceChildren(h('li', { class: 'table-empty muted' }, state.status || state.type || state.to ? 'No messages match.' : 'No messages yet. Waitlist sign-ups, restocks and orders that wait write them.'));
      return;
    }
    list.replaceChildren(
      ...state.items.map((m) => {
        const [label, tone] = STATUS[m.status] ?? [m.status, 'neutral'];
        const b = h(
          'button',
          { type: 'button', class: 'message', 'aria-pressed': String(m.id === state.selected), 'data-id': m.id, 'data-type': m.type },
          h('span', { class: 'message-top' }, h('span', { class: 'message-to' }, m.to), stamp(m.createdAt)),
          h('span', { class: 'message-subject' }, m.subject),
          h('span', { class: 'message-meta' }, pill(MESSAGE_TYPES[m.type] ?? m.type, 'neutral'), pill(label, tone), m.sku ? h('code', { class: 'sku-code' }, m.sku) : null),
        );
        b.addEventListener('click', () => choose(m));
        return h('li', {}, b);
      }),
    );
  }

  function choose(m) {
    state.selected = m.id;
    for (const x of list.querySelectorAll('button.message')) x.setAttribute('aria-pressed', String(x.getAttribute('data-id') === m.id));
    renderPreview(m);
  }

  function renderPreview(m, quiet = false) {
    if (!m) {
      preview.replaceChildren(h('div', { class: 'preview-empty muted' }, h('p', {}, 'Choose a message to read it as the customer sees it.')));
      return;
    }
    if (quiet && preview.getAttribute('data-id') === m.id && preview.getAttribute('data-status') === m.status) return;
    preview.setAttribute('data-id', m.id);
    preview.setAttribute('data-status', m.status);
    const [label, tone] = STATUS[m.status] ?? [m.status, 'neutral'];
    const links = h('div', { class: 'preview-links' });
    const body = h('div', { class: 'preview-body' });
    const tabs = {
      html: h('button', { type: 'button', class: 'seg', 'aria-pressed': String(state.mode === 'html') }, 'Email'),
      text: h('button', { type: 'button', class: 'seg', 'aria-pressed': String(state.mode === 'text') }, 'Plain text'),
    };
    const draw = () => {
      tabs.html.setAttribute('aria-pressed', String(state.mode === 'html'));
      tabs.text.setAttribute('aria-pressed', String(state.mode === 'text'));
      if (state.mode === 'text') {
        body.replaceChildren(h('pre', { class: 'text-body' }, m.text));
        links.replaceChildren();
        return;
      }
      body.replaceChildren(previewFrame(m.html, (found) => {
        links.replaceChildren(
          ...(found.length
            ? [h('p', { class: 'hint' }, 'Links are not followed in the preview. They lead to:'), h('ul', {}, found.map((l) => h('li', {}, h('span', {}, l.text || 'Link'), ' ', h('code', { class: 'link-url' }, l.href))))]
            : []),
        );
      }));
    };
    tabs.html.addEventListener('click', () => {
      state.mode = 'html';
      draw();
    });
    tabs.text.addEventListener('click', () => {
      state.mode = 'text';
      draw();
    });
    const meta = (k, v) => [h('dt', {}, k), h('dd', {}, v)];
    preview.replaceChildren(
      h('div', { class: 'preview-head' },
        h('h2', { class: 'preview-subject' }, m.subject),
        h('dl', { class: 'preview-meta' },
          meta('To', m.to),
          meta('Type', `${MESSAGE_TYPES[m.type] ?? m.type} · ${m.locale}`),
          meta('Status', [pill(label, tone), m.attempts ? h('span', { class: 'muted' }, ` ${m.attempts} ${m.attempts === 1 ? 'attempt' : 'attempts'}`) : null]),
          meta('Created', stamp(m.createdAt)),
          m.sentAt ? meta('Sent', stamp(m.sentAt)) : null,
          m.lastError ? meta('Last error', h('span', { class: 'error-text' }, m.lastError)) : null,
        ),
        h('div', { class: 'segmented', role: 'group', 'aria-label': 'Show as' }, tabs.html, tabs.text),
      ),
      body,
      links,
    );
    draw();
  }

  const refreshSoon = debounce(() => void load(), 250);
  return {
    el,
    show: () => load(),
    prime: () => load(),
    onEvent(event) {
      // Messages are written in the same transaction as their cause: the cause's event says there is news.
      if (/^(waitlist|order|message)\./.test(event.type) || event.type === 'inventory.back_in_stock') {
        refreshSoon();
      }
    },
  };
}
