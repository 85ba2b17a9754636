/**
 * `npm run lint:openapi`: builds the app on a throwaway SQLite database, writes the OpenAPI document it serves
 * to a temp file and lints it with Redocly (redocly.yaml at the root), offline. Exits as Redocly does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Restock } from '../src/restock.ts';
import { buildApp } from '../src/api/app.ts';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'restock-openapi-'));
let status = 1;
try {
  const restock = await Restock.open({ databaseUrl: `sqlite:${join(dir, 'lint.db')}` });
  const app = await buildApp(restock);
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(app.swagger(), null, 2));
  await app.close();
  await restock.close();
  const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
  const r = spawnSync(process.execPath, [cli, 'lint', file, '--config', join(root, 'redocly.yaml'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' },
  });
  status = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
