/**
 * Webhooks: the shop's endpoints (pause, resume), a form to register one with an event picker (its signing
 * secret is shown once), and one endpoint's deliveries with their status, last answer and next attempt, and a
 * button to send one again. Below them, the events reactors parked (reactors.js).
 */
import { h } from '/shared/api.js';
import { debounce, field, num, pill, run, say, stamp, table } from './ui.js';
import { reactorsPanel } from './reactors.js';

/** The event types an endpoint may subscribe to (kept in step with the modules' lists; GET /v1/event-types has them all). */
export const EVENT_GROUPS = [
  { prefix: 'inventory', label: 'Inventory', types: ['inventory.availability_changed', 'inventory.low_stock', 'inventory.out_of_stock', 'inventory.back_in_stock'] },
  { prefix: 'order', label: 'Orders', types: ['order.created', 'order.line_allocated', 'order.line_delayed', 'order.line_expedited', 'order.line_cancelled', 'order.preorder_released'] },
  { prefix: 'waitlist', label: 'Waitlists', types: ['waitlist.subscribed', 'waitlist.confirmed', 'waitlist.notified', 'waitlist.unsubscribed', 'waitlist.converted'] },
  { prefix: 'message', label: 'Messages', types: ['message.failed'] },
];
const DELIVERY = { pending: ['Pending', 'amber'], delivered: ['Delivered', 'green'], dead: ['Dead', 'red'] };

