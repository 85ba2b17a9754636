/**
 * What the widget says, in English and German. The language is the closest `[lang]` of the element (then the
 * browser's), and it decides everything at once: the labels, the sentences and the way dates are written, so a
 * `lang="de"` page never shows an English word next to a German date. Other languages get English words with
 * dates in their own language. Dates stay ISO (`2026-12-18`) inside the sentences; the element writes each one
 * as a `<time>` in the page's language.
 */

export type Lang = 'en' | 'de';

export interface Words {
  inStock: string;
  lowStock: (n: number | null) => string;
  outOfStock: string;
  backorder: string;
  preorder: string;
  discontinued: string;
  loading: string;
  unavailable: string;
  notSoldHere: string;
  noKeyHint: string;
  expectedBack: (date: string) => string;
  comingOn: (date: string) => string;
  shipsBy: (date: string) => string;
  releases: (date: string) => string;
  releasesShipsBy: (release: string, promised: string) => string;
  noLongerSold: string;
  notifyTitle: string;
  email: string;
  howMany: string;
  notifyMe: string;
  signingUp: string;
  fine: string;
  useAnother: string;
  pendingTitle: string;
  pendingText: (email: string) => string;
  waitingTitle: string;
  waitingText: (email: string) => string;
  notifiedTitle: string;
  notifiedText: (email: string) => string;
  demoTitle: string;
  demoText: (email: string) => string;
  errEmpty: string;
  errEmail: string;
  errQuantity: string;
  errPhone: string;
  errCheck: string;
  errNetwork: string;
  errGone: string;
  errRate: string;
  errClosed: string;
  errServer: string;
  errOther: string;
}

const en: Words = {
  inStock: 'In stock',
  lowStock: (n) => (n === null ? 'Low stock' : `Only ${n} left`),
  outOfStock: 'Out of stock',
  backorder: 'Backorder',
  preorder: 'Pre-order',
  discontinued: 'Discontinued',
  loading: 'Checking availability',
  unavailable: 'Availability unavailable',
  notSoldHere: 'This product is not sold here.',
  noKeyHint: 'No storefront key: set key="rk_st_…" or <meta name="restock-key">.',
  expectedBack: (d) => `Expected back on ${d}`,
  comingOn: (d) => `Coming on ${d}`,
  shipsBy: (d) => `Ships by ${d}`,
  releases: (d) => `Releases ${d}`,
  releasesShipsBy: (r, p) => `Releases ${r} · ships by ${p}`,
  noLongerSold: 'No longer available',
  notifyTitle: 'Notify me when available',
  email: 'Email',
  howMany: 'How many',
  notifyMe: 'Notify me',
  signingUp: 'Signing you up…',
  fine: 'We email you once to confirm, then only about this item. Unsubscribe with one click.',
  useAnother: 'Use another email',
  pendingTitle: 'Check your inbox to confirm',
  pendingText: (e) => `We sent a link to ${e}. Click it and you are on the list; until then we send nothing else.`,
  waitingTitle: "You're on the list",
  waitingText: (e) => `We'll email ${e} as soon as it's back, in the order people signed up.`,
  notifiedTitle: "It's in stock now — we've emailed you",
  notifiedText: (e) => `We sent the details to ${e}. You can also buy it right here.`,
  demoTitle: 'Demo: nothing was sent',
  demoText: (e) => `On a live page we would now email ${e} to confirm.`,
  errEmpty: 'Please enter your email address so we can tell you.',
  errEmail: 'Please enter a full email address, like name@example.com.',
  errQuantity: 'Choose how many you want: a whole number from 1 to 999.',
  errPhone: 'Please enter the phone number with its country code, like +49 151 2345678.',
  errCheck: 'Please check what you entered and try again.',
  errNetwork: 'We could not reach the shop. Check your connection and try again.',
  errGone: 'This product is not sold here any more, so there is no list to join.',
  errRate: 'Too many sign-ups just now. Please wait a minute and try again.',
  errClosed: 'Sign-ups are not available on this page right now. Please try again later.',
  errServer: 'Something went wrong on our side; you are not on the list yet. Please try again.',
  errOther: 'That did not work. Please try again.',
};

