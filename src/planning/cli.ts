/**
 * `restock forecast` (every SKU, or some, from the database) and `restock forecast-file` (any long-format CSV,
 * no database). Turns options into the planning service's typed input and prints what came back; the rules
 * live in service.ts and file.ts.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../core/config.ts';
import { RestockError } from '../core/errors.ts';
import { progressBar, type Progress } from '../core/progress.ts';
import { Restock } from '../restock.ts';
import { FORECAST_METHODS, type ForecastMethod } from './forecast/select.ts';
import { GRANULARITIES } from './history.ts';
import { forecastFile, FileProblems } from './file.ts';
import type { Granularity, RunAccuracy } from './model.ts';

const FORECAST_HELP = `
Forecasts demand per SKU from the sales in the ledger (stock-out weeks are estimated, not read as zero demand,
using waitlist sign-ups where there are any) and stores each forecast with its model, intervals, lead-time
demand and, with --backtest, its accuracy over rolling origins (MASE, sMAPE, RMSSE, bias, next to the naive
forecast's). GET /v1/forecasts/SKU serves them. Discontinued SKUs and SKUs with too little history are skipped
and listed.

Exit codes: 0 every SKU was forecast or skipped with a reason; 1 a SKU failed or the run could not start.`;

const FILE_HELP = `
Input: long-format CSV with a header and the columns series_id, t, value (other columns are ignored; t is a
number or an ISO date, ascending within a series; values non-negative). If there is a split column, only its
"train" rows are read and the "test" rows are left out, so the forecasts can be scored against them.
Output: series_id,step,mean,lo80,hi80,lo95,hi95,model — one row per series and step 1..H.

Exit codes: 0 every series was forecast; 1 the input has errors (each reported as FILE:LINE: series 'ID': what)
or the output could not be written. Nothing is written unless every series was forecast.`;

function positiveInt(name: string, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}, got '${v}'`);
    return n;
  };
}

function workersOption(): Option {
  return new Option('--workers <n>', 'worker threads (default: one per core; 0 runs in this thread)').argParser((v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 256) throw new InvalidArgumentError(`--workers must be a whole number from 0 to 256, got '${v}'`);
    return n;
  });
}

/** A bar on stderr for people at a terminal (none for scripts and CI), started on the first report of a run. */
function forecastBar(unit: string): Progress & { onProgress: (done: number, total: number) => void } {
  const bar = progressBar({ title: 'forecasting', eta: true });
  let started = false;
  return {
    ...bar,
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0, { unit });
        started = true;
      }
      bar.update(done);
    },
  };
}

const fmt = (v: number | null, digits = 3): string => (v === null ? '–' : v.toFixed(digits));

export function accuracyLines(a: RunAccuracy): string[] {
  return [
    `backtest over ${a.skus} SKUs (mean per SKU):  MASE ${fmt(a.mase)}  sMAPE ${fmt(a.smape, 2)}  RMSSE ${fmt(a.rmsse)}  bias ${fmt(a.biasPct, 1)}%`,
    `naive forecast, same origins:          MASE ${fmt(a.baseline.mase)}  sMAPE ${fmt(a.baseline.smape, 2)}  RMSSE ${fmt(a.baseline.rmsse)}`,
  ];
}