export function webhooksView(ctx) {
  const state = { hooks: /** @type {Array<object>} */ ([]), selected: '', status: '' };

  const list = h('div', { class: 'hooks', id: 'webhook-list' });
  const listError = h('p', { class: 'notice', role: 'alert' });
  const deliveries = h('section', { class: 'panel pad deliveries', id: 'deliveries', 'aria-labelledby': 'deliveries-title' });
  const created = h('div', { class: 'secret-box', id: 'webhook-secret', hidden: true, role: 'status' });
  const parked = reactorsPanel(ctx);

  // ---- create form with the event picker
  const url = h('input', { id: 'webhook-url', type: 'url', required: true, placeholder: 'https://shop.example.com/hooks/restock', autocomplete: 'off', spellcheck: 'false' });
  const description = h('input', { id: 'webhook-description', maxlength: '500', placeholder: 'ERP sync' });
  const everything = h('input', { type: 'checkbox', id: 'ev-all', value: '*' });
  const picker = h('fieldset', { class: 'event-picker', id: 'event-picker' },
    h('legend', {}, 'Events'),
    h('label', { class: 'check strong', for: 'ev-all' }, everything, h('span', {}, 'Every event ', h('code', {}, '*'))),
    h('div', { class: 'event-groups' },
      EVENT_GROUPS.map((g) => {
        const all = h('input', { type: 'checkbox', id: `ev-${g.prefix}-all`, value: `${g.prefix}.*`, class: 'group-all' });
        const boxes = g.types.map((t) => h('label', { class: 'check', for: `ev-${t}` }, h('input', { type: 'checkbox', id: `ev-${t}`, value: t, 'data-group': g.prefix }), h('code', {}, t.slice(g.prefix.length + 1))));
        all.addEventListener('change', () => {
          for (const b of picker.querySelectorAll(`input[data-group="${g.prefix}"]`)) {
            /** @type {HTMLInputElement} */ (b).checked = all.checked;
            /** @type {HTMLInputElement} */ (b).disabled = all.checked;
          }
        });
        return h('div', { class: 'event-group' }, h('label', { class: 'check strong', for: all.id }, all, h('span', {}, g.label, ' ', h('code', {}, `${g.prefix}.*`))), h('div', { class: 'event-types' }, boxes));
      }),
    ),
  );
  everything.addEventListener('change', () => {
    for (const b of picker.querySelectorAll('input:not(#ev-all)')) {
      /** @type {HTMLInputElement} */ (b).disabled = everything.checked;
    }
    if (!everything.checked) {
      for (const g of picker.querySelectorAll('.group-all')) g.dispatchEvent(new Event('change'));
    }
  });
  const createResult = h('p', { class: 'notice', role: 'status' });
  const createButton = h('button', { class: 'button primary', type: 'submit' }, 'Add endpoint');
  const form = h('form', { class: 'subform', id: 'webhook-form', novalidate: true, 'aria-labelledby': 'webhook-form-title' },
    h('h2', { id: 'webhook-form-title' }, 'Add an endpoint'),
    field('URL', url, 'Receives a signed POST (Standard Webhooks) for each event.'),
    field('Description', description),
    picker,
    h('div', { class: 'form-end' }, createResult, createButton),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const events = chosenEvents();
    if (!/^https?:\/\/\S+$/i.test(url.value.trim())) return say(createResult, 'Enter the endpoint’s full http(s) URL.', false);
    if (events.length === 0) return say(createResult, 'Choose at least one event.', false);
    void run(createButton, async () => {
      const r = await ctx.api.post('/v1/webhooks', { url: url.value.trim(), events, ...(description.value.trim() ? { description: description.value.trim() } : {}) });
      showSecret(r);
      form.reset();
      for (const b of picker.querySelectorAll('input')) /** @type {HTMLInputElement} */ (b).disabled = false;
      state.selected = r.id;
      await loadHooks();
    }, createResult, { onAuthFailure: ctx.onAuthFailure });
  });

  function chosenEvents() {
    if (everything.checked) return ['*'];
    const out = [];
    for (const g of EVENT_GROUPS) {
      const all = /** @type {HTMLInputElement} */ (picker.querySelector(`#ev-${g.prefix}-all`));
      if (all.checked) out.push(`${g.prefix}.*`);
      else for (const t of g.types) if (/** @type {HTMLInputElement} */ (picker.querySelector(`[id="ev-${t}"]`)).checked) out.push(t);
    }
    return out;
  }

  function showSecret(hook) {
    const secret = h('code', { class: 'secret' }, hook.secret);
    const copy = h('button', { class: 'button small', type: 'button' }, 'Copy');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(hook.secret);
        copy.textContent = 'Copied';
      } catch {
        const range = document.createRange();
        range.selectNodeContents(secret);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }
    });
    const dismiss = h('button', { class: 'button small ghost', type: 'button' }, 'Done');
    dismiss.addEventListener('click', () => {
      created.hidden = true;
      created.replaceChildren();
    });
    created.replaceChildren(
      h('strong', {}, 'Endpoint added. Copy its signing secret now — it is not shown again.'),
      h('div', { class: 'secret-row' }, secret, copy, dismiss),
      h('p', { class: 'hint' }, 'Verify each delivery’s webhook-signature header with it (HMAC-SHA256 over id.timestamp.body).'),
    );
    created.hidden = false;
  }

  const el = h(
    'div',
    { class: 'view-grid webhooks-view' },
    h('section', { class: 'view-main', 'aria-labelledby': 'webhooks-title' },
      h('div', { class: 'section-head' },
        h('div', {}, h('h1', { id: 'webhooks-title' }, 'Webhooks'), h('p', { class: 'muted' }, 'Endpoints of the shop’s systems that hear about events as they happen.')),
        h('button', { class: 'button small', type: 'button', onclick: () => void loadHooks() }, 'Refresh'),
      ),
      created,
      listError,
      list,
      deliveries,
      parked.el,
    ),
    h('aside', { class: 'view-side' }, h('section', { class: 'panel pad' }, form)),
  );
  renderDeliveriesHint();

  function renderDeliveriesHint() {
    deliveries.replaceChildren(h('h2', { id: 'deliveries-title' }, 'Deliveries'), h('p', { class: 'muted' }, 'Choose an endpoint to see what was sent to it.'));
  }

  async function loadHooks() {
    try {
      const r = await ctx.api.get('/v1/webhooks');
      state.hooks = r.items;
      listError.textContent = '';
      renderHooks();
      if (!state.selected && r.items[0]) state.selected = r.items[0].id;
      if (state.selected) await loadDeliveries();
    } catch (err) {
      if (!ctx.onAuthFailure(err)) listError.textContent = ctx.words(err);
    }
  }

  function renderHooks() {
    if (state.hooks.length === 0) {
      list.replaceChildren(h('div', { class: 'panel table-empty muted' }, 'No endpoints yet. Add one with the form.'));
      return;
    }
    list.replaceChildren(
      ...state.hooks.map((w) => {
        const out = h('p', { class: 'notice row-notice', role: 'status' });
        const toggle = h('button', { class: 'button small', type: 'button' }, w.active ? 'Pause' : 'Resume');
        toggle.addEventListener('click', (e) => {
          e.stopPropagation();
          void run(toggle, async () => {
            await ctx.api.patch(`/v1/webhooks/${encodeURIComponent(w.id)}`, { active: !w.active });
            await loadHooks();
          }, out, { onAuthFailure: ctx.onAuthFailure });
        });
        const open = h('button', { class: 'button small', type: 'button', 'aria-pressed': String(w.id === state.selected) }, 'Deliveries');
        open.addEventListener('click', () => {
          state.selected = w.id;
          renderHooks();
          void loadDeliveries();
        });
        return h('article', { class: `panel hook ${w.id === state.selected ? 'selected' : ''} ${w.active ? '' : 'paused'}`, 'data-webhook': w.id },
          h('div', { class: 'hook-head' },
            h('code', { class: 'hook-url' }, w.url),
            w.active ? pill('Active', 'green') : pill('Paused', 'neutral'),
          ),
          w.description ? h('p', { class: 'hook-description' }, w.description) : null,
          h('div', { class: 'hook-events' }, w.events.map((e) => h('code', { class: 'event-chip' }, e))),
          h('div', { class: 'hook-foot' }, h('span', { class: 'muted' }, 'Added ', stamp(w.createdAt)), h('span', { class: 'hook-actions' }, open, toggle)),
          out,
        );
      }),
    );
  }

  let deliveryRequest = 0;
  async function loadDeliveries() {
    const hook = state.hooks.find((w) => w.id === state.selected);
    if (!hook) {
      renderDeliveriesHint();
      return;
    }
    const id = ++deliveryRequest;
    const q = new URLSearchParams({ limit: '100' });
    if (state.status) q.set('status', state.status);
    try {
      const r = await ctx.api.get(`/v1/webhooks/${encodeURIComponent(hook.id)}/deliveries?${q}`);
      if (id !== deliveryRequest) return;
      const statusSelect = h('select', { id: 'delivery-status', 'aria-label': 'Delivery status' }, h('option', { value: '' }, 'All'), Object.entries(DELIVERY).map(([k, [l]]) => h('option', { value: k, selected: state.status === k }, l)));
      statusSelect.addEventListener('change', () => {
        state.status = statusSelect.value;
        void loadDeliveries();
      });
      const refresh = h('button', { class: 'button small', type: 'button' }, 'Refresh');
      refresh.addEventListener('click', () => void loadDeliveries());
      deliveries.replaceChildren(
        h('div', { class: 'section-head' }, h('h2', { id: 'deliveries-title' }, 'Deliveries ', h('span', { class: 'muted' }, 'to '), h('code', { class: 'hook-url small' }, hook.url)), h('div', { class: 'head-tools' }, statusSelect, refresh)),
        h('div', { class: 'table-scroll' },
          table({
            caption: `Deliveries to ${hook.url}, newest first`,
            head: ['Event', 'Status', { label: 'Attempts', class: 'num' }, 'Last answer', 'Next attempt', 'Created', ''],
            rows: r.items.map((d) => {
              const [label, tone] = DELIVERY[d.status] ?? [d.status, 'neutral'];
              const out = h('p', { class: 'notice row-notice', role: 'status' });
              const again = d.status === 'pending' ? null : h('button', { class: 'button small', type: 'button' }, 'Redeliver');
              again?.addEventListener('click', () => {
                void run(again, async () => {
                  await ctx.api.post(`/v1/webhooks/deliveries/${encodeURIComponent(d.id)}/redeliver`, {});
                  ctx.flash(`Delivery of ${d.eventType} #${d.eventId} queued again, with the same webhook-id.`);
                  await loadDeliveries();
                }, out, { onAuthFailure: ctx.onAuthFailure });
              });
              const answer = d.lastStatus !== null ? h('span', { class: `http ${d.lastStatus >= 200 && d.lastStatus < 300 ? 'ok' : 'bad'}` }, `HTTP ${d.lastStatus}`) : d.lastError ? null : h('span', { class: 'muted' }, 'not tried yet');
              return h('tr', { 'data-delivery': d.id, 'data-status': d.status },
                h('td', {}, h('code', { class: 'event-chip' }, d.eventType), h('span', { class: 'sub muted' }, `#${d.eventId} · ${d.messageId}`)),
                h('td', {}, pill(label, tone)),
                h('td', { class: 'num tabular' }, num(d.attempts)),
                h('td', {}, answer, d.lastError && d.lastError !== `HTTP ${d.lastStatus}` ? h('span', { class: 'sub error-text', title: d.lastError }, d.lastError) : null),
                h('td', {}, d.status === 'pending' && d.nextAttemptAt ? stamp(d.nextAttemptAt) : h('span', { class: 'muted' }, d.deliveredAt ? 'delivered ' : '—', d.deliveredAt ? stamp(d.deliveredAt) : null)),
                h('td', {}, stamp(d.createdAt)),
                h('td', {}, again, out),
              );
            }),
            empty: state.status ? 'No deliveries with this status.' : 'Nothing sent yet: deliveries appear when a subscribed event happens.',
            className: 'deliveries-table',
          }),
        ),
      );
    } catch (err) {
      if (id === deliveryRequest && !ctx.onAuthFailure(err)) deliveries.replaceChildren(h('h2', { id: 'deliveries-title' }, 'Deliveries'), h('p', { class: 'notice' }, ctx.words(err)));
    }
  }

  const refreshSoon = debounce(() => void loadDeliveries(), 1000);
  return {
    el,
    show: () => Promise.all([loadHooks(), parked.load()]),
    prime: async () => {},
    onEvent(_event, visible) {
      if (visible && state.selected) refreshSoon();
    },
  };
}
