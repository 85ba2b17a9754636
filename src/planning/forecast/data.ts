/**
 * Reading series from long-format CSV — `series_id,t,value` or `series_id,split,t,value` (the layout of the
 * competition data in ../shared/data and of `restock forecast-file`); other columns are ignored. Every error
 * names the file, the line and the series, so a bad row in a large upload can be found.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ForecastInputError } from './model.ts';

export interface LongSeries {
  id: string;
  /** Time index as read: a number, or milliseconds since the epoch for ISO dates. Strictly ascending. */
  t: number[];
  values: number[];
  /** Per value, 'train' or 'test' when the file has a split column. */
  split?: ('train' | 'test')[];
  /** Source line of each value, for messages about later checks. */
  lines: number[];
}

export interface TrainTestSeries {
  id: string;
  train: number[];
  test: number[];
}

export interface ReadOptions {
  /** Name of the input in messages (default "input"). */
  source?: string;
  /** Accept negative values (default false: demand is not negative). */
  allowNegative?: boolean;
  /** Require the split column (default false). */
  requireSplit?: boolean;
}

interface Row {
  record: string[];
  info: { empty_lines: number };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseT(raw: string): number | null {
  const s = raw.trim();
  if (NUMBER.test(s)) return Number(s);
  if (ISO_DATE.test(s)) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

/** Parses long-format CSV text into series, in order of first appearance. */
export function parseLongCsv(text: string, opts: ReadOptions = {}): LongSeries[] {
  const source = opts.source ?? 'input';
  const fail = (line: number, message: string, details: Record<string, unknown> = {}): never => {
    throw new ForecastInputError(`${source}:${line}: ${message}`, { source, line, ...details });
  };
  let rows: Row[];
  if (!text.includes('"') && (text.includes('\n') || !text.includes('\r'))) {
    // No quoting anywhere: plain splitting is exact and several times faster than the general parser.
    rows = [];
    let empty = 0;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    for (const raw of body.split('\n')) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line === '') {
        empty++;
        continue;
      }
      rows.push({ record: line.split(','), info: { empty_lines: empty } });
    }
  } else {
    try {
      rows = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Row[];
    } catch (err) {
      const e = err as { lines?: number; message?: string };
      return fail(e.lines ?? 0, `malformed CSV: ${e.message ?? String(err)}`);
    }
  }
  if (rows.length === 0) fail(1, 'empty input: expected a header with series_id, t and value');

  // Physical line of each record: count from the records and the blank lines skipped before them.
  let lastLine = 0;
  let emptySoFar = 0;
  const lineOf = (row: Row): number => {
    const line = lastLine + 1 + (row.info.empty_lines - emptySoFar);
    emptySoFar = row.info.empty_lines;
    let breaks = 0;
    for (const f of row.record) if (f.includes('\n') || f.includes('\r')) breaks += f.match(/\r\n|\r|\n/g)?.length ?? 0;
    lastLine = line + breaks;
    return line;
  };

  const headerRow = rows[0] as Row;
  const headerLine = lineOf(headerRow);
  const header = headerRow.record.map((h) => h.trim().toLowerCase());
  const iId = header.indexOf('series_id');
  const iT = header.indexOf('t');
  const iValue = header.indexOf('value');
  const iSplit = header.indexOf('split');
  const missing = [iId < 0 ? 'series_id' : null, iT < 0 ? 't' : null, iValue < 0 ? 'value' : null].filter((x) => x !== null);
  if (missing.length > 0) fail(headerLine, `header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${header.join(', ')})`);
  if (opts.requireSplit === true && iSplit < 0) fail(headerLine, 'header lacks the split column (train/test)');
  const width = Math.max(iId, iT, iValue, iSplit) + 1;

