/**
 * Progress for people at a terminal: a bar on stderr when it is a TTY and CI is unset; nothing otherwise, so
 * logs stay clean. stdout is never touched (it carries the benchmark's JSON).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(n?: number): void;
  done(): void;
}

const silent: Progress = { tick: () => undefined, done: () => undefined };

export const interactive = (): boolean => Boolean(process.stderr.isTTY) && !process.env.CI;

export function progress(label: string, total: number): Progress {
  if (!interactive() || total <= 0) return silent;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`, hideCursor: true, clearOnComplete: true, fps: 5 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let value = 0;
  return {
    tick: (n = 1) => {
      value += n;
      bar.update(value);
    },
    done: () => bar.stop(),
  };
}
