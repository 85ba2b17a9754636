/**
 * Small building blocks the dashboard's views share: number and date formats, badges, buttons that run an action,
 * forms whose outcome is said in words, an inline sparkline, and a modal. Plain DOM, no HTML parsing.
 */
import { ApiError, h, plainWords } from '/shared/api.js';

export const locale = document.documentElement.lang || navigator.language || 'en';
const numberFormat = new Intl.NumberFormat(locale);
const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const calendarFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const longCalendarFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const stampFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const fullFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

export const num = (n) => (n === null || n === undefined ? '—' : numberFormat.format(n));
export const percent = (x) => (x === null || x === undefined ? '—' : percentFormat.format(x));

/** A calendar date (YYYY-MM-DD) as `18 Dec 2026`, inside <time>, with the weekday in its title. */
export function calendarDate(iso, { relativeToToday = false } = {}) {
  if (!iso) return h('span', { class: 'muted' }, 'no date yet');
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return h('span', {}, iso);
  const days = Math.round((d.getTime() - Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate())) / 86_400_000);
  return h(
    'time',
    { datetime: iso.slice(0, 10), title: longCalendarFormat.format(d), class: 'date' },
    calendarFormat.format(d),
    relativeToToday ? h('span', { class: `rel ${days < 0 ? 'past' : ''}` }, relative.format(days, 'day')) : null,
  );
}

/** A calendar date as plain text (`18 Dec 2026`), for sentences. */
export function calendarText(iso) {
  const d = new Date(`${String(iso).slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? String(iso) : calendarFormat.format(d);
}

/** An instant as `27 Nov, 10:17`, inside <time>, with the full date and time in its title. */
export function stamp(iso) {
  const t = Date.parse(iso ?? '');
  if (Number.isNaN(t)) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: iso, title: fullFormat.format(t), class: 'stamp tabular' }, stampFormat.format(t));
}

/** `3 h`, `2.5 d`: a duration in hours for a table cell. */
export function hours(x) {
  if (x === null || x === undefined) return '—';
  if (x < 1) return `${Math.max(1, Math.round(x * 60))} min`;
  if (x < 48) return `${numberFormat.format(Math.round(x * 10) / 10)} h`;
  return `${numberFormat.format(Math.round((x / 24) * 10) / 10)} d`;
}

export function sentenceCase(s) {
  const t = String(s ?? '').replace(/[_.]/g, ' ').trim();
  return t ? t[0].toUpperCase() + t.slice(1) : t;
}

/** A coloured pill; `tone` picks the colour (see dashboard.css `.pill.t-…`). */
export function pill(text, tone = 'neutral', attrs = {}) {
  return h('span', { class: `pill t-${tone}`, ...attrs }, text);
}

/**
 * Runs `action` from a button: disabled meanwhile; a failure is written into `out` (or thrown to `onError`).
 * Returns what the action returned, or undefined when it failed.
 */
export async function run(button, action, out, { busyText = '', onAuthFailure } = {}) {
  const label = button?.textContent ?? '';
  if (button) {
    button.disabled = true;
    if (busyText) button.textContent = busyText;
  }
  if (out) {
    out.textContent = '';
    out.classList.remove('ok');
  }
  try {
    return await action();
  } catch (err) {
    if (onAuthFailure?.(err)) return undefined;
    if (out) out.textContent = wordsFor(err);
    else throw err;
    return undefined;
  } finally {
    if (button) {
      button.disabled = false;
      if (busyText) button.textContent = label;
    }
  }
}

/** An operator-facing reason: the API's own message is precise enough, said as a sentence. */
export function wordsFor(err) {
  if (err instanceof ApiError && err.code === 'invalid_request' && Array.isArray(err.details) && err.details[0]) {
    const d = err.details[0];
    const field = String(d.field ?? '').replace(/^body\./, '');
    return `${sentenceCase(field)} ${d.message}.`;
  }
  return plainWords(err);
}

export function say(out, text, ok = true) {
  out.textContent = text;
  out.classList.toggle('ok', ok);
}

/** A labelled field: `field('Quantity', input, 'hint')`. The input needs an id. */
export function field(label, input, hint = '', attrs = {}) {
  const hintId = hint ? `${input.id}-hint` : null;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field', ...attrs }, h('label', { for: input.id }, label), input, hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** An inline SVG sparkline of counts, with a text alternative. */
export function sparkline(values, { width = 120, height = 28, label = '' } = {}) {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('class', 'spark');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const max = Math.max(1, ...values);
  const n = values.length;
  const gap = 1;
  const bar = Math.max(1, (width - gap * (n - 1)) / Math.max(1, n));
  values.forEach((v, i) => {
    const r = document.createElementNS(NS, 'rect');
    const hgt = v === 0 ? 1.5 : Math.max(3, (v / max) * (height - 2));
    r.setAttribute('x', String(i * (bar + gap)));
    r.setAttribute('y', String(height - hgt));
    r.setAttribute('width', String(bar));
    r.setAttribute('height', String(hgt));
    r.setAttribute('rx', '1');
    r.setAttribute('class', v === 0 ? 'zero' : i === n - 1 ? 'today' : 'day');
    const title = document.createElementNS(NS, 'title');
    title.textContent = String(v);
    r.append(title);
    svg.append(r);
  });
  return svg;
}

/** A modal dialog with a title; returns { dialog, body, close }. Esc and the close button close it. */
export function modal(title, { wide = false } = {}) {
  const body = h('div', { class: 'modal-body' });
  const closeButton = h('button', { class: 'button small ghost modal-close', type: 'button', 'aria-label': 'Close' }, '✕');
  const dialog = h('dialog', { class: `modal ${wide ? 'wide' : ''}`, 'aria-labelledby': 'modal-title' }, h('div', { class: 'modal-head' }, h('h2', { id: 'modal-title' }, title), closeButton), body);
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  closeButton.addEventListener('click', close);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) close();
  });
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, body, close };
}

/** A table with a caption for screen readers, a header row and body rows (or an empty-state row). */
export function table({ caption, head, rows, empty = 'Nothing here yet.', className = '' }) {
  const cols = head.length;
  return h(
    'table',
    { class: `data ${className}` },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, head.map((x) => (typeof x === 'string' ? h('th', { scope: 'col' }, x) : h('th', { scope: 'col', class: x.class ?? '' }, x.label))))),
    h('tbody', {}, rows.length ? rows : h('tr', { class: 'empty-row' }, h('td', { colspan: String(cols), class: 'muted' }, empty))),
  );
}

/** Debounces `fn` by `ms`. */
export function debounce(fn, ms) {
  let t = 0;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
