/**
 * A customer email made safe to look at: DOMPurify (HTML profile only, no forms, no frames, no SVG), then what
 * DOMPurify lets through on purpose but a preview must not do either —
 *   - no remote fetches: `url(…)`, `image-set(…)` and the like are taken out of style attributes and `<style>`
 *     blocks unless they are `data:`; `@import` and remote `@font-face` go; images other than `data:` are
 *     replaced by their alt text; legacy `background=` attributes go. An email that phones home (tracking
 *     pixels, remote CSS) thus shows without it, and the page's CSP (img-src 'self' data:) never has to refuse
 *     anything, so nothing is logged as a violation.
 *   - no navigation: links lose their `href` inside the preview; their targets are listed beside it, where an
 *     operator can open them on purpose.
 * CSS is cleaned through the CSSOM (a constructed stylesheet that is never attached), so escapes and comments
 * cannot hide a `url(` from the check: what is checked is what the browser parsed.
 *
 * Style attributes travel as `data-restock-style` from the first step on: parsing markup with a `style`
 * attribute under the page's CSP (style-src 'self') is refused and reported, even in an inert document.
 */
import DOMPurify from 'dompurify';

export const STYLE_ATTR = 'data-restock-style';

export interface EmailLink {
  text: string;
  href: string;
}
export interface CleanEmail {
  /** The body's markup, sanitised; inline styles in `data-restock-style`. */
  html: string;
  /** The body element's own style. */
  bodyStyle: string;
  /** The email's `<style>` rules, cleaned. */
  css: string;
  lang: string;
  links: EmailLink[];
  /** What was taken out, in words ("2 remote images"), for the note under the preview. */
  removed: string[];
}

const purify = DOMPurify(window);