export function registerForecastCommands(program: Command): void {
  program
    .command('forecast')
    .description('forecast demand of every SKU (or --sku) from the ledger and store the forecasts')
    .option('--sku <sku...>', 'only these SKUs (repeat, or separate with commas)')
    .option('--backtest', 'also measure accuracy over rolling origins (several fits per SKU)')
    .addOption(workersOption())
    .addOption(new Option('--granularity <g>', 'period of the forecast').choices([...GRANULARITIES]).default('week'))
    .option('--horizon <n>', 'periods ahead (default 12 weeks, 56 days or 6 months)', positiveInt('--horizon', 366))
    .addOption(new Option('--method <m>', 'model; auto chooses per SKU').choices([...FORECAST_METHODS]).default('auto'))
    .addHelpText('after', FORECAST_HELP)
    .action(async (opts: { sku?: string[]; backtest?: boolean; workers?: number; granularity: Granularity; horizon?: number; method: ForecastMethod }) => {
      const restock = await Restock.open({ databaseUrl: loadConfig().databaseUrl });
      const bar = forecastBar('SKUs');
      try {
        const skus = opts.sku?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
        const summary = await restock.planning.forecastAll({
          ...(skus ? { skus } : {}),
          granularity: opts.granularity,
          method: opts.method,
          backtest: opts.backtest === true,
          ...(opts.horizon !== undefined ? { horizon: opts.horizon } : {}),
          ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
          onProgress: bar.onProgress,
        });
        bar.stop();
        console.log(`forecast ${summary.computed} SKU(s) in ${(summary.ms / 1000).toFixed(1)} s on ${summary.workers === 0 ? 'the main thread' : `${summary.workers} worker thread(s)`}`);
        for (const s of summary.skipped) console.log(`skipped ${s.sku}: ${s.message}`);
        for (const f of summary.failed) console.error(`failed ${f.sku}: ${f.message}`);
        if (summary.accuracy) for (const line of accuracyLines(summary.accuracy)) console.log(line);
        if (skus && skus.length <= 20) {
          for (const sku of skus) {
            const f = await restock.planning.stored(sku);
            if (!f) continue;
            const next = f.forecast.mean.slice(0, 4).map((v) => v.toFixed(1)).join(', ');
            console.log(`${sku}: ${f.model} (${f.demandClass.pattern}); next ${f.granularity}s from ${f.forecast.dates[0] ?? '–'}: ${next}${f.lostSales > 0 ? `; lost sales in stock-outs ≈ ${f.lostSales.toFixed(0)}` : ''}`);
          }
        }
        if (summary.failed.length > 0) process.exitCode = 1;
      } finally {
        bar.stop();
        await restock.close();
      }
    });

  program
    .command('forecast-file')
    .description('forecast every series of a long-format CSV (series_id,t,value) into a CSV; no database')
    .requiredOption('--input <file>', 'long-format CSV to read')
    .requiredOption('--output <file>', 'CSV to write')
    .requiredOption('--horizon <n>', 'steps ahead', positiveInt('--horizon', 10_000))
    .requiredOption('--season <m>', 'seasonal period: 1 for none, 12 for monthly, 4 for quarterly, 7 for daily', positiveInt('--season', 10_000))
    .addOption(new Option('--method <m>', 'model; auto chooses per series').choices([...FORECAST_METHODS]).default('auto'))
    .addOption(workersOption())
    .addHelpText('after', FILE_HELP)
    .action(async (opts: { input: string; output: string; horizon: number; season: number; method: ForecastMethod; workers?: number }) => {
      const bar = forecastBar('series');
      try {
        const r = await forecastFile({ ...opts, onProgress: bar.onProgress });
        bar.stop();
        const ignored = r.testRowsIgnored > 0 ? `; ${r.testRowsIgnored} test rows left out` : '';
        console.log(`forecast ${r.series} series in ${(r.ms / 1000).toFixed(1)} s on ${r.workers === 0 ? 'the main thread' : `${r.workers} worker thread(s)`} → ${opts.output}${ignored}`);
      } catch (err) {
        bar.stop();
        if (err instanceof FileProblems) {
          const shown = err.problems.slice(0, 50);
          for (const p of shown) console.error(p.message);
          if (err.problems.length > shown.length) console.error(`… and ${err.problems.length - shown.length} more`);
          console.error(`no output written: ${err.problems.length} series could not be forecast`);
          process.exitCode = 1;
          return;
        }
        if (err instanceof RestockError) {
          console.error(err.message);
          process.exitCode = 1;
          return;
        }
        throw err;
      }
    });
}
