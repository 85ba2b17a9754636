/**
 * Backorders & pre-orders: the waiting queue per SKU (position, quantity, promised date), the inbound stock that
 * will serve it (add, receive, move the date, cancel), and the allocation policy that decides who is served
 * first. An order opens in a dialog with a cancel button per line.
 */
import { h } from '/shared/api.js';
import { calendarDate, calendarText, debounce, field, modal, num, pill, run, say, stamp, table } from './ui.js';

const LINE_STATUS = { confirmed: ['Confirmed', 'green'], backordered: ['Backordered', 'blue'], preordered: ['Pre-ordered', 'violet'], allocated: ['Allocated', 'green'], cancelled: ['Cancelled', 'neutral'] };
const INBOUND_STATUS = { open: ['Expected', 'blue'], received: ['Received', 'green'], cancelled: ['Cancelled', 'neutral'] };

export function ordersView(ctx) {
  const state = {
    kind: /** @type {'backorder' | 'preorder'} */ ('backorder'),
    sku: '',
    queues: { backorder: null, preorder: null },
    inbound: /** @type {Array<object>} */ ([]),
    inboundStatus: 'open',
  };

  // ---- queue
  const kindButtons = {
    backorder: h('button', { type: 'button', class: 'seg', 'aria-pressed': 'true', 'data-kind': 'backorder' }, 'Backorders'),
    preorder: h('button', { type: 'button', class: 'seg', 'aria-pressed': 'false', 'data-kind': 'preorder' }, 'Pre-orders'),
  };
  const skuFilter = h('input', { id: 'queue-sku', type: 'search', placeholder: 'Filter by SKU or title', autocomplete: 'off', list: 'sku-options' });
  const queueSummary = h('p', { class: 'muted', id: 'queue-summary', 'aria-live': 'polite' });
  const queueBody = h('div', { class: 'table-wrap panel', id: 'queue' });
  const queueError = h('p', { class: 'notice', role: 'alert' });
  for (const [kind, b] of Object.entries(kindButtons)) {
    b.addEventListener('click', () => {
      state.kind = /** @type {'backorder' | 'preorder'} */ (kind);
      for (const [k, x] of Object.entries(kindButtons)) x.setAttribute('aria-pressed', String(k === kind));
      renderQueue();
    });
  }
  skuFilter.addEventListener('input', debounce(() => {
    state.sku = skuFilter.value.trim();
    renderQueue();
  }, 120));

  // ---- inbound
  const inboundBody = h('div', { id: 'inbound' });
  const inboundError = h('p', { class: 'notice', role: 'alert' });
  const inboundStatus = h('select', { id: 'inbound-status', 'aria-label': 'Which inbound to show' },
    h('option', { value: 'open' }, 'Expected'),
    h('option', { value: 'received' }, 'Received'),
    h('option', { value: 'cancelled' }, 'Cancelled'),
    h('option', { value: '' }, 'All'),
  );
  inboundStatus.addEventListener('change', () => {
    state.inboundStatus = inboundStatus.value;
    void loadInbound();
  });

  const addSku = h('input', { id: 'inbound-sku', name: 'sku', required: true, autocomplete: 'off', list: 'sku-options', placeholder: 'SKU' });
  const addLocation = h('select', { id: 'inbound-location', name: 'location', required: true });
  const addQuantity = h('input', { id: 'inbound-quantity', name: 'quantity', type: 'number', min: '1', step: '1', required: true, placeholder: '50' });
  const addDate = h('input', { id: 'inbound-date', name: 'expectedDate', type: 'date', required: true });
  const addReference = h('input', { id: 'inbound-reference', name: 'reference', maxlength: '200', placeholder: 'PO-1234' });
  const addResult = h('p', { class: 'notice', role: 'status' });
  const addButton = h('button', { class: 'button primary', type: 'submit' }, 'Add inbound');
  const addForm = h(
    'form',
    { class: 'subform', id: 'inbound-form', 'aria-labelledby': 'inbound-form-title', novalidate: true },
    h('h3', { id: 'inbound-form-title' }, 'Expect stock'),
    h('div', { class: 'form-grid' },
      field('SKU', addSku),
      field('Location', addLocation),
      field('Quantity', addQuantity),
      field('Expected on', addDate),
      field('Reference', addReference, '', { class: 'field span-2' }),
    ),
    h('div', { class: 'form-end' }, addResult, addButton),
  );
  addForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const quantity = Number(addQuantity.value);
    if (!addSku.value.trim()) return say(addResult, 'Choose the SKU that is coming.', false);
    if (!Number.isInteger(quantity) || quantity < 1) return say(addResult, 'Enter how many units are coming: a whole number of at least 1.', false);
    if (!addDate.value) return say(addResult, 'Choose the date the stock is expected.', false);
    void run(addButton, async () => {
      const body = { sku: addSku.value.trim(), location: addLocation.value, quantity, expectedDate: addDate.value, ...(addReference.value.trim() ? { reference: addReference.value.trim() } : {}) };
      const r = await ctx.api.post('/v1/inbound', body);
      say(addResult, `Expecting ${num(r.quantity)} × ${r.sku} at ${r.location} on ${calendarText(r.expectedDate)}. Promised dates were recomputed.`);
      addQuantity.value = '';
      addReference.value = '';
      await Promise.all([loadInbound(), loadQueues()]);
    }, addResult, { onAuthFailure: ctx.onAuthFailure });
  });

  /** Starts the inbound form for a SKU that has people waiting. */
  function expect(sku, units) {
    addSku.value = sku;
    if (!addQuantity.value) addQuantity.value = String(units);
    addForm.scrollIntoView({ block: 'center', behavior: 'smooth' });
    addQuantity.focus({ preventScroll: true });
    addQuantity.select();
  }

  // ---- allocation policy
  const policyForm = h('form', { class: 'subform', id: 'allocation-form', 'aria-labelledby': 'allocation-title' });
  const policyResult = h('p', { class: 'notice', role: 'status' });

  const el = h(
    'div',
    { class: 'view-grid orders-view' },
    h(
      'section',
      { class: 'view-main', 'aria-labelledby': 'queue-title' },
      h('div', { class: 'section-head' },
        h('div', {}, h('h1', { id: 'queue-title' }, 'Backorders & pre-orders'), queueSummary),
        h('button', { class: 'button small', type: 'button', onclick: () => void refresh() }, 'Refresh'),
      ),
      h('div', { class: 'table-tools' },
        h('div', { class: 'segmented', role: 'group', 'aria-label': 'Queue' }, kindButtons.backorder, kindButtons.preorder),
        h('label', { class: 'visually-hidden', for: 'queue-sku' }, 'Filter the queue by SKU'),
        skuFilter,
      ),
      queueError,
      queueBody,
    ),
    h(
      'aside',
      { class: 'view-side' },
      h(
        'section',
        { class: 'panel pad', 'aria-labelledby': 'inbound-title' },
        h('div', { class: 'section-head' }, h('h2', { id: 'inbound-title' }, 'Inbound stock'), inboundStatus),
        inboundError,
        inboundBody,
        addForm,
      ),
      h('section', { class: 'panel pad', 'aria-labelledby': 'allocation-title' }, policyForm),
    ),
  );

  // ---------------------------------------------------------------------------------------------------
  async function loadQueues() {
    try {
      const [b, p] = await Promise.all([ctx.api.get('/v1/backorders'), ctx.api.get('/v1/preorders')]);
      state.queues.backorder = b;
      state.queues.preorder = p;
      queueError.textContent = '';
      const units = (q) => Object.values(q.totals).reduce((s, t) => s + t.units, 0);
      kindButtons.backorder.replaceChildren('Backorders ', h('span', { class: 'count' }, num(units(b))));
      kindButtons.preorder.replaceChildren('Pre-orders ', h('span', { class: 'count' }, num(units(p))));
      ctx.setCount('orders', units(b) + units(p));
      renderQueue();
    } catch (err) {
      if (!ctx.onAuthFailure(err)) queueError.textContent = ctx.words(err);
    }
  }

  function renderQueue() {
    const q = state.queues[state.kind];
    if (!q) {
      queueBody.replaceChildren(h('p', { class: 'table-empty muted' }, 'Loading…'));
      return;
    }
    const f = state.sku.toLowerCase();
    const matches = (sku) => !f || sku.toLowerCase().includes(f) || ctx.titleOf(sku).toLowerCase().includes(f);
    const bySku = new Map();
    for (const item of q.items) {
      if (!matches(item.sku)) continue;
      const list = bySku.get(item.sku) ?? [];
      list.push(item);
      bySku.set(item.sku, list);
    }
    const word = state.kind === 'backorder' ? 'backordered' : 'pre-ordered';
    let lines = 0;
    let units = 0;
    for (const [sku] of bySku) {
      lines += q.totals[sku]?.lines ?? 0;
      units += q.totals[sku]?.units ?? 0;
    }
    queueSummary.textContent = bySku.size === 0 ? 'Nothing waiting.' : `${num(units)} ${units === 1 ? 'unit' : 'units'} ${word} on ${num(lines)} ${lines === 1 ? 'line' : 'lines'} across ${num(bySku.size)} ${bySku.size === 1 ? 'SKU' : 'SKUs'}`;
    if (bySku.size === 0) {
      queueBody.replaceChildren(h('p', { class: 'table-empty muted' }, f ? 'No waiting lines match.' : state.kind === 'backorder' ? 'No one is waiting on a backorder.' : 'No pre-orders are waiting.'));
      return;
    }
    const groups = [];
    for (const [sku, items] of bySku) {
      const t = q.totals[sku] ?? { lines: items.length, units: items.reduce((s, i) => s + i.quantity, 0) };
      groups.push(
        h('tbody', { class: 'queue-group', 'data-sku': sku },
          h('tr', { class: 'group-head' },
            h('th', { scope: 'rowgroup', colspan: '6' },
              h('span', { class: 'group-title' }, h('code', {}, sku), h('span', { class: 'muted' }, ctx.titleOf(sku))),
              h('span', { class: 'group-stats muted' }, `${num(t.lines)} ${t.lines === 1 ? 'line' : 'lines'} · ${num(t.units)} ${t.units === 1 ? 'unit' : 'units'} waiting`),
              h('button', { class: 'link group-action', type: 'button', onclick: () => expect(sku, t.units) }, '+ Expect stock'),
            ),
          ),
          items.map((i) =>
            h('tr', { 'data-line': i.lineId },
              h('td', { class: 'num tabular pos' }, `#${i.position}`),
              h('td', {}, h('button', { class: 'link mono', type: 'button', onclick: () => openOrder(i.orderId) }, i.orderId)),
              h('td', { class: 'num tabular' }, num(i.quantity)),
              h('td', {}, calendarDate(i.promisedDate, { relativeToToday: true })),
              h('td', {}, i.tier ? pill(i.tier, 'amber') : h('span', { class: 'muted' }, '—')),
              h('td', {}, stamp(i.createdAt)),
            ),
          ),
        ),
      );
    }
    queueBody.replaceChildren(
      h('table', { class: 'data queue' },
        h('caption', { class: 'visually-hidden' }, `${state.kind === 'backorder' ? 'Backorder' : 'Pre-order'} queue per SKU, in serving order`),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', class: 'num' }, 'Position'),
          h('th', { scope: 'col' }, 'Order'),
          h('th', { scope: 'col', class: 'num' }, 'Waiting'),
          h('th', { scope: 'col' }, 'Promised'),
          h('th', { scope: 'col' }, 'Tier'),
          h('th', { scope: 'col' }, 'Ordered'),
        )),
        groups,
      ),
    );
  }

  async function loadInbound() {
    try {
      const q = state.inboundStatus ? `?status=${state.inboundStatus}` : '';
      const r = await ctx.api.get(`/v1/inbound${q}`);
      state.inbound = r.items.sort((a, b) => a.expectedDate.localeCompare(b.expectedDate) || a.sku.localeCompare(b.sku));
      inboundError.textContent = '';
      renderInbound();
    } catch (err) {
      if (!ctx.onAuthFailure(err)) inboundError.textContent = ctx.words(err);
    }
  }

  function renderInbound() {
    const rows = state.inbound.map((i) => {
      const left = i.quantity - i.received;
      const out = h('p', { class: 'notice row-notice', role: 'status' });
      const actions = h('div', { class: 'row-actions' });
      const idle = () => {
        if (i.status !== 'open') {
          actions.replaceChildren();
          return;
        }
        const receive = h('button', { class: 'button small primary', type: 'button' }, 'Receive');
        const move = h('button', { class: 'button small', type: 'button' }, 'Change date');
        const cancel = h('button', { class: 'button small danger', type: 'button' }, 'Cancel');
        receive.addEventListener('click', () => {
          const qty = h('input', { id: `receive-${i.id}`, type: 'number', min: '1', max: String(left), value: String(left), class: 'tiny', 'aria-label': `Units of ${i.sku} to receive` });
          const ok = h('button', { class: 'button small primary', type: 'button' }, 'Receive now');
          const back = h('button', { class: 'button small ghost', type: 'button' }, 'Back');
          ok.addEventListener('click', () => {
            const n = Number(qty.value);
            if (!Number.isInteger(n) || n < 1 || n > left) return say(out, `Receive between 1 and ${left} units.`, false);
            void run(ok, async () => {
              const r = await ctx.api.post(`/v1/inbound/${encodeURIComponent(i.id)}/receive`, n === left ? {} : { quantity: n });
              ctx.flash(`Received ${num(n)} × ${r.sku} at ${r.location}; waiting orders were served first.`);
              await Promise.all([loadInbound(), loadQueues()]);
            }, out, { onAuthFailure: ctx.onAuthFailure });
          });
          back.addEventListener('click', idle);
          actions.replaceChildren(qty, ok, back);
          qty.focus();
          qty.select();
        });
        move.addEventListener('click', () => {
          const date = h('input', { type: 'date', value: i.expectedDate, class: 'tiny-date', 'aria-label': `New expected date for ${i.sku}` });
          const ok = h('button', { class: 'button small primary', type: 'button' }, 'Save date');
          const back = h('button', { class: 'button small ghost', type: 'button' }, 'Back');
          ok.addEventListener('click', () => {
            if (!date.value) return say(out, 'Choose a date.', false);
            void run(ok, async () => {
              const r = await ctx.api.patch(`/v1/inbound/${encodeURIComponent(i.id)}`, { expectedDate: date.value });
              ctx.flash(`${r.sku} is now expected on ${calendarText(r.expectedDate)}; affected customers are told their new dates.`);
              await Promise.all([loadInbound(), loadQueues()]);
            }, out, { onAuthFailure: ctx.onAuthFailure });
          });
          back.addEventListener('click', idle);
          actions.replaceChildren(date, ok, back);
          date.focus();
        });
        cancel.addEventListener('click', () => {
          const yes = h('button', { class: 'button small danger', type: 'button' }, 'Yes, cancel it');
          const back = h('button', { class: 'button small ghost', type: 'button' }, 'Keep');
          yes.addEventListener('click', () => {
            void run(yes, async () => {
              await ctx.api.patch(`/v1/inbound/${encodeURIComponent(i.id)}`, { status: 'cancelled' });
              ctx.flash(`Inbound ${i.reference ?? i.id} cancelled; promised dates that relied on it were moved.`);
              await Promise.all([loadInbound(), loadQueues()]);
            }, out, { onAuthFailure: ctx.onAuthFailure });
          });
          back.addEventListener('click', idle);
          actions.replaceChildren(h('span', { class: 'confirm-text' }, 'Cancel this delivery?'), yes, back);
          back.focus();
        });
        actions.replaceChildren(receive, move, cancel);
      };
      idle();
      const [label, tone] = INBOUND_STATUS[i.status] ?? [i.status, 'neutral'];
      return h('li', { class: 'inbound-item', 'data-inbound': i.id, 'data-sku': i.sku },
        h('div', { class: 'inbound-top' },
          h('code', { class: 'sku-code' }, i.sku),
          h('span', { class: 'inbound-units tabular' }, i.received > 0 ? `${num(i.received)} of ${num(i.quantity)} received` : `${num(i.quantity)} ${i.quantity === 1 ? 'unit' : 'units'}`),
          pill(label, tone),
        ),
        h('div', { class: 'inbound-when' },
          calendarDate(i.expectedDate, { relativeToToday: i.status === 'open' }),
          h('span', { class: 'muted' }, [ctx.locationName(i.location), i.reference].filter(Boolean).join(' · ')),
        ),
        actions,
        out,
      );
    });
    inboundBody.replaceChildren(
      rows.length
        ? h('ul', { class: 'inbound-list', 'aria-label': 'Inbound stock by expected date' }, rows)
        : h('p', { class: 'table-empty muted' }, state.inboundStatus === 'open' ? 'No stock is expected. Add what your suppliers confirmed below.' : 'None.'),
    );
  }

  async function loadPolicy() {
    try {
      const p = await ctx.api.get('/v1/settings/allocation');
      renderPolicy(p);
    } catch (err) {
      if (!ctx.onAuthFailure(err)) policyForm.replaceChildren(h('p', { class: 'notice' }, ctx.words(err)));
    }
  }

  function renderPolicy(p) {
    const fifo = h('input', { type: 'radio', name: 'strategy', value: 'fifo', id: 'strategy-fifo', checked: p.strategy === 'fifo' });
    const priority = h('input', { type: 'radio', name: 'strategy', value: 'priority', id: 'strategy-priority', checked: p.strategy === 'priority' });
    const preordersFirst = h('input', { type: 'checkbox', id: 'preorders-first', checked: p.preordersFirst });
    const useSafety = h('input', { type: 'checkbox', id: 'use-safety', checked: p.useSafetyStock });
    const tiers = h('div', { class: 'tiers', id: 'tier-ranks' });
    const tierRow = (name = '', rank = '') => {
      const n = h('input', { class: 'tier-name', value: name, placeholder: 'vip', maxlength: '50', 'aria-label': 'Tier name' });
      const r = h('input', { class: 'tier-rank tiny', type: 'number', min: '0', max: '1000', value: String(rank), placeholder: '0', 'aria-label': 'Rank (0 is served first)' });
      const x = h('button', { class: 'button small ghost', type: 'button', 'aria-label': 'Remove tier' }, '✕');
      const row = h('div', { class: 'tier-row' }, n, r, x);
      x.addEventListener('click', () => row.remove());
      return row;
    };
    for (const [name, rank] of Object.entries(p.tierRanks).sort((a, b) => a[1] - b[1])) tiers.append(tierRow(name, rank));
    const addTier = h('button', { class: 'button small add-tier', type: 'button' }, '+ Add tier');
    addTier.addEventListener('click', () => {
      const row = tierRow();
      tiers.append(row);
      row.querySelector('input')?.focus();
    });
    const tierBox = h('fieldset', { class: 'tier-box' }, h('legend', {}, 'Tier ranks'), h('p', { class: 'hint' }, 'Lower rank is served first; customers without a tier come last. Ties go by order time.'), tiers, addTier);
    const syncTiers = () => {
      tierBox.hidden = !priority.checked;
    };
    fifo.addEventListener('change', syncTiers);
    priority.addEventListener('change', syncTiers);
    syncTiers();
    const save = h('button', { class: 'button primary', type: 'submit' }, 'Save policy');
    policyForm.replaceChildren(
      h('h2', { id: 'allocation-title' }, 'Allocation policy'),
      h('p', { class: 'hint' }, 'Who gets arriving stock first. Applies from the next receipt; promised dates are recomputed now.'),
      h('fieldset', { class: 'choices' },
        h('legend', { class: 'visually-hidden' }, 'Strategy'),
        h('label', { class: 'choice', for: 'strategy-fifo' }, fifo, h('span', {}, h('strong', {}, 'First come, first served'), h('small', {}, 'The oldest waiting line gets stock first.'))),
        h('label', { class: 'choice', for: 'strategy-priority' }, priority, h('span', {}, h('strong', {}, 'Priority by customer tier'), h('small', {}, 'Higher tiers first, then by order time.'))),
      ),
      tierBox,
      h('label', { class: 'check', for: 'preorders-first' }, preordersFirst, h('span', {}, 'Serve pre-orders before backorders')),
      h('label', { class: 'check', for: 'use-safety' }, useSafety, h('span', {}, 'Let waiting orders use safety stock')),
      h('div', { class: 'form-end' }, policyResult, save),
    );
    policyForm.onsubmit = (e) => {
      e.preventDefault();
      const tierRanks = {};
      for (const row of tiers.querySelectorAll('.tier-row')) {
        const name = /** @type {HTMLInputElement} */ (row.querySelector('.tier-name')).value.trim();
        const rank = Number(/** @type {HTMLInputElement} */ (row.querySelector('.tier-rank')).value || '0');
        if (!name) continue;
        if (!Number.isInteger(rank) || rank < 0 || rank > 1000) return say(policyResult, `The rank of “${name}” must be a whole number from 0 to 1000.`, false);
        tierRanks[name] = rank;
      }
      const body = { strategy: priority.checked ? 'priority' : 'fifo', tierRanks, preordersFirst: preordersFirst.checked, useSafetyStock: useSafety.checked };
      void run(save, async () => {
        const saved = await ctx.api.put('/v1/settings/allocation', body);
        renderPolicy(saved);
        say(policyResult, saved.strategy === 'priority' ? 'Saved: arriving stock goes to higher tiers first.' : 'Saved: arriving stock goes first come, first served.');
        await loadQueues();
      }, policyResult, { onAuthFailure: ctx.onAuthFailure });
    };
  }

  // ---------------------------------------------------------------------------------------------------
  async function openOrder(id) {
    const { body } = modal(`Order ${id}`, { wide: true });
    body.append(h('p', { class: 'muted' }, 'Loading…'));
    const draw = (o) => {
      body.replaceChildren(
        h('p', { class: 'muted' }, `${o.customer.email} · customer ${o.customer.id}${o.customer.tier ? ` · tier ${o.customer.tier}` : ''} · placed `, stamp(o.createdAt)),
        table({
          caption: 'Order lines',
          head: ['Line', { label: 'Qty', class: 'num' }, { label: 'From stock', class: 'num' }, { label: 'Waiting', class: 'num' }, 'Promised', 'Status', ''],
          rows: o.lines.map((l) => {
            const out = h('p', { class: 'notice row-notice', role: 'status' });
            const [label, tone] = LINE_STATUS[l.status] ?? [l.status, 'neutral'];
            const cancel = l.status === 'cancelled' ? null : h('button', { class: 'button small danger', type: 'button' }, 'Cancel line');
            cancel?.addEventListener('click', () => {
              void run(cancel, async () => {
                const updated = await ctx.api.post(`/v1/orders/${encodeURIComponent(o.id)}/lines/${encodeURIComponent(l.id)}/cancel`, {});
                draw(updated);
                void loadQueues();
              }, out, { onAuthFailure: ctx.onAuthFailure });
            });
            return h('tr', {},
              h('td', {}, h('code', { class: 'sku-code' }, l.sku), h('span', { class: 'sub muted' }, ctx.titleOf(l.sku))),
              h('td', { class: 'num tabular' }, num(l.quantity)),
              h('td', { class: 'num tabular' }, num(l.fromStock + l.allocated)),
              h('td', { class: 'num tabular' }, num(l.waiting)),
              h('td', {}, l.waiting > 0 ? calendarDate(l.promisedDate, { relativeToToday: true }) : h('span', { class: 'muted' }, '—')),
              h('td', {}, pill(label, tone)),
              h('td', {}, cancel, out),
            );
          }),
        }),
      );
    };
    try {
      draw(await ctx.api.get(`/v1/orders/${encodeURIComponent(id)}`));
    } catch (err) {
      if (!ctx.onAuthFailure(err)) body.replaceChildren(h('p', { class: 'notice' }, ctx.words(err)));
    }
  }

  function fillLocations() {
    const chosen = addLocation.value;
    addLocation.replaceChildren(...ctx.locations().map((l) => h('option', { value: l.code }, `${l.name} (${l.code})`)));
    if (chosen) addLocation.value = chosen;
  }

  async function refresh() {
    fillLocations();
    await Promise.all([loadQueues(), loadInbound()]);
  }

  const refreshSoon = debounce(() => void refresh(), 300);
  const countSoon = debounce(() => void loadQueues(), 500);
  let policyLoaded = false;

  return {
    el,
    async show() {
      if (!addDate.value) addDate.value = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      if (!policyLoaded) {
        policyLoaded = true;
        void loadPolicy();
      }
      await refresh();
    },
    /** Counts for the tab, without drawing. */
    prime: () => loadQueues(),
    locationsChanged: () => fillLocations(),
    onEvent(event, visible) {
      if (event.type.startsWith('order.') || (visible && event.type === 'inventory.availability_changed')) {
        if (visible) refreshSoon();
        else countSoon();
      }
    },
  };
}