const de: Words = {
  inStock: 'Auf Lager',
  lowStock: (n) => (n === null ? 'Geringer Bestand' : `Nur noch ${n} verfügbar`),
  outOfStock: 'Ausverkauft',
  backorder: 'Nachbestellbar',
  preorder: 'Vorbestellbar',
  discontinued: 'Nicht mehr im Sortiment',
  loading: 'Verfügbarkeit wird geprüft',
  unavailable: 'Verfügbarkeit derzeit unbekannt',
  notSoldHere: 'Dieser Artikel wird hier nicht verkauft.',
  noKeyHint: 'Kein Storefront-Schlüssel: key="rk_st_…" oder <meta name="restock-key"> setzen.',
  expectedBack: (d) => `Wieder erwartet am ${d}`,
  comingOn: (d) => `Erscheint am ${d}`,
  shipsBy: (d) => `Versand bis ${d}`,
  releases: (d) => `Erscheint am ${d}`,
  releasesShipsBy: (r, p) => `Erscheint am ${r} · Versand bis ${p}`,
  noLongerSold: 'Nicht mehr erhältlich',
  notifyTitle: 'Benachrichtigen, sobald verfügbar',
  email: 'E-Mail',
  howMany: 'Anzahl',
  notifyMe: 'Benachrichtigen',
  signingUp: 'Wird eingetragen…',
  fine: 'Wir schreiben Ihnen einmal zur Bestätigung, danach nur zu diesem Artikel. Abmelden mit einem Klick.',
  useAnother: 'Andere E-Mail verwenden',
  pendingTitle: 'Bitte bestätigen Sie in Ihrem Postfach',
  pendingText: (e) => `Wir haben einen Link an ${e} geschickt. Ein Klick darauf, und Sie stehen auf der Liste; bis dahin senden wir nichts weiter.`,
  waitingTitle: 'Sie stehen auf der Liste',
  waitingText: (e) => `Wir schreiben ${e}, sobald der Artikel wieder da ist – in der Reihenfolge der Anmeldungen.`,
  notifiedTitle: 'Jetzt wieder auf Lager – wir haben Ihnen geschrieben',
  notifiedText: (e) => `Die Details sind an ${e} unterwegs. Sie können den Artikel auch gleich hier kaufen.`,
  demoTitle: 'Demo: nichts wurde gesendet',
  demoText: (e) => `Auf einer echten Seite ginge jetzt eine Bestätigung an ${e}.`,
  errEmpty: 'Bitte geben Sie Ihre E-Mail-Adresse ein, damit wir Sie benachrichtigen können.',
  errEmail: 'Bitte geben Sie eine vollständige E-Mail-Adresse ein, z. B. name@example.com.',
  errQuantity: 'Bitte wählen Sie eine ganze Zahl von 1 bis 999.',
  errPhone: 'Bitte geben Sie die Telefonnummer mit Ländervorwahl ein, z. B. +49 151 2345678.',
  errCheck: 'Bitte prüfen Sie Ihre Eingabe und versuchen Sie es erneut.',
  errNetwork: 'Der Shop ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  errGone: 'Dieser Artikel wird hier nicht mehr verkauft, daher gibt es keine Liste.',
  errRate: 'Gerade zu viele Anmeldungen. Bitte warten Sie eine Minute und versuchen Sie es erneut.',
  errClosed: 'Anmeldungen sind auf dieser Seite gerade nicht möglich. Bitte versuchen Sie es später erneut.',
  errServer: 'Bei uns ist etwas schiefgegangen; Sie stehen noch nicht auf der Liste. Bitte versuchen Sie es erneut.',
  errOther: 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.',
};

export const WORDS: Record<Lang, Words> = { en, de };

/** The language tag that applies to `el`: its closest [lang], else the browser's. */
export function localeOf(el: Element): string {
  const tag = el.closest('[lang]')?.getAttribute('lang')?.trim();
  return tag || (typeof navigator !== 'undefined' ? navigator.language : '') || 'en';
}

export function langOf(locale: string): Lang {
  return /^de\b/i.test(locale) ? 'de' : 'en';
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD) written out in `locale`: "18 December 2026", "18. Dezember 2026". */
export function longDate(iso: string, locale: string): string {
  let f = formats.get(locale);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    }
    formats.set(locale, f);
  }
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}

/** The page's language as the API takes it for emails (`de`, `en-GB`), or undefined. */
export function apiLocale(locale: string): string | undefined {
  const m = /^([a-z]{2})(?:[-_]([a-z]{2}))?\b/i.exec(locale);
  if (!m) return undefined;
  const lang = (m[1] as string).toLowerCase();
  return m[2] ? `${lang}-${m[2].toUpperCase()}` : lang;
}
