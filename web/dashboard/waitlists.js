/**
 * Waitlists: demand per SKU while it is out of stock (active subscribers, units wanted, daily sign-ups, notified,
 * converted, median wait), the people on one SKU's list in order, and the waitlist policy (double opt-in, batch
 * factor k, batch interval, holds).
 */
import { h } from '/shared/api.js';
import { debounce, field, hours, num, percent, pill, run, say, sparkline, stamp, table } from './ui.js';

const SUB_STATUS = { pending: ['Unconfirmed', 'amber'], waiting: ['Waiting', 'blue'], notified: ['Notified', 'green'], unsubscribed: ['Unsubscribed', 'neutral'] };

export function waitlistsView(ctx) {
  const state = { stats: /** @type {Array<object> | null} */ (null), selected: '', filter: '' };

  const summary = h('div', { class: 'kpis', id: 'waitlist-kpis' });
  const filter = h('input', { id: 'waitlist-filter', type: 'search', placeholder: 'Filter by SKU or title', autocomplete: 'off' });
  const statsBody = h('div', { class: 'table-wrap panel', id: 'waitlist-stats' });
  const statsError = h('p', { class: 'notice', role: 'alert' });
  const people = h('section', { class: 'panel pad', id: 'waitlist-people', 'aria-labelledby': 'people-title' });
  const policyForm = h('form', { class: 'subform', id: 'waitlist-policy', 'aria-labelledby': 'waitlist-policy-title' });
  filter.addEventListener('input', debounce(() => {
    state.filter = filter.value.trim().toLowerCase();
    renderStats();
  }, 120));

  const el = h(
    'div',
    { class: 'view-grid waitlists-view' },
    h(
      'section',
      { class: 'view-main', 'aria-labelledby': 'waitlists-title' },
      h('div', { class: 'section-head' },
        h('div', {}, h('h1', { id: 'waitlists-title' }, 'Waitlists'), h('p', { class: 'muted' }, 'Who is waiting for what. Sign-ups are a demand signal while a SKU is out of stock.')),
        h('button', { class: 'button small', type: 'button', onclick: () => void loadStats() }, 'Refresh'),
      ),
      summary,
      h('div', { class: 'table-tools' }, h('label', { class: 'visually-hidden', for: 'waitlist-filter' }, 'Filter waitlists'), filter),
      statsError,
      statsBody,
    ),
    h('aside', { class: 'view-side' }, people, h('section', { class: 'panel pad' }, policyForm)),
  );
  renderPeopleHint();

  function renderPeopleHint() {
    people.replaceChildren(h('h2', { id: 'people-title' }, 'Subscribers'), h('p', { class: 'muted' }, 'Choose a SKU to see who is on its list, in the order they will be told.'));
  }

  async function loadStats() {
    try {
      const r = await ctx.api.get('/v1/waitlist/stats');
      state.stats = r.items;
      statsError.textContent = '';
      ctx.setCount('waitlists', r.items.reduce((s, x) => s + x.active, 0));
      renderStats();
      if (state.selected) void loadPeople(state.selected);
    } catch (err) {
      if (!ctx.onAuthFailure(err)) statsError.textContent = ctx.words(err);
    }
  }

  function renderStats() {
    const all = state.stats;
    if (!all) {
      statsBody.replaceChildren(h('p', { class: 'table-empty muted' }, 'Loading…'));
      return;
    }
    const total = (k) => all.reduce((s, x) => s + (x[k] ?? 0), 0);
    const notified = total('notified');
    const converted = total('converted');
    const kpi = (value, label, note = '') => h('div', { class: 'kpi' }, h('span', { class: 'kpi-value tabular' }, value), h('span', { class: 'kpi-label' }, label), note ? h('span', { class: 'kpi-note muted' }, note) : null);
    const signups7 = all.reduce((s, x) => s + x.signupsPerDay.slice(-7).reduce((a, d) => a + d.count, 0), 0);
    summary.replaceChildren(
      kpi(num(total('active')), 'Waiting', `${num(total('pending'))} unconfirmed`),
      kpi(num(total('unitsWanted')), 'Units wanted'),
      kpi(num(signups7), 'Sign-ups, 7 days'),
      kpi(num(notified), 'Notified'),
      kpi(notified ? percent(converted / notified) : '—', 'Converted', `${num(converted)} of ${num(notified)} bought`),
    );
    const f = state.filter;
    const rows = all
      .filter((x) => !f || x.sku.toLowerCase().includes(f) || ctx.titleOf(x.sku).toLowerCase().includes(f))
      .map((x) => {
        const counts = x.signupsPerDay.map((d) => d.count);
        const sum = counts.reduce((a, b) => a + b, 0);
        const first = x.signupsPerDay[0]?.date ?? '';
        const tr = h('tr', { 'data-sku': x.sku, class: x.sku === state.selected ? 'selected' : '', 'aria-selected': String(x.sku === state.selected) },
          h('td', {}, h('button', { class: 'link mono', type: 'button', onclick: () => select(x.sku) }, x.sku), h('span', { class: 'sub muted' }, ctx.titleOf(x.sku))),
          h('td', { class: 'num tabular', 'data-col': 'active' }, num(x.active), x.pending ? h('span', { class: 'sub muted' }, `+${num(x.pending)} unconfirmed`) : null),
          h('td', { class: 'num tabular', 'data-col': 'units' }, num(x.unitsWanted)),
          h('td', { class: 'spark-cell' }, sparkline(counts, { width: 80, height: 24, label: `${sum} sign-ups in the ${counts.length} days since ${first}` }), h('span', { class: 'tabular muted spark-total' }, num(sum))),
          h('td', { class: 'num tabular', 'data-col': 'notified' }, num(x.notified)),
          h('td', { class: 'num tabular', 'data-col': 'converted' }, num(x.converted), x.conversionRate !== null ? h('span', { class: 'sub muted' }, percent(x.conversionRate)) : null),
          h('td', { class: 'num tabular' }, hours(x.medianWaitHours)),
          h('td', { class: 'num tabular muted' }, num(x.unsubscribed)),
        );
        tr.addEventListener('click', (e) => {
          if (!(e.target instanceof HTMLButtonElement)) select(x.sku);
        });
        return tr;
      });
    statsBody.replaceChildren(table({
      caption: 'Waitlist demand per SKU, most units wanted first',
      head: ['SKU', { label: 'Active', class: 'num' }, { label: 'Units', class: 'num' }, 'Sign-ups, 30 d', { label: 'Notified', class: 'num' }, { label: 'Converted', class: 'num' }, { label: 'Median wait', class: 'num' }, { label: 'Opted out', class: 'num' }],
      rows,
      empty: f ? 'No waitlists match.' : 'Nobody has asked to be notified yet. The storefront widget’s “Notify me” form fills this.',
      className: 'stats clickable',
    }));
  }

  function select(sku) {
    state.selected = sku;
    for (const tr of statsBody.querySelectorAll('tbody tr[data-sku]')) {
      const on = tr.getAttribute('data-sku') === sku;
      tr.classList.toggle('selected', on);
      tr.setAttribute('aria-selected', String(on));
    }
    void loadPeople(sku).then(() => {
      // One column (a phone): the list is below the table, so bring it into view.
      if (matchMedia('(max-width: 1000px)').matches) people.scrollIntoView({ block: 'start', behavior: 'smooth' });
    });
  }

  let peopleRequest = 0;
  async function loadPeople(sku) {
    const id = ++peopleRequest;
    try {
      const r = await ctx.api.get(`/v1/waitlist?sku=${encodeURIComponent(sku)}&limit=500`);
      if (id !== peopleRequest) return;
      const order = { waiting: 0, pending: 1, notified: 2, unsubscribed: 3 };
      const items = r.items.slice().sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9) || (a.position ?? 0) - (b.position ?? 0));
      people.replaceChildren(
        h('div', { class: 'section-head' }, h('h2', { id: 'people-title' }, 'Subscribers ', h('code', {}, sku)), h('span', { class: 'muted' }, `${num(items.length)}`)),
        items.length === 0
          ? h('p', { class: 'muted' }, 'Nobody on this list.')
          : h('ol', { class: 'people', 'aria-label': `People on the waitlist of ${sku}, in the order they are told` },
              items.map((s) => {
                const [label, tone] = SUB_STATUS[s.status] ?? [s.status, 'neutral'];
                return h('li', { class: 'person', 'data-status': s.status },
                  h('span', { class: 'person-pos tabular' }, s.position ? `#${s.position}` : ''),
                  h('div', { class: 'person-main' },
                    h('div', { class: 'person-top' }, h('span', { class: 'person-email' }, s.email), h('span', { class: 'tabular person-qty' }, `× ${num(s.quantity)}`)),
                    h('div', { class: 'person-meta' },
                      pill(label, tone),
                      s.convertedAt ? pill('Bought', 'green') : null,
                      h('span', { class: 'muted' }, 'signed up ', stamp(s.createdAt)),
                      s.notifiedAt ? h('span', { class: 'muted' }, 'told ', stamp(s.notifiedAt)) : null,
                      s.holdExpiresAt && s.status === 'notified' && !s.convertedAt ? h('span', { class: 'muted' }, 'held until ', stamp(s.holdExpiresAt)) : null,
                      h('span', { class: 'muted' }, [s.locale, s.phone].filter(Boolean).join(' · ')),
                    ),
                  ),
                );
              }),
            ),
      );
    } catch (err) {
      if (id === peopleRequest && !ctx.onAuthFailure(err)) people.replaceChildren(h('h2', { id: 'people-title' }, 'Subscribers'), h('p', { class: 'notice' }, ctx.words(err)));
    }
  }

  async function loadPolicy() {
    try {
      renderPolicy(await ctx.api.get('/v1/settings/waitlist'));
    } catch (err) {
      if (!ctx.onAuthFailure(err)) policyForm.replaceChildren(h('p', { class: 'notice' }, ctx.words(err)));
    }
  }

  function renderPolicy(p) {
    const optIn = h('input', { type: 'checkbox', id: 'wl-double-opt-in', checked: p.doubleOptIn });
    const k = h('input', { id: 'wl-k', type: 'number', min: '0.1', max: '1000', step: '0.1', value: String(p.k), required: true });
    const interval = h('input', { id: 'wl-interval', type: 'number', min: '0', max: '10080', step: '1', value: String(p.batchIntervalMinutes), required: true });
    const hold = h('input', { id: 'wl-hold', type: 'number', min: '0', max: '168', step: '0.5', value: String(p.holdHours), required: true });
    const out = h('p', { class: 'notice', role: 'status' });
    const save = h('button', { class: 'button primary', type: 'submit' }, 'Save policy');
    policyForm.replaceChildren(
      h('h2', { id: 'waitlist-policy-title' }, 'Waitlist policy'),
      h('label', { class: 'check', for: 'wl-double-opt-in' }, optIn, h('span', {}, h('strong', {}, 'Double opt-in'), h('small', {}, 'New sign-ups get a confirmation email first and count only once confirmed.'))),
      h('div', { class: 'form-stack' },
        field('Batch factor k', k, 'Tell at most k people per unit in stock at a time.'),
        field('Batch interval (minutes)', interval, 'Wait this long before telling the next batch, re-checking stock.'),
        field('Hold (hours)', hold, 'Reserve each notified person’s quantity for this long. 0: no holds.'),
      ),
      h('div', { class: 'form-end' }, out, save),
    );
    policyForm.onsubmit = (e) => {
      e.preventDefault();
      const body = { doubleOptIn: optIn.checked, k: Number(k.value), batchIntervalMinutes: Number(interval.value), holdHours: Number(hold.value) };
      if (!(body.k >= 0.1 && body.k <= 1000)) return say(out, 'The batch factor k must be between 0.1 and 1000.', false);
      if (!Number.isInteger(body.batchIntervalMinutes) || body.batchIntervalMinutes < 0 || body.batchIntervalMinutes > 10080) return say(out, 'The batch interval must be a whole number of minutes from 0 to 10080 (a week).', false);
      if (!(body.holdHours >= 0 && body.holdHours <= 168)) return say(out, 'Holds last from 0 to 168 hours.', false);
      void run(save, async () => {
        const saved = await ctx.api.put('/v1/settings/waitlist', body);
        renderPolicy(saved);
        const again = /** @type {HTMLElement} */ (policyForm.querySelector('.notice'));
        say(again, `Saved. ${saved.doubleOptIn ? 'New sign-ups confirm by email first' : 'New sign-ups join the list at once, without a confirmation email'}; ${saved.holdHours > 0 ? `notified people get a ${saved.holdHours} h hold` : 'no holds'}.`);
      }, out, { onAuthFailure: ctx.onAuthFailure });
    };
  }

  const refreshSoon = debounce(() => void loadStats(), 300);
  let policyLoaded = false;
  return {
    el,
    async show() {
      if (!policyLoaded) {
        policyLoaded = true;
        void loadPolicy();
      }
      await loadStats();
    },
    prime: () => loadStats(),
    onEvent(event) {
      if (event.type.startsWith('waitlist.') || event.type === 'order.created') {
        refreshSoon();
      }
    },
  };
}
