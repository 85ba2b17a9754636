/**
 * Double opt-in that mail scanners cannot click: a GET on a confirm, unsubscribe or hold link changes nothing in
 * the database; the page's POST does (and RFC 8058's one-click POST unsubscribes); confirmation links expire;
 * the pages carry security headers. Sign-ups: one recipient per address (`+tag`, case), one pending
 * confirmation resent at most hourly, and the same answer whether or not the address was on the list.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from './helpers/db.ts';
import { harness, seedBasic, type Harness } from './helpers/app.ts';
import { composeMime } from '../src/messaging/dispatcher.ts';

const linkIn = (text: string, kind: 'confirm' | 'unsubscribe' | 'hold'): string => {
  const m = new RegExp(`/w/${kind}/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)`).exec(text);
  assert.ok(m?.[1], `no ${kind} link in: ${text}`);
  return m[1];
};

/** Everything a link could change. */
async function snapshot(h: Harness): Promise<unknown> {
  const q = h.restock.db.kysely;
  return {
    waitlist: await q.selectFrom('waitlist').selectAll().orderBy('id').execute(),
    reservations: await q.selectFrom('reservations').selectAll().orderBy('id').execute(),
    levels: await q.selectFrom('stock_levels').selectAll().orderBy('sku').orderBy('location').execute(),
    events: (await q.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n,
    messages: (await q.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n,
  };
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

for (const dialect of DIALECTS) {
  describe(`waitlist double opt-in and sign-ups (${dialect})`, () => {
    let h: Harness;
    const subscribe = (email: string, sku = 'OPT-1') => h.call('POST', '/v1/waitlist', { sku, email }, { as: 'storefront' });
    const mails = async (to: string, type = 'waitlist_confirm') => (await h.call('GET', `/v1/messages?to=${encodeURIComponent(to)}&type=${type}`)).body.items as Array<{ text: string }>;
    const status = async (email: string, sku = 'OPT-1') => ((await h.call('GET', `/v1/waitlist?sku=${sku}`)).body.items as Array<{ email: string; status: string }>).filter((s) => s.email.toLowerCase().replace(/\+[^@]*/, '') === email).map((s) => s.status);
    before(async () => {
      h = await harness(dialect, { restock: { waitlistConfirmHours: 48 } });
      await seedBasic(h, 'OPT-1', {});
      await seedBasic(h, 'OPT-H', {});
    });
    after(async () => h?.close());

    it('a GET on the confirm and unsubscribe links (a mail scanner) changes nothing; the page posts', async () => {
      assert.equal((await subscribe('scan@example.com')).status, 202);
      const [mail] = await mails('scan@example.com');
      assert.ok(mail);
      const confirm = linkIn(mail.text, 'confirm');
      const unsubscribe = linkIn(mail.text, 'unsubscribe');
      const before = await snapshot(h);
      for (const url of [`/w/confirm/${confirm}`, `/w/unsubscribe/${unsubscribe}`, `/w/confirm/${confirm}`]) {
        const page = await h.app.inject({ method: 'GET', url });
        assert.equal(page.statusCode, 200, page.body);
        assert.match(page.body, /<form method="post"><button type="submit">/);
        assert.doesNotMatch(page.body, /<script/i);
        assert.doesNotMatch(page.body, /on the list/);
      }
      assert.deepEqual(await snapshot(h), before, 'a GET changed the database');
      const posted = await h.app.inject({ method: 'POST', url: `/w/confirm/${confirm}`, headers: FORM, payload: '' });
      assert.equal(posted.statusCode, 200, posted.body);
      assert.match(posted.body, /on the list/);
      // The page names the product, not its SKU code, and leads back to it in the shop.
      const title = (await h.restock.catalog.get('OPT-1')).title;
      assert.ok(posted.body.includes(title.replace(/&/g, '&amp;')), posted.body);
      assert.match(posted.body, /href="[^"]*#\/product\/OPT-1">Back to the shop<\/a>/);
      assert.deepEqual(await status('scan@example.com'), ['waiting']);
    });

    it('RFC 8058 one-click: the List-Unsubscribe URL takes a POST of List-Unsubscribe=One-Click (form or multipart), no CSRF token', async () => {
      await subscribe('click@example.com');
      await subscribe('multi@example.com');
      const rows = await h.restock.db.kysely.selectFrom('messages').select(['to_addr', 'list_unsubscribe', 'text_body']).where('type', '=', 'waitlist_confirm').where('to_addr', 'in', ['click@example.com', 'multi@example.com']).execute();
      assert.equal(rows.length, 2);
      for (const r of rows) assert.ok(r.list_unsubscribe?.endsWith(`/w/unsubscribe/${linkIn(r.text_body, 'unsubscribe')}`), String(r.list_unsubscribe));
      const mime = composeMime('Shop <shop@example.com>', { to_addr: 'click@example.com', subject: 'S', text_body: 't', html_body: 'h', list_unsubscribe: rows[0]!.list_unsubscribe }, '<msg_1@x>', 'msg_1', new Date());
      assert.match(mime, new RegExp(`\\r\\nList-Unsubscribe: <${rows[0]!.list_unsubscribe!.replace(/[.?+]/g, '\\$&')}>\\r\\n`));
      assert.match(mime, /\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n/);
      const url = (to: string) => new URL(rows.find((r) => r.to_addr === to)!.list_unsubscribe!).pathname;
      const a = await h.app.inject({ method: 'POST', url: url('click@example.com'), headers: FORM, payload: 'List-Unsubscribe=One-Click' });
      assert.equal(a.statusCode, 200, a.body);
      const boundary = '----x';
      const b = await h.app.inject({ method: 'POST', url: url('multi@example.com'), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n` });
      assert.equal(b.statusCode, 200, b.body);
      assert.deepEqual(await status('click@example.com'), ['unsubscribed']);
      assert.deepEqual(await status('multi@example.com'), ['unsubscribed']);
    });

    it('a GET on a hold link takes nothing and releases nothing', async () => {
      await h.call('PUT', '/v1/settings/waitlist', { doubleOptIn: false, k: 1, batchIntervalMinutes: 30, holdHours: 2 });
      try {
        await subscribe('held@example.com', 'OPT-H');
        await h.restock.inventory.receive('OPT-H', 'WH1', 1);
        await h.restock.runReactors();
        const [mail] = await mails('held@example.com', 'back_in_stock');
        assert.ok(mail);
        const before = await snapshot(h);
        const page = await h.app.inject({ method: 'GET', url: `/w/hold/${linkIn(mail.text, 'hold')}` });
        assert.equal(page.statusCode, 200, page.body);
        assert.match(page.body, /Held for you/);
        assert.deepEqual(await snapshot(h), before);
      } finally {
        await h.call('PUT', '/v1/settings/waitlist', { doubleOptIn: true, k: 1, batchIntervalMinutes: 30, holdHours: 0 });
      }
    });

    it('the link pages carry security headers: CSP with frame-ancestors none, nosniff, no Referer', async () => {
      await subscribe('headers@example.com');
      const [mail] = await mails('headers@example.com');
      for (const url of [`/w/confirm/${linkIn(mail!.text, 'confirm')}`, `/w/unsubscribe/${linkIn(mail!.text, 'unsubscribe')}`, '/w/hold/not-a-valid-token']) {
        const r = await h.app.inject({ method: 'GET', url });
        const csp = String(r.headers['content-security-policy']);
        assert.match(csp, /frame-ancestors 'none'/, url);
        assert.match(csp, /style-src [^;]*'sha256-[A-Za-z0-9+/=]+'/);
        assert.doesNotMatch(csp, /unsafe-inline/);
        assert.equal(r.headers['x-content-type-options'], 'nosniff');
        assert.equal(r.headers['referrer-policy'], 'no-referrer');
      }
    });

    it('a confirmation link expires (here after 48 hours): expired_token, nothing confirmed', async () => {
      await subscribe('late@example.com');
      const [mail] = await mails('late@example.com');
      const url = `/w/confirm/${linkIn(mail!.text, 'confirm')}`;
      h.clock.advance(47 * 3600_000);
      assert.equal((await h.app.inject({ method: 'GET', url })).statusCode, 200);
      h.clock.advance(2 * 3600_000);
      const before = await snapshot(h);
      const asJson = await h.app.inject({ method: 'POST', url, headers: { ...FORM, accept: 'application/json' }, payload: '' });
      assert.equal(asJson.statusCode, 400, asJson.body);
      const body = JSON.parse(asJson.body) as { error: { code: string; details: { expiredAt: string } } };
      assert.equal(body.error.code, 'expired_token');
      assert.ok(Date.parse(body.error.details.expiredAt) < h.clock.now().getTime());
      const asPage = await h.app.inject({ method: 'POST', url, headers: FORM, payload: '' });
      assert.equal(asPage.statusCode, 400);
      assert.match(asPage.body, /expired/);
      assert.deepEqual(await snapshot(h), before);
      assert.deepEqual(await status('late@example.com'), ['pending']);
    });

    it('no enumeration: a new address and one already confirmed get the same answer', async () => {
      const fresh = await subscribe('new-one@example.com');
      await subscribe('known@example.com');
      const [mail] = await mails('known@example.com');
      await h.app.inject({ method: 'POST', url: `/w/confirm/${linkIn(mail!.text, 'confirm')}`, headers: FORM, payload: '' });
      assert.deepEqual(await status('known@example.com'), ['waiting']);
      const known = await subscribe('known@example.com');
      const pendingAgain = await subscribe('new-one@example.com');
      for (const r of [known, pendingAgain]) {
        assert.equal(r.status, fresh.status);
        assert.deepEqual(r.body, fresh.body);
        assert.deepEqual(Object.keys(r.headers).filter((k) => !['date', 'content-length'].includes(k)).sort(), Object.keys(fresh.headers).filter((k) => !['date', 'content-length'].includes(k)).sort());
      }
      assert.deepEqual(fresh.body, { status: 'pending' });
    });

    it('+tag variants and case are one recipient; a pending sign-up is mailed again at most once an hour', async () => {
      assert.equal((await subscribe('Tess+shoes@Example.COM')).status, 202);
      assert.equal((await subscribe('tess@example.com')).status, 202);
      assert.equal((await subscribe('TESS+other@example.com')).status, 202);
      const subs = ((await h.call('GET', '/v1/waitlist?sku=OPT-1')).body.items as Array<{ email: string }>).filter((s) => /tess/i.test(s.email));
      assert.deepEqual(subs.map((s) => s.email), ['Tess+shoes@Example.COM'], 'kept as given, once');
      const count = async () => (await h.restock.db.kysely.selectFrom('messages').select('id').where('type', '=', 'waitlist_confirm').where('to_addr', '=', 'tess+shoes@example.com').execute()).length;
      assert.equal(await count(), 1);
      h.clock.advance(59 * 60_000);
      await subscribe('tess@example.com');
      assert.equal(await count(), 1, 'resent within the hour');
      h.clock.advance(2 * 60_000);
      await subscribe('tess@example.com');
      await subscribe('tess+again@example.com');
      assert.equal(await count(), 2, 'resent once after an hour');
    });
  });
}
