/**
 * Forecasting a file, no database: every series of a long-format CSV (`series_id,t,value`, the layout of the
 * competition data in ../shared/data) is forecast on worker threads and written as
 * `series_id,step,mean,lo80,hi80,lo95,hi95,model`.
 *
 * A `split` column, when present, marks the held-out part of an evaluation set: only `train` rows are read and
 * forecast, so the forecast is the one that would have been made without seeing the answers, and can be scored
 * against the `test` rows. Every problem names the file, the line and the series; nothing is written unless
 * every series was forecast (the output is written beside its target and renamed into place).
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { readLongCsv, type LongSeries } from './forecast/data.ts';
import { ForecastInputError } from './forecast/model.ts';
import type { ForecastMethod } from './forecast/select.ts';
import type { SeriesJob } from './engine.ts';
import { defaultWorkers, runJobs } from './pool.ts';

export interface FileForecastOptions {
  input: string;
  output: string;
  horizon: number;
  season: number;
  method: ForecastMethod;
  /** worker threads (default: the cores; few series run in this thread) */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface FileForecastResult {
  series: number;
  /** test rows left out (split column) */
  testRowsIgnored: number;
  ms: number;
  workers: number;
}

/** A problem with one series of the input, placed at a line of the file. */
export class SeriesProblem extends ForecastInputError {
  constructor(source: string, line: number, seriesId: string, message: string) {
    super(`${source}:${line}: series '${seriesId}': ${message}`, { source, line, seriesId });
  }
}

/** Several problems at once: the run stops after reading or forecasting everything, and reports all of them. */
export class FileProblems extends ForecastInputError {
  constructor(readonly problems: readonly ForecastInputError[]) {
    super(problems.map((p) => p.message).join('\n'), { count: problems.length });
  }
}

interface TrainSeries {
  id: string;
  values: number[];
  /** line of the series' first row */
  line: number;
}

function trainPart(series: readonly LongSeries[]): { train: TrainSeries[]; testRows: number } {
  let testRows = 0;
  const train = series.map((s) => {
    const values: number[] = [];
    s.values.forEach((v, i) => {
      if (s.split?.[i] === 'test') testRows++;
      else values.push(v);
    });
    return { id: s.id, values, line: s.lines[0] ?? 0 };
  });
  return { train, testRows };
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const num = (v: number): string => String(Math.round(v * 1e6) / 1e6);

export async function forecastFile(opts: FileForecastOptions): Promise<FileForecastResult> {
  const started = performance.now();
  if (!Number.isInteger(opts.horizon) || opts.horizon < 1) throw new ForecastInputError(`--horizon must be a positive whole number, got ${opts.horizon}`);
  if (!Number.isInteger(opts.season) || opts.season < 1) throw new ForecastInputError(`--season must be a positive whole number (1 for none), got ${opts.season}`);
  const { train, testRows } = trainPart(readLongCsv(opts.input));
  if (train.length === 0) throw new ForecastInputError(`${opts.input}: no series: the file has a header but no rows`, { source: opts.input });

  const problems: ForecastInputError[] = [];
  for (const s of train) {
    if (s.values.length < 2) {
      const what = s.values.length === 0 ? 'no train rows' : 'only 1 value';
      problems.push(new SeriesProblem(opts.input, s.line, s.id, `${what}; a forecast needs at least 2`));
    }
  }
  if (problems.length > 0) throw new FileProblems(problems);

  const jobs: SeriesJob[] = train.map((s) => ({ id: s.id, y: s.values, horizon: opts.horizon, season: opts.season, method: opts.method }));
  // Threads pay off from a few dozen series; fewer run here.
  const workers = Math.min(opts.workers ?? (jobs.length < 32 ? 0 : defaultWorkers()), jobs.length);
  let done = 0;
  const results = await runJobs(jobs, workers, { batchSize: 8, onResult: () => opts.onProgress?.(++done, jobs.length) });

  const lines: string[] = ['series_id,step,mean,lo80,hi80,lo95,hi95,model'];
  results.forEach((r, i) => {
    const s = train[i] as TrainSeries;
    if (!r.ok) {
      problems.push(new SeriesProblem(opts.input, s.line, s.id, r.error.message));
      return;
    }
    const o = r.outcome;
    const id = csvField(s.id);
    const model = csvField(o.model);
    for (let h = 0; h < opts.horizon; h++) {
      lines.push(`${id},${h + 1},${num(o.mean[h] ?? 0)},${num(o.lo80[h] ?? 0)},${num(o.hi80[h] ?? 0)},${num(o.lo95[h] ?? 0)},${num(o.hi95[h] ?? 0)},${model}`);
    }
  });
  if (problems.length > 0) throw new FileProblems(problems);

  const tmp = `${opts.output}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, `${lines.join('\n')}\n`);
    await rename(tmp, opts.output);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new ForecastInputError(`cannot write ${opts.output}: ${(err as Error).message}`, { output: opts.output });
  }
  return { series: train.length, testRowsIgnored: testRows, ms: Math.round(performance.now() - started), workers };
}
