/**
 * Benchmark runner: `npm run bench -- NAME [args]` loads bench/NAME.ts and calls its `run(args)`. The result is
 * printed as pretty JSON on stdout and nothing else goes there, so `npm run -s bench -- NAME > out.json` keeps a
 * clean record; progress and diagnostics belong on stderr.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Bench = { run: (args: string[]) => Promise<unknown> };

const here = dirname(fileURLToPath(import.meta.url));

function available(): string[] {
  return readdirSync(here)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run bench -- NAME [args]\navailable benchmarks: ${available().join(', ') || '(none)'}\n`);
  process.exit(2);
}

function isBench(m: unknown): m is Bench {
  return typeof m === 'object' && m !== null && typeof (m as { run?: unknown }).run === 'function';
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name) usage('no benchmark named');
  // Only names found in bench/ are accepted: the argument never becomes an arbitrary path.
  if (!available().includes(name)) usage(`unknown benchmark '${name}'`);
  const mod: unknown = await import(pathToFileURL(join(here, `${name}.ts`)).href);
  if (!isBench(mod)) usage(`bench/${name}.ts does not export run(args)`);
  const started = Date.now();
  const result = await mod.run(args);
  process.stderr.write(`[bench] ${name} finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  // Exit once stdout is flushed: a handle a benchmark forgot (a pool, a timer) must not keep the run alive.
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`, () => process.exit(0));
}

main().catch((err: unknown) => {
  process.stderr.write(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
