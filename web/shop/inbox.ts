/**
 * The demo inbox: the emails Restock wrote to the shopper (order confirmations, "confirm your sign-up", "back in
 * stock", date changes), with their links working — a stand-in for a real mail client while no SMTP server is
 * configured. Messages are customer data, which the publishable storefront key must never read, so this view
 * reads Restock's outbox (`GET /v1/messages?to=…`) with the admin key the operator signs in with (`npm start`
 * keeps it in the demo keys file), for this tab only (session storage, the dashboard's key).
 */
import { createRestockClient, RestockApiError, unwrap, type paths } from 'restock/client';
import { plainWords } from './api.ts';
import { customer } from './cart.ts';
import { $, dateTime, h } from './dom.ts';

type Message = paths['/v1/messages']['get']['responses'][200]['content']['application/json']['items'][number];
const ADMIN_KEY = 'restock.adminKey';
const INBOX_EMAIL = 'restock.inboxEmail';

const admin = createRestockClient({ baseUrl: location.origin, key: () => sessionStorage.getItem(ADMIN_KEY) });

const TYPE_NAMES: Record<string, string> = {
  waitlist_confirm: 'Confirm sign-up',
  back_in_stock: 'Back in stock',
  order_confirmation: 'Order',
};

/** The message's text with its web addresses as links (same tab: they lead back into this shop). */
function linkified(text: string): Array<Node | string> {
  const out: Array<Node | string> = [];
  let at = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s<>"')]+/g)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(h('a', { href: m[0] }, m[0]));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function messageItem(m: Message, open: boolean): HTMLLIElement {
  const body = h('div', { class: 'mail-body', id: `mail-${m.id}` }, h('pre', { class: 'mail-text' }, linkified(m.text)));
  body.hidden = !open;
  const toggle = h('button', { class: 'mail-head', type: 'button', 'aria-expanded': String(open), 'aria-controls': `mail-${m.id}` },
    h('span', { class: 'mail-type' }, TYPE_NAMES[m.type] ?? m.type.replace(/_/g, ' ')),
    h('strong', { class: 'mail-subject' }, m.subject),
    h('span', { class: 'mail-date muted' }, dateTime(m.createdAt)),
  );
  toggle.addEventListener('click', () => {
    body.hidden = !body.hidden;
    toggle.setAttribute('aria-expanded', String(!body.hidden));
  });
  return h('li', { class: 'mail', 'data-type': m.type, 'data-id': m.id }, toggle, body);
}

function refusal(err: unknown): string {
  if (err instanceof RestockApiError && err.status === 403) return 'That key is not an admin key: the outbox needs the admin key.';
  if (err instanceof RestockApiError && err.status === 401) return 'That admin key is not valid or was revoked.';
  return plainWords(err);
}

/** Why the key form is shown again (a key the API refused), once. */
let refused = '';

export async function showInbox(): Promise<void> {
  const view = $('view-inbox');
  document.title = 'Inbox · Restock demo shop';
  const key = sessionStorage.getItem(ADMIN_KEY);
  const email = sessionStorage.getItem(INBOX_EMAIL) || customer().email;

  const intro = h('p', { class: 'muted' }, 'The emails Restock sent you, as a mail client would show them. This demo reads them from Restock’s outbox, which only an operator may read: sign in with the admin key (in the demo keys file that ', h('code', {}, 'npm start'), ' names).');
  if (!key) {
    const input = h('input', { id: 'inbox-key', name: 'key', autocomplete: 'off', spellcheck: 'false', placeholder: 'rk_ad_…', required: true });
    const error = h('p', { class: 'notice', role: 'alert' }, refused);
    refused = '';
    const form = h('form', { class: 'inline-form' }, h('label', { for: 'inbox-key' }, 'Admin key'), input, h('button', { class: 'button primary', type: 'submit' }, 'Open the inbox'), error);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const candidate = input.value.trim();
      if (!candidate) return;
      // Checked before it is kept: a storefront key pasted here would otherwise fail only later, silently.
      const probe = createRestockClient({ baseUrl: location.origin, key: candidate });
      unwrap(probe.GET('/v1/messages', { params: { query: { limit: 1 } } })).then(
        () => {
          sessionStorage.setItem(ADMIN_KEY, candidate);
          void showInbox();
        },
        (err: unknown) => {
          error.textContent = refusal(err);
          input.setAttribute('aria-invalid', 'true');
          input.focus();
        },
      );
    });
    view.replaceChildren(h('div', { class: 'panel inbox' }, h('h1', {}, 'Demo inbox'), intro, form));
    return;
  }

  const address = h('input', { id: 'inbox-email', name: 'email', type: 'email', autocomplete: 'email', value: email, placeholder: 'you@example.com' });
  const list = h('ul', { class: 'mails', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', role: 'status' });
  const signOut = h('button', { class: 'button small ghost', type: 'button' }, 'Forget the admin key');
  signOut.addEventListener('click', () => {
    sessionStorage.removeItem(ADMIN_KEY);
    void showInbox();
  });
  const load = async () => {
    const to = address.value.trim();
    sessionStorage.setItem(INBOX_EMAIL, to);
    if (!to) {
      list.replaceChildren();
      status.textContent = 'Enter the address you used at checkout or for “Notify me”.';
      return;
    }
    status.textContent = 'Loading…';
    try {
      const r = await unwrap(admin.GET('/v1/messages', { params: { query: { to, limit: 50 } } }));
      list.replaceChildren(...r.items.map((m, i) => messageItem(m, i === 0)));
      status.textContent = r.items.length === 0 ? `No emails to ${to} yet.` : `${r.items.length} ${r.items.length === 1 ? 'email' : 'emails'} to ${to}, newest first.`;
    } catch (err) {
      if (err instanceof RestockApiError && (err.status === 401 || err.status === 403)) {
        sessionStorage.removeItem(ADMIN_KEY);
        refused = refusal(err);
        void showInbox();
        return;
      }
      status.textContent = plainWords(err);
    }
  };
  const form = h('form', { class: 'inline-form', role: 'search' }, h('label', { for: 'inbox-email' }, 'Emails to'), address, h('button', { class: 'button', type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load();
  });
  view.replaceChildren(h('div', { class: 'panel inbox' }, h('div', { class: 'inbox-head' }, h('h1', {}, 'Demo inbox'), signOut), intro, form, status, list));
  await load();
}
