/** A `restock serve` child process on a database, listening on a free loopback port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI, ROOT } from './cli.ts';

export function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<{ proc: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...CLI, 'serve', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', LOG_LEVEL: 'info', CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // No start deadline of our own: a server that never listens fails at the runner's timeout, one that exits at once.
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
      if (m?.[1]) resolve({ proc, base: m[1] });
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}
