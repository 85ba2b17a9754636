/**
 * How tests start the `restock` command in a child process: from the sources through tsx, so a test never runs
 * a dist/ built before the change under test (test/build.test.ts runs the compiled bin, without tsx, itself).
 * Both paths are absolute, so the command may run in any working directory.
 */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Arguments to `process.execPath` before the command's own: `spawn(process.execPath, [...CLI, 'serve'])`. */
export const CLI: readonly string[] = ['--import', import.meta.resolve('tsx'), fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))];