  const byId = new Map<string, LongSeries>();
  const out: LongSeries[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as Row;
    const line = lineOf(row);
    const rec = row.record;
    if (rec.every((f) => f.trim() === '')) continue;
    if (rec.length < width) fail(line, `expected at least ${width} columns, got ${rec.length}`);
    const id = (rec[iId] as string).trim();
    if (id === '') fail(line, 'empty series_id');
    const where = `series '${id}'`;
    const tRaw = rec[iT] as string;
    const t = parseT(tRaw);
    if (t === null) fail(line, `${where}: t '${tRaw}' is neither a number nor an ISO date`, { seriesId: id });
    const vRaw = (rec[iValue] as string).trim();
    const value = NUMBER.test(vRaw) ? Number(vRaw) : NaN;
    if (!Number.isFinite(value)) fail(line, `${where}: value '${vRaw}' is not a finite number`, { seriesId: id });
    if (value < 0 && opts.allowNegative !== true) fail(line, `${where}: negative value ${value}`, { seriesId: id });

    let s = byId.get(id);
    if (s === undefined) {
      s = { id, t: [], values: [], lines: [] };
      if (iSplit >= 0) s.split = [];
      byId.set(id, s);
      out.push(s);
    }
    const prevT = s.t[s.t.length - 1];
    if (prevT !== undefined && !((t as number) > prevT)) {
      const prevLine = s.lines[s.lines.length - 1] as number;
      fail(line, `${where}: t ${tRaw.trim()} ${t === prevT ? 'repeats' : 'comes after a later'} t (line ${prevLine}); t must be strictly ascending within a series`, {
        seriesId: id,
        previousLine: prevLine,
      });
    }
    if (iSplit >= 0) {
      const sp = (rec[iSplit] as string).trim().toLowerCase();
      if (sp !== 'train' && sp !== 'test') fail(line, `${where}: split '${sp}' is neither train nor test`, { seriesId: id });
      const splits = s.split as ('train' | 'test')[];
      if (sp === 'train' && splits[splits.length - 1] === 'test') fail(line, `${where}: a train row follows test rows`, { seriesId: id });
      splits.push(sp as 'train' | 'test');
    }
    s.t.push(t as number);
    s.values.push(value);
    s.lines.push(line);
  }
  return out;
}

/** Reads a long-format CSV file. */
export function readLongCsv(path: string, opts: ReadOptions = {}): LongSeries[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ForecastInputError(`cannot read ${path}: ${(err as Error).message}`, { source: path });
  }
  return parseLongCsv(text, { source: path, ...opts });
}

/** Splits series with a split column into training and test values (a series with no split is all train). */
export function toTrainTest(series: readonly LongSeries[]): TrainTestSeries[] {
  return series.map((s) => {
    const train: number[] = [];
    const test: number[] = [];
    s.values.forEach((v, i) => (s.split?.[i] === 'test' ? test : train).push(v));
    return { id: s.id, train, test };
  });
}

/** Holds out the last `h` values of each series (for sets without a split column). */
export function holdOut(series: readonly LongSeries[], h: number): TrainTestSeries[] {
  return series.map((s) => ({ id: s.id, train: s.values.slice(0, Math.max(0, s.values.length - h)), test: s.values.slice(Math.max(0, s.values.length - h)) }));
}

export interface SeriesMeta {
  id: string;
  period: string;
  frequency: number;
  horizon: number;
  nTrain: number;
  type: string;
}

/** Reads a competition meta.csv (`series_id,period,type,frequency,…,n_train,h,…`). */
export function readMeta(path: string): Map<string, SeriesMeta> {
  const rows = parse(readFileSync(path, 'utf8'), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const out = new Map<string, SeriesMeta>();
  rows.forEach((r, i) => {
    const id = r.series_id;
    const frequency = Number(r.frequency);
    const horizon = Number(r.h);
    if (id === undefined || !Number.isInteger(frequency) || !Number.isInteger(horizon)) {
      throw new ForecastInputError(`${path}:${i + 2}: meta row needs series_id, frequency and h`, { source: path, line: i + 2 });
    }
    out.set(id, { id, period: r.period ?? '', frequency, horizon, nTrain: Number(r.n_train), type: r.type ?? '' });
  });
  return out;
}
