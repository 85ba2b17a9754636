import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { holdOut, parseLongCsv, toTrainTest } from './data.ts';
import { ForecastInputError } from './model.ts';

function rejects(text: string, pattern: RegExp, opts = {}): ForecastInputError {
  let caught: unknown;
  try {
    parseLongCsv(text, { source: 'in.csv', ...opts });
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof ForecastInputError, `expected a ForecastInputError, got ${String(caught)}`);
  assert.match(caught.message, pattern);
  return caught;
}

describe('long-format CSV', () => {
  it('reads series in order of appearance, with splits and extra columns ignored', () => {
    const text = 'series_id,split,t,value,note\nA,train,1,10,x\nA,train,2,12,\nA,test,3,11,y\nB,train,1,5,\nB,test,2,6,\n';
    const s = parseLongCsv(text);
    assert.deepEqual(s.map((x) => x.id), ['A', 'B']);
    assert.deepEqual(s[0]?.values, [10, 12, 11]);
    assert.deepEqual(s[0]?.lines, [2, 3, 4]);
    assert.deepEqual(toTrainTest(s), [
      { id: 'A', train: [10, 12], test: [11] },
      { id: 'B', train: [5], test: [6] },
    ]);
  });

  it('reads the three-column layout, ISO dates, CRLF, quotes and blank lines', () => {
    const text = 'series_id,t,value\r\n"sku,1",2024-01-01,3\r\n\r\n"sku,1",2024-01-02,0\r\nsku2,1,7\r\n';
    const s = parseLongCsv(text);
    assert.deepEqual(s.map((x) => [x.id, x.values, x.lines]), [
      ['sku,1', [3, 0], [2, 4]],
      ['sku2', [7], [5]],
    ]);
    assert.deepEqual(holdOut(s, 1)[0], { id: 'sku,1', train: [3], test: [0] });
  });

  it('names the series and line of an unsorted or repeated t', () => {
    const e = rejects('series_id,t,value\nA,1,1\nA,3,2\nB,1,1\nA,2,5\n', /in\.csv:5: series 'A': t 2 comes after a later t \(line 3\)/);
    assert.equal(e.details.line, 5);
    assert.equal(e.details.seriesId, 'A');
    rejects('series_id,t,value\nA,1,1\nA,1,2\n', /in\.csv:3: series 'A': t 1 repeats/);
  });

  it('refuses bad values, negatives, missing columns and bad splits with the line', () => {
    rejects('series_id,t,value\nA,1,abc\n', /in\.csv:2: series 'A': value 'abc' is not a finite number/);
    rejects('series_id,t,value\nA,1,\n', /in\.csv:2: .*value '' is not a finite number/);
    rejects('series_id,t,value\nA,1,NaN\n', /not a finite number/);
    rejects('series_id,t,value\nA,1,Infinity\n', /not a finite number/);
    rejects('series_id,t,value\nA,1,-3\n', /in\.csv:2: series 'A': negative value -3/);
    assert.equal(parseLongCsv('series_id,t,value\nA,1,-3\n', { allowNegative: true })[0]?.values[0], -3);
    rejects('id,t,value\nA,1,3\n', /in\.csv:1: header lacks column series_id/);
    rejects('series_id,t,value\nA,x,3\n', /t 'x' is neither a number nor an ISO date/);
    rejects('series_id,t,value\nA,1\n', /in\.csv:2: expected at least 3 columns/);
    rejects('series_id,split,t,value\nA,test,1,3\nA,train,2,3\n', /in\.csv:3: series 'A': a train row follows test rows/);
    rejects('series_id,split,t,value\nA,valid,1,3\n', /split 'valid' is neither train nor test/);
    rejects('', /empty input/);
    rejects('series_id,t,value\n,1,3\n', /empty series_id/);
    rejects('series_id,t,value\n"A,1,3\n', /malformed CSV/);
  });
});
