/**
 * A small client for the Restock HTTP API, shared by the demo shop and the dashboard. Errors from the API
 * (`{ error: { code, message, details } }`) become ApiError; `plainWords` says them the way a person would.
 */

export class ApiError extends Error {
  constructor(status, code, message, details = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** @param {{ base?: string, key: () => (string | null) }} opts */
export function createApi(opts) {
  const base = (opts.base ?? '').replace(/\/$/, '');

  async function request(method, path, body) {
    const headers = {};
    const key = opts.key();
    if (key) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res;
    try {
      res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (err) {
      throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
    }
    const text = await res.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
    if (!res.ok) {
      const e = data && typeof data === 'object' && data.error ? data.error : null;
      throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? `the server answered ${res.status}`, e?.details ?? null);
    }
    return data;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body ?? {}),
    patch: (path, body) => request('PATCH', path, body ?? {}),
    del: (path) => request('DELETE', path),
  };
}

function sentence(s) {
  const t = String(s ?? '').trim();
  if (!t) return '';
  const capital = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** What went wrong, for a shopper or an operator: no codes, no stack traces. */
export function plainWords(err) {
  if (!(err instanceof ApiError)) return 'Something went wrong. Please try again.';
  const d = err.details && typeof err.details === 'object' ? err.details : {};
  switch (err.code) {
    case 'network':
      return 'We could not reach the shop. Check your connection and try again.';
    case 'insufficient_stock':
      return typeof d.available === 'number'
        ? d.available === 0
          ? 'Sorry, this just sold out.'
          : `Sorry, only ${d.available} ${d.available === 1 ? 'is' : 'are'} left. Try a smaller quantity.`
        : 'Sorry, there is not enough stock for that quantity.';
    case 'reservation_expired':
      return 'Your hold ran out, so the items went back on sale. Add them to your cart again.';
    case 'reservation_committed':
      return 'This order has already been placed.';
    case 'reservation_released':
      return 'This hold was already released.';
    case 'unknown_reservation':
      return 'We could not find that hold any more. Add the item to your cart again.';
    case 'unknown_sku':
      return 'We could not find that product.';
    case 'not_sellable':
      return sentence(err.message) || 'This product cannot be bought right now.';
    case 'unauthorized':
      return 'The API key is missing, not valid, or was revoked.';
    case 'forbidden':
      return 'This API key is not allowed to do that.';
    case 'rate_limited':
      return 'Too many requests just now. Please wait a moment and try again.';
    case 'internal':
      return 'Something went wrong on our side; nothing was changed. Please try again.';
    default:
      if (err.status >= 500) return 'Something went wrong on our side. Please try again.';
      return sentence(err.message) || 'That did not work. Please try again.';
  }
}

/** Builds an element: h('a', { href: '#', class: 'x', onclick: fn }, 'text', child). Never parses HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'style' && typeof v === 'object') for (const [p, val] of Object.entries(v)) el.style.setProperty(p, String(val));
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

export function formatMoney(amount, currency, locale) {
  const n = Number(amount);
  if (!Number.isFinite(n)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency}`;
  }
}
