/**
 * Progress of a benchmark stage, drawn by the shared helper (src/core/progress.ts): a bar on stderr at a
 * terminal, nothing in CI or when piped. stdout is never touched (it carries the benchmark's JSON).
 */
import { progressBar } from '../../src/core/progress.ts';

export interface Progress {
  tick(n?: number): void;
  done(): void;
}

/** A bar for `total` steps of one stage, started at once. */
export function progress(label: string, total: number): Progress {
  const bar = progressBar({ title: label, fps: 5 });
  if (total > 0) bar.start(total);
  return { tick: (n = 1) => bar.increment(n), done: () => bar.stop() };
}
