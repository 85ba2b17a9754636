/**
 * The script of the email preview frame (built as its own small file, see EmailPreview in Messages.tsx). The
 * frame has an opaque origin (sandbox without allow-same-origin): this script cannot reach the dashboard, its
 * storage or its key, and it is the only script the frame runs (the CSP the frame inherits refuses inline
 * scripts and handlers; the email arrives sanitised, without any).
 *
 * It receives the sanitised email from the dashboard and draws it: the markup through an inert parse, the
 * email's inline styles and `<style>` rules through the CSSOM (el.style, a constructed stylesheet), which the
 * page's CSP (style-src 'self', no 'unsafe-inline') does not govern — that is how the email shows as sent
 * while the policy stays strict. It reports its height so the frame fits the email without a scrollbar.
 */
interface PreviewMessage {
  type: 'restock-preview';
  html: string;
  bodyStyle: string;
  css: string;
  lang: string;
}

const STYLE_ATTR = 'data-restock-style';
const BASE_CSS = 'html{background:#fff}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1c1f23;overflow-wrap:anywhere}img{max-width:100%;height:auto}a{cursor:default}table{max-width:100%}';

function reportHeight(): void {
  window.parent.postMessage({ type: 'restock-preview-size', height: Math.ceil(document.documentElement.scrollHeight) }, '*');
}

function draw(m: PreviewMessage): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><html><body>${m.html}</body></html>`, 'text/html');
  // What the dashboard's sanitiser took out stays out: nothing that runs, loads or submits is drawn.
  for (const el of parsed.querySelectorAll('script, style, iframe, frame, object, embed, link, meta, base, form, svg, math')) el.remove();
  for (const el of parsed.querySelectorAll('*')) {
    for (const a of [...el.attributes]) if (/^on/i.test(a.name) || a.name === 'href' || (a.name === 'src' && !/^data:image\//i.test(a.value))) el.removeAttribute(a.name);
  }
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  for (const el of document.body.querySelectorAll<HTMLElement>(`[${STYLE_ATTR}]`)) {
    el.style.cssText = el.getAttribute(STYLE_ATTR) ?? '';
    el.removeAttribute(STYLE_ATTR);
  }
  document.body.style.cssText = m.bodyStyle;
  document.documentElement.lang = m.lang;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${BASE_CSS}\n${m.css}`);
  document.adoptedStyleSheets = [sheet];
  reportHeight();
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (e.source !== window.parent) return;
  const m = e.data as Partial<PreviewMessage> | null;
  if (!m || m.type !== 'restock-preview' || typeof m.html !== 'string') return;
  draw({ type: 'restock-preview', html: m.html, bodyStyle: String(m.bodyStyle ?? ''), css: String(m.css ?? ''), lang: String(m.lang ?? 'en') });
});
new ResizeObserver(reportHeight).observe(document.documentElement);
window.parent.postMessage({ type: 'restock-preview-ready' }, '*');
