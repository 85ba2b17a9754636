/**
 * Parked events (shown on the webhooks tab): events a reactor (webhook fan-out, waitlist release, customer
 * messages) failed on until it gave up and moved on. Each shows its reactor, event and last error, with a
 * button to run the reactor on it again and one to discard it.
 */
import { h } from '/shared/api.js';
import { num, run, stamp, table } from './ui.js';

export function reactorsPanel(ctx) {
  const el = h('section', { class: 'panel pad parked', id: 'parked-events', 'aria-labelledby': 'parked-title' });

  async function load() {
    try {
      const [reactors, parked] = await Promise.all([ctx.api.get('/v1/reactors'), ctx.api.get('/v1/reactors/parked?status=parked&limit=100')]);
      render(reactors.items, parked.items);
    } catch (err) {
      if (!ctx.onAuthFailure(err)) el.replaceChildren(h('h2', { id: 'parked-title' }, 'Parked events'), h('p', { class: 'notice' }, ctx.words(err)));
    }
  }

  function render(reactors, parked) {
    const refresh = h('button', { class: 'button small', type: 'button' }, 'Refresh');
    refresh.addEventListener('click', () => void load());
    const failing = reactors.filter((r) => r.failing);
    el.replaceChildren(
      h('div', { class: 'section-head' }, h('h2', { id: 'parked-title' }, 'Parked events'), h('div', { class: 'head-tools' }, refresh)),
      h('p', { class: 'muted' }, 'Events a reactor could not handle after its retries. It moved on; retry one once the cause is fixed, or discard it.'),
      failing.length
        ? h('p', { class: 'notice', role: 'status' }, failing.map((r) => `${r.name} is retrying event #${r.failing.eventId} (attempt ${r.failing.attempts}): ${r.failing.lastError}`).join(' · '))
        : null,
      h('div', { class: 'table-scroll' },
        table({
          caption: 'Parked events, newest first',
          head: ['Reactor', 'Event', { label: 'Attempts', class: 'num' }, 'Last error', 'Parked', ''],
          rows: parked.map((p) => {
            const out = h('p', { class: 'notice row-notice', role: 'status' });
            const retry = h('button', { class: 'button small', type: 'button', 'data-action': 'retry' }, 'Retry');
            const discard = h('button', { class: 'button small ghost', type: 'button', 'data-action': 'discard' }, 'Discard');
            retry.addEventListener('click', () => {
              void run(retry, async () => {
                await ctx.api.post(`/v1/reactors/parked/${p.id}/retry`, {});
                ctx.flash(`${p.consumer} handled ${p.eventType} #${p.eventId}.`);
                await load();
              }, out, { onAuthFailure: ctx.onAuthFailure });
            });
            discard.addEventListener('click', () => {
              void run(discard, async () => {
                await ctx.api.post(`/v1/reactors/parked/${p.id}/discard`, {});
                ctx.flash(`${p.eventType} #${p.eventId} discarded for ${p.consumer}.`);
                await load();
              }, out, { onAuthFailure: ctx.onAuthFailure });
            });
            return h('tr', { 'data-parked': String(p.id) },
              h('td', {}, h('code', {}, p.consumer)),
              h('td', {}, h('code', { class: 'event-chip' }, p.eventType), h('span', { class: 'sub muted' }, `#${p.eventId}`)),
              h('td', { class: 'num tabular' }, num(p.attempts)),
              h('td', {}, h('span', { class: 'error-text', title: p.error }, p.error)),
              h('td', {}, stamp(p.parkedAt)),
              h('td', {}, retry, ' ', discard, out),
            );
          }),
          empty: 'Nothing parked: every reactor is keeping up.',
          className: 'parked-table',
        }),
      ),
      reactors.length ? h('p', { class: 'muted small' }, reactors.map((r) => `${r.name}: ${r.behind} behind${r.parked ? `, ${r.parked} parked` : ''}`).join(' · ')) : null,
    );
  }

  return { el, load };
}
