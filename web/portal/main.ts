/**
 * The supplier portal page (/portal/purchase-orders/:id?token=…): the lines of one purchase order, each
 * confirmed as ordered, cut (fewer units), re-dated or rejected with a reason, sent once for all lines. The
 * signed token from the email's link is the only credential; it goes to the API in a header, never elsewhere.
 * No framework: a fixed skeleton in index.html, elements built here (never parsed from strings).
 */

interface PortalLine {
  id: string;
  sku: string;
  supplierSku: string | null;
  location: string;
  quantity: number;
  unitCost: number;
  confirmedQuantity: number | null;
  status: string;
  expectedDate: string;
  confirmedDate: string | null;
  rejectReason: string | null;
  answeredAt: string | null;
}

interface PortalOrder {
  id: string;
  status: string;
  currency: string;
  total: number;
  sentAt: string | null;
  supplier: { id: string; name: string };
  answerable: boolean;
  linkExpiresAt: string;
  lines: PortalLine[];
}

type Choice = 'confirm' | 'cut' | 'reject';

interface LineAnswer {
  lineId: string;
  status: 'confirmed' | 'rejected';
  quantity?: number;
  date?: string;
  reason?: string;
}

const TOKEN_HEADER = 'x-portal-token';

function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | null | undefined> = {}, ...children: Array<Node | string | null | undefined>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) el.append(c);
  return el;
}

const lang = navigator.language || 'en';

function money(n: number, currency: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency}`;
  }
}

function day(d: string | null): string {
  if (!d) return '—';
  const date = new Date(`${d}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? d : date.toLocaleDateString(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

const today = (): string => new Date().toISOString().slice(0, 10);

const poId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');
const token = new URLSearchParams(location.search).get('token') ?? '';
const api = `/v1/portal/purchase-orders/${encodeURIComponent(poId)}`;

/** The API's error said plainly: its message, never a code or a stack. */
async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json', [TOKEN_HEADER]: token, ...(init.body ? { 'content-type': 'application/json' } : {}) }, credentials: 'omit', referrerPolicy: 'no-referrer' });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message ?? `The server answered ${res.status}.`;
    throw new Error(message.charAt(0).toUpperCase() + message.slice(1));
  }
  return body as T;
}

function showError(message: string): void {
  $('error').textContent = message;
}

function summary(po: PortalOrder): string {
  const lines = `${po.lines.length} ${po.lines.length === 1 ? 'line' : 'lines'}`;
  return `For ${po.supplier.name} · ${lines} · ${money(po.total, po.currency)} · status ${po.status}`;
}

// ---- the form: one fieldset per open line

interface LineControls {
  line: PortalLine;
  choice(): Choice;
  quantity: HTMLInputElement;
  date: HTMLInputElement;
  reason: HTMLTextAreaElement;
  quantityError: HTMLElement;
  reasonError: HTMLElement;
  dateError: HTMLElement;
}

function lineFieldset(line: PortalLine, currency: string): { el: HTMLFieldSetElement; controls: LineControls } {
  const base = `line-${line.id}`;
  const radios = (['confirm', 'cut', 'reject'] as const).map((value) => {
    const input = h('input', { type: 'radio', name: `${base}-choice`, id: `${base}-${value}`, value, checked: value === 'confirm' });
    const text = value === 'confirm' ? `Confirm all ${line.quantity}` : value === 'cut' ? 'Confirm fewer' : 'Reject';
    return { input, label: h('label', { for: `${base}-${value}` }, input, text) };
  });
  const quantityError = h('span', { class: 'error', id: `${base}-quantity-error`, 'aria-live': 'polite' });
  const quantity = h('input', { type: 'number', id: `${base}-quantity`, name: 'quantity', min: 1, max: line.quantity - 1, step: 1, inputmode: 'numeric', 'aria-describedby': `${base}-quantity-error` });
  const dateError = h('span', { class: 'error', id: `${base}-date-error`, 'aria-live': 'polite' });
  const date = h('input', { type: 'date', id: `${base}-date`, name: 'date', value: line.expectedDate, min: today(), 'aria-describedby': `${base}-date-hint ${base}-date-error` });
  const reasonError = h('span', { class: 'error', id: `${base}-reason-error`, 'aria-live': 'polite' });
  const reason = h('textarea', { id: `${base}-reason`, name: 'reason', rows: 2, maxlength: 500, 'aria-describedby': `${base}-reason-error` });
  const quantityField = h('div', { class: 'field', hidden: true }, h('label', { for: quantity.id }, `Units you can deliver (of ${line.quantity})`), quantity, quantityError);
  const dateField = h('div', { class: 'field' }, h('label', { for: date.id }, 'Delivery date'), date, h('span', { class: 'muted', id: `${base}-date-hint` }, `Wanted by ${day(line.expectedDate)}; change it if you deliver on another day.`), dateError);
  const reasonField = h('div', { class: 'field', hidden: true }, h('label', { for: reason.id }, 'Reason for rejecting (required)'), reason, reasonError);
  const choice = (): Choice => (radios.find((r) => r.input.checked)?.input.value as Choice | undefined) ?? 'confirm';
  const sync = () => {
    const c = choice();
    quantityField.hidden = c !== 'cut';
    reasonField.hidden = c !== 'reject';
    dateField.hidden = c === 'reject';
    quantity.required = c === 'cut';
    reason.required = c === 'reject';
  };
  for (const r of radios) r.input.addEventListener('change', sync);
  const facts = `${line.quantity} × ${line.sku}${line.supplierSku ? ` (your ${line.supplierSku})` : ''} · deliver to ${line.location} · ${money(line.unitCost, currency)} each`;
  const el = h(
    'fieldset',
    { class: 'line', id: base },
    h('legend', {}, `${line.sku} to ${line.location}`),
    h('p', { class: 'facts' }, facts),
    h('fieldset', { class: 'choices' }, h('legend', { class: 'visually-hidden' }, `Your answer for ${line.sku}`), ...radios.map((r) => r.label)),
    h('div', { class: 'fields' }, quantityField, dateField, reasonField),
  );
  sync();
  return { el, controls: { line, choice, quantity, date, reason, quantityError, reasonError, dateError } };
}

