import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SCOPES } from './model.ts';
import { isPublishable, mayPublish, secretPrefix } from './policy.ts';

describe('access policy', () => {
  it('each scope has its own secret prefix', () => {
    assert.deepEqual(SCOPES.map(secretPrefix), ['rk_ad_', 'rk_st_', 'rk_ch_', 'rk_fe_', 'rk_su_']);
  });

  it('only storefront is publishable; checkout, feed, supplier and admin are secret', () => {
    assert.deepEqual(SCOPES.filter(isPublishable), ['storefront']);
  });

  it('only a storefront secret may be published in a page', () => {
    assert.equal(mayPublish('rk_st_abc'), true);
    for (const s of ['rk_ad_abc', 'rk_fe_abc', 'rk_ch_abc', 'rk_su_abc', '', 'storefront', 'RK_ST_abc']) assert.equal(mayPublish(s), false, s);
  });
});