/** A value that would fetch something, unless every URL in it is data:. */
function fetches(value: string): boolean {
  if (/(?:^|[^a-z-])(?:-webkit-)?(?:image-set|image|cross-fade|element|src)\(/i.test(value)) return true;
  for (const m of value.matchAll(/url\(\s*(["']?)([^"')]*)/gi)) {
    if (!/^data:/i.test((m[2] ?? '').trim())) return true;
  }
  return false;
}

function cleanStyle(style: CSSStyleDeclaration): number {
  let dropped = 0;
  for (const prop of [...style]) {
    if (fetches(style.getPropertyValue(prop))) {
      style.removeProperty(prop);
      dropped++;
    }
  }
  return dropped;
}

function cleanRules(list: CSSRuleList | undefined, owner: CSSStyleSheet | CSSGroupingRule | CSSKeyframesRule, count: { n: number }): void {
  if (!list) return;
  for (let i = list.length - 1; i >= 0; i--) {
    const r = list[i];
    if (!r) continue;
    const remove = () => {
      if (owner instanceof CSSKeyframesRule) owner.deleteRule((r as CSSKeyframeRule).keyText);
      else owner.deleteRule(i);
      count.n++;
    };
    if (r instanceof CSSStyleRule) {
      count.n += cleanStyle(r.style);
      if (r.cssRules?.length) cleanRules(r.cssRules, r as unknown as CSSGroupingRule, count);
    } else if (r instanceof CSSGroupingRule) cleanRules(r.cssRules, r, count);
    else if (r instanceof CSSKeyframesRule) cleanRules(r.cssRules, r, count);
    else if (r instanceof CSSKeyframeRule) count.n += cleanStyle(r.style);
    else if (r instanceof CSSFontFaceRule) {
      if (fetches(r.style.getPropertyValue('src'))) remove();
    } else remove(); // @import, @namespace, @page, @property…: nothing an email preview needs
  }
}

/** A stylesheet's text with everything that fetches taken out; `count.n` grows by what was dropped. */
export function cleanCss(text: string, count = { n: 0 }): string {
  // @import is refused by replaceSync with a console warning; it is dropped before, and counted.
  const withoutImports = text.replace(/@import[^;]*;?/gi, () => {
    count.n++;
    return '';
  });
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(withoutImports);
  } catch {
    return '';
  }
  cleanRules(sheet.cssRules, sheet, count);
  return [...sheet.cssRules].map((r) => r.cssText).join('\n');
}

/** Declarations of a style attribute, cleaned the same way. */
export function cleanDeclarations(text: string, count = { n: 0 }): string {
  const sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(`x{${text.replace(/[{}]/g, '')}}`);
  } catch {
    return '';
  }
  const rule = sheet.cssRules[0];
  if (!(rule instanceof CSSStyleRule)) return '';
  count.n += cleanStyle(rule.style);
  return rule.style.cssText;
}

/**
 * Before any parsing (see the top comment): style attributes are renamed, event handler attributes and <base>
 * renamed into something DOMPurify drops, and `<style>` blocks taken out whole (their text is raw up to `</style`, as
 * the HTML tokenizer reads it) to be cleaned as CSS. Inside an attribute value this renames nothing that matters.
 */
export function neutralize(html: string, styles: string[]): string {
  let out = html.replace(/<style\b[^>]*>([\s\S]*?)(<\/style\s*>|$)/gi, (_m, css: string) => {
    styles.push(css);
    return '';
  });
  // A parsed <base> asks the page's CSP (base-uri 'none') too.
  out = out.replace(/<(\/?)base(?=[\s/>])/gi, '<$1restock-dropped-base');
  const styleAttr = /(<[a-z][^<>]*?\s)style(\s*=)/gi;
  const handler = /(<[a-z][^<>]*?\s)(on[a-z]+\s*=)/gi;
  const left = () => new RegExp(styleAttr.source, 'i').test(out) || new RegExp(handler.source, 'i').test(out);
  // An element may carry several handlers: each pass renames one per tag.
  for (let i = 0; i < 20 && left(); i++) {
    out = out.replace(styleAttr, `$1${STYLE_ATTR}$2`).replace(handler, '$1data-restock-dropped-$2');
  }
  return out;
}

export function sanitizeEmail(raw: string): CleanEmail {
  const removedStyles = { n: 0 };
  purify.removeAllHooks();
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === STYLE_ATTR) {
      data.attrValue = cleanDeclarations(data.attrValue, removedStyles);
      if (!data.attrValue) data.keepAttr = false;
    }
  });
  const styles: string[] = [];
  const root = purify.sanitize(neutralize(raw, styles), {
    WHOLE_DOCUMENT: true,
    RETURN_DOM: true,
    USE_PROFILES: { html: true },
    ADD_TAGS: ['style'],
    ADD_ATTR: [STYLE_ATTR],
    // Otherwise DOMPurify checks the value as a URL (and "color: red" is not one).
    ADD_URI_SAFE_ATTR: [STYLE_ATTR],
    ALLOW_DATA_ATTR: false,
    FORBID_TAGS: ['form', 'input', 'button', 'select', 'option', 'textarea', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'video', 'audio', 'source', 'track', 'picture', 'template', 'noscript'],
    FORBID_ATTR: ['style', 'srcset', 'ping', 'action', 'formaction', 'poster', 'target'],
  });
  const scripts = purify.removed.filter((r) => 'element' in r && r.element instanceof Element && /^(script|iframe|object|embed|form)$/i.test(r.element.localName)).length;
  const handlers = purify.removed.filter((r) => 'attribute' in r && r.attribute && /^(on|data-restock-dropped-on)/i.test(r.attribute.name)).length;
  purify.removeAllHooks();

  const doc = root.ownerDocument;
  const body = root.querySelector('body') ?? root;
  let css = styles.map((t) => `${cleanCss(t, removedStyles)}\n`).join('');
  for (const s of [...root.querySelectorAll('style')]) {
    css += `${cleanCss(s.textContent ?? '', removedStyles)}\n`;
    s.remove();
  }
  let images = 0;
  for (const img of [...body.querySelectorAll('img')]) {
    if (/^data:image\//i.test(img.getAttribute('src') ?? '')) continue;
    images++;
    const alt = img.getAttribute('alt')?.trim();
    img.replaceWith(...(alt ? [doc.createTextNode(`[${alt}]`)] : []));
  }
  for (const el of [...root.querySelectorAll('[background]')]) {
    if (!/^data:/i.test(el.getAttribute('background') ?? '')) {
      el.removeAttribute('background');
      images++;
    }
  }
  const links: EmailLink[] = [];
  for (const a of [...body.querySelectorAll('a')]) {
    const href = a.getAttribute('href')?.trim() ?? '';
    a.removeAttribute('href');
    if (/^(https?:|mailto:)/i.test(href)) {
      a.setAttribute('title', href);
      links.push({ text: (a.textContent ?? '').trim().replace(/\s+/g, ' '), href });
    }
  }
  const removed: string[] = [];
  if (scripts) removed.push(`${scripts} ${scripts === 1 ? 'script or embedded object' : 'scripts or embedded objects'}`);
  if (handlers) removed.push(`${handlers} event ${handlers === 1 ? 'handler' : 'handlers'}`);
  if (images) removed.push(`${images} remote ${images === 1 ? 'image' : 'images'}`);
  if (removedStyles.n) removed.push(`${removedStyles.n} remote ${removedStyles.n === 1 ? 'style' : 'styles'} (url(), @import, fonts)`);
  const bodyStyle = body.getAttribute(STYLE_ATTR) ?? '';
  return {
    html: body.innerHTML,
    bodyStyle,
    css: css.trim(),
    lang: root.getAttribute('lang') || 'en',
    links,
    removed,
  };
}