/** Checks one line's inputs; marks the fields in error and returns the answer, or null. */
function answerOf(c: LineControls): LineAnswer | null {
  c.quantityError.textContent = '';
  c.reasonError.textContent = '';
  c.dateError.textContent = '';
  for (const el of [c.quantity, c.reason, c.date]) el.removeAttribute('aria-invalid');
  const fail = (el: HTMLElement, where: HTMLElement, message: string): null => {
    where.textContent = message;
    el.setAttribute('aria-invalid', 'true');
    return null;
  };
  const choice = c.choice();
  if (choice === 'reject') {
    const reason = c.reason.value.trim();
    if (!reason) return fail(c.reason, c.reasonError, 'Say why you reject this line.');
    return { lineId: c.line.id, status: 'rejected', reason };
  }
  const date = c.date.value;
  if (date && date < today()) return fail(c.date, c.dateError, 'The date cannot be in the past.');
  const answer: LineAnswer = { lineId: c.line.id, status: 'confirmed', quantity: c.line.quantity };
  if (date && date !== c.line.expectedDate) answer.date = date;
  if (choice === 'cut') {
    const q = Number(c.quantity.value);
    if (!Number.isInteger(q) || q < 1 || q >= c.line.quantity) return fail(c.quantity, c.quantityError, `Enter a whole number from 1 to ${c.line.quantity - 1}, or reject the line.`);
    answer.quantity = q;
  }
  return answer;
}

// ---- the result

function statusText(l: PortalLine): string {
  if (l.status === 'rejected') return `Rejected${l.rejectReason ? `: ${l.rejectReason}` : ''}`;
  if (l.status === 'confirmed' && l.confirmedQuantity !== null && l.confirmedQuantity < l.quantity) return 'Confirmed (fewer)';
  return l.status.charAt(0).toUpperCase() + l.status.slice(1);
}

function showResult(po: PortalOrder, justAnswered: boolean): void {
  $('answer-form').hidden = true;
  const result = $('result');
  $('result-title').textContent = justAnswered ? 'Thank you: your answer is recorded' : 'This purchase order is answered';
  $('result-summary').textContent = po.answerable ? '' : 'Nothing is left to answer here. If something changes, tell your customer directly.';
  $('result-lines').replaceChildren(
    ...po.lines.map((l) =>
      h(
        'tr',
        { 'data-line': l.id },
        h('td', {}, l.sku),
        h('td', {}, l.location),
        h('td', { class: 'num' }, String(l.quantity)),
        h('td', { class: 'num' }, l.confirmedQuantity === null ? '—' : String(l.confirmedQuantity)),
        h('td', {}, day(l.confirmedDate ?? l.expectedDate)),
        h('td', { class: `status-${l.status}` }, statusText(l)),
      ),
    ),
  );
  result.hidden = false;
  if (justAnswered) result.focus();
}

function showForm(po: PortalOrder): void {
  const open = po.lines.filter((l) => l.status === 'open');
  const built = open.map((l) => lineFieldset(l, po.currency));
  $('lines').replaceChildren(...built.map((b) => b.el));
  const form = $<HTMLFormElement>('answer-form');
  const submit = $<HTMLButtonElement>('submit');
  form.hidden = false;
  let sending = false;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (sending) return;
    showError('');
    const answers = built.map((b) => answerOf(b.controls));
    const firstBad = built.find((_b, i) => answers[i] === null);
    if (firstBad) {
      showError('Some lines need a correction before the answer can be sent.');
      firstBad.el.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    sending = true;
    submit.disabled = true;
    submit.textContent = 'Sending…';
    request<PortalOrder>(`${api}/answer`, { method: 'POST', body: JSON.stringify({ lines: answers }) })
      .then((after) => {
        $('summary').textContent = summary(after);
        showResult(after, true);
      })
      .catch((err: unknown) => {
        sending = false;
        submit.disabled = false;
        submit.textContent = 'Send my answer';
        showError(err instanceof Error ? err.message : String(err));
      });
  });
}

async function start(): Promise<void> {
  if (!token) {
    $('summary').textContent = '';
    showError('This page opens from the link in the purchase order email; the link is incomplete.');
    return;
  }
  try {
    const po = await request<PortalOrder>(api);
    document.title = `Purchase order ${po.id}`;
    $('title').textContent = `Purchase order ${po.id}`;
    $('summary').textContent = summary(po);
    if (po.answerable) showForm(po);
    else showResult(po, false);
  } catch (err) {
    $('summary').textContent = '';
    showError(err instanceof Error ? err.message : String(err));
  }
}

void start();
