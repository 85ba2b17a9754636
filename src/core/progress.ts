/**
 * Progress bars for people at a terminal — `restock import`, `restock forecast`, the demo seed, the benchmarks —
 * all drawn the same way by one helper around cli-progress. A bar is drawn on stderr only when stderr is a
 * terminal and CI is unset; otherwise every call is a no-op, so scripts, CI logs and piped output stay clean,
 * and stdout (which carries a command's result or a benchmark's JSON) is never touched.
 */
import cliProgress from 'cli-progress';

/** Text shown with the bar: the current stage (after the title) and the unit of the counts. */
export interface ProgressText {
  stage?: string;
  unit?: string;
}

export interface ProgressOptions {
  /** fixed text before the bar, e.g. 'forecasting' */
  title?: string;
  /** show value/total and the unit (default true; off when the total is not in a unit worth reading) */
  counts?: boolean;
  /** show the estimated time left (default false) */
  eta?: boolean;
  /** redraws per second at most (default 10) */
  fps?: number;
  /** false: never draw (a caller's own switch, e.g. the demo seed's `progress` option); default true */
  enabled?: boolean;
}

export interface Progress {
  /** Starts, or restarts for a new stage, at `value` of `total`. */
  start(total: number, value?: number, text?: ProgressText): void;
  /** Moves to `value`. */
  update(value: number): void;
  /** Moves on by `n` (default 1). */
  increment(n?: number): void;
  /** Changes the stage shown without moving. */
  stage(stage: string): void;
  /** Removes the bar; safe to call more than once and before start. */
  stop(): void;
}

const silent: Progress = { start: () => undefined, update: () => undefined, increment: () => undefined, stage: () => undefined, stop: () => undefined };

/** True when a bar would be seen: stderr is a terminal and this is not a CI run. */
export const interactive = (): boolean => Boolean(process.stderr.isTTY) && !process.env.CI;

export function progressBar(opts: ProgressOptions = {}): Progress {
  if (opts.enabled === false || !interactive()) return silent;
  const counts = opts.counts !== false;
  const format = `{label} [{bar}] {percentage}%${counts ? ' | {value}/{total}{unit}' : ''} | {duration_formatted}${opts.eta === true ? ' | eta {eta_formatted}' : ''}`;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format, hideCursor: true, clearOnComplete: true, fps: opts.fps ?? 10 },
    cliProgress.Presets.shades_classic,
  );
  const label = (stage: string | undefined): string => [opts.title, stage].filter((s) => s !== undefined && s !== '').join(' ');
  let unit = '';
  let running = false;
  return {
    start: (total, value = 0, text = {}) => {
      if (text.unit !== undefined) unit = text.unit === '' ? '' : ` ${text.unit}`;
      if (running) bar.stop();
      bar.start(total, value, { label: label(text.stage), unit });
      running = true;
    },
    update: (value) => {
      if (running) bar.update(value);
    },
    increment: (n = 1) => {
      if (running) bar.increment(n);
    },
    stage: (stage) => {
      if (running) bar.update({ label: label(stage) });
    },
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  };
}
