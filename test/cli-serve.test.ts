import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redactKey } from '../src/cli/serve.ts';
import { describeDatabase, redactDatabaseUrl } from '../src/cli/database.ts';

describe('serve', () => {
  it('keeps API keys given in the query out of request logs', () => {
    assert.equal(redactKey('/v1/events?key=rk_st_secret&sku=A'), '/v1/events?key=[redacted]&sku=A');
    assert.equal(redactKey('/v1/events?sku=A&key=rk_st_secret'), '/v1/events?sku=A&key=[redacted]');
    assert.equal(redactKey('/v1/availability/A'), '/v1/availability/A');
  });
});

describe('the database line', () => {
  it('never shows a password, and names a SQLite file absolutely', () => {
    const pgLine = describeDatabase('postgres://shop:s3cret@db.internal:5432/restock', true);
    assert.equal(pgLine, 'database: postgres://shop:redacted@db.internal:5432/restock (from DATABASE_URL)');
    assert.equal(redactDatabaseUrl('postgres://shop@db/restock'), 'postgres://shop@db/restock');
    assert.doesNotMatch(redactDatabaseUrl('not a url with s3cret'), /s3cret/);
    assert.equal(describeDatabase('sqlite:./data/x.db', false, '/nowhere'), 'database: sqlite:/nowhere/data/x.db (the default; DATABASE_URL is not set; no such file yet: a new, empty database)');
    assert.equal(describeDatabase('sqlite::memory:', true), 'database: sqlite in memory (from DATABASE_URL; nothing is kept)');
  });
});
