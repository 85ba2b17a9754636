/**
 * The widget's own styles, adopted by each shadow root (one parsed sheet for every widget of a page). A shop
 * themes it from outside with the custom properties and ::part names listed in restock-availability.ts.
 */
export const CSS = `
:host {
display: block;
font-family: var(--restock-font, inherit);
color: var(--restock-text, inherit);
--_tone: var(--restock-muted, #4b5563);
}
:host([hidden]) { display: none; }
:host([status=in_stock]) { --_tone: var(--restock-in-stock, #166534); }
:host([status=low_stock]) { --_tone: var(--restock-low-stock, #92400e); }
:host([status=out_of_stock]) { --_tone: var(--restock-out-of-stock, #b91c1c); }
:host([status=backorder]) { --_tone: var(--restock-backorder, #1d4ed8); }
:host([status=preorder]) { --_tone: var(--restock-preorder, #6d28d9); }
:host([status=discontinued]) { --_tone: var(--restock-discontinued, #4b5563); }
.widget { display: grid; gap: 0.5rem; }
.status {
display: flex;
flex-wrap: wrap;
align-items: center;
gap: 0.25rem 0.5rem;
min-height: 1.75em;
}
.badge {
display: inline-flex;
align-items: center;
gap: 0.45em;
padding: 0.2em 0.65em 0.2em 0.55em;
border-radius: var(--restock-radius, 999px);
font-size: var(--restock-badge-size, 0.8125rem);
font-weight: 600;
line-height: 1.4;
white-space: nowrap;
color: var(--_tone);
background: color-mix(in srgb, var(--_tone) 11%, transparent);
}
.dot {
width: 0.5em;
height: 0.5em;
border-radius: 50%;
background: currentColor;
flex: none;
}
.detail {
font-size: var(--restock-detail-size, 0.875rem);
line-height: 1.4;
color: var(--restock-muted, #4b5563);
}
.detail:empty { display: none; }
:host([status=loading]) .badge { color: transparent; background: linear-gradient(90deg, #e5e7eb, #f3f4f6, #e5e7eb); background-size: 200% 100%; animation: shimmer 1.2s linear infinite; }
:host([status=loading]) .dot { visibility: hidden; }
.changed .badge { animation: pulse 0.9s ease-out; }
@keyframes shimmer { to { background-position: -200% 0; } }
@keyframes pulse { 0% { box-shadow: 0 0 0 0 color-mix(in srgb, var(--_tone) 45%, transparent); } 100% { box-shadow: 0 0 0 0.6em transparent; } }
@media (prefers-reduced-motion: reduce) { .badge { animation: none !important; } }
::slotted([slot=actions]) { margin: 0; }
.notify {
container-type: inline-size;
display: grid;
gap: 0.5rem;
padding: 0.85rem 0.9rem;
border: 1px solid color-mix(in srgb, var(--restock-muted, #4b5563) 25%, transparent);
border-radius: var(--restock-panel-radius, 10px);
background: color-mix(in srgb, var(--restock-muted, #4b5563) 4%, transparent);
font-size: var(--restock-detail-size, 0.875rem);
}
.notify, .notify * { box-sizing: border-box; }
.notify[hidden], .notify [hidden] { display: none !important; }
.notify form { display: grid; gap: 0.5rem; margin: 0; }
.notify-title { margin: 0; font-weight: 650; font-size: 0.95em; color: var(--restock-text, inherit); }
.notify-fields { display: grid; grid-template-columns: minmax(0, 1fr) 5.5rem auto; align-items: end; gap: 0.5rem; }
.notify-field { display: grid; gap: 0.2rem; min-width: 0; }
@container (max-width: 26rem) {
.notify-fields { grid-template-columns: minmax(0, 1fr) 5rem; }
.notify-fields button { grid-column: 1 / -1; }
}
.notify label { font-size: 0.8em; font-weight: 600; color: var(--restock-muted, #4b5563); }
.notify input {
font: inherit;
font-size: 0.95rem;
color: inherit;
width: 100%;
min-height: 2.4rem;
padding: 0 0.6rem;
border: 1px solid var(--restock-field-border, #c9ccc6);
border-radius: var(--restock-field-radius, 6px);
background: #fff;
}
.notify input:focus-visible { outline: 2px solid var(--restock-focus, #2563eb); outline-offset: 0; border-color: transparent; }
.notify input[aria-invalid=true] { border-color: var(--restock-out-of-stock, #b91c1c); }
.notify button {
font: inherit;
font-weight: 650;
min-height: 2.4rem;
padding: 0 1rem;
border: 0;
border-radius: var(--restock-field-radius, 6px);
background: var(--restock-accent, #1f5f4a);
color: var(--restock-accent-text, #fff);
cursor: pointer;
white-space: nowrap;
}
.notify button:hover { filter: brightness(0.92); }
.notify button:disabled { opacity: 0.6; cursor: progress; }
.notify button:focus-visible { outline: 2px solid var(--restock-focus, #2563eb); outline-offset: 2px; }
.notify-fine { margin: 0; font-size: 0.8em; color: var(--restock-muted, #4b5563); }
.notify-error { margin: 0; color: var(--restock-out-of-stock, #b91c1c); font-weight: 600; }
.notify-error:empty { display: none; }
.notify-result { display: grid; grid-template-columns: auto 1fr; gap: 0.15rem 0.6rem; align-items: start; }
.notify-result .icon {
grid-row: span 2;
width: 1.6rem; height: 1.6rem; border-radius: 50%;
display: grid; place-items: center;
font-size: 0.9rem; font-weight: 700;
color: #fff; background: var(--_result, var(--restock-accent, #1f5f4a));
}
.notify-result strong { font-size: 1em; color: var(--restock-text, inherit); }
.notify-result p { margin: 0; color: var(--restock-muted, #4b5563); }
.notify-result .again {
grid-column: 2;
justify-self: start;
min-height: 0;
padding: 0;
background: none;
color: var(--restock-accent, #1f5f4a);
font-weight: 600;
text-decoration: underline;
}
.notify-result[data-status=pending] { --_result: var(--restock-backorder, #1d4ed8); }
.notify-result[data-status=notified] { --_result: var(--restock-in-stock, #166534); }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
:host([status=unknown]) .badge, :host([status=error]) .badge { font-weight: 500; }
:host([status=unknown]) .dot, :host([status=error]) .dot { background: transparent; border: 1px solid currentColor; }
.hint { font-family: ui-monospace, monospace; font-size: 0.75rem; }
`;
