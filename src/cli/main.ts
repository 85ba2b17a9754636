/**
 * `restock`: serve the API, run migrations, make API keys, import CSV. Assembles, holds no business rules.
 */
import { Command, Option } from 'commander';
import { loadConfig } from '../core/config.ts';
import { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { Restock } from '../restock.ts';
import { SCOPES, type Scope } from '../access/model.ts';
import { describeDatabase } from './database.ts';
import { serve } from './serve.ts';
import { registerImportCommands } from './import.ts';
import { registerForecastCommands } from '../planning/cli.ts';

const program = new Command();
program.name('restock').description('Restock: out-of-stock handling for online shops').showHelpAfterError();

/** Commands that open no database; every other one says on stderr which database it uses. */
const WITHOUT_DATABASE = new Set(['forecast-file']);
program.hook('preAction', (_program, command) => {
  if (WITHOUT_DATABASE.has(command.name())) return;
  console.error(describeDatabase(loadConfig().databaseUrl, process.env.DATABASE_URL !== undefined));
});

program
  .command('serve')
  .description('run the API (and the dashboard/demo pages); migrations run first')
  .option('--demo', 'seed a demo shop when the database is empty')
  .option('--port <port>', 'port to listen on (default PORT or 3000)')
  .action(async (opts: { demo?: boolean; port?: string }) => {
    const config = loadConfig(opts.port ? { ...process.env, PORT: opts.port } : process.env);
    await serve(config, { demo: opts.demo === true });
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const db = Database.open(loadConfig().databaseUrl);
    try {
      const done = await migrate(db);
      console.log(done.length ? `applied: ${done.join(', ')}` : 'schema is up to date');
    } finally {
      await db.close();
    }
  });

const keys = program.command('keys').description('API keys');
keys
  .command('create')
  .description('create an API key; the key is printed alone on the last line')
  .addOption(new Option('--scope <scope>', 'admin, storefront, checkout, feed or supplier').choices([...SCOPES]).makeOptionMandatory())
  .option('--name <name>', 'a name to recognise it by')
  .option('--supplier <id>', 'the supplier a supplier key acts for (required with --scope supplier)')
  .action(async (opts: { scope: Scope; name?: string; supplier?: string }) => {
    const r = await Restock.open({ databaseUrl: loadConfig().databaseUrl });
    try {
      const { key, apiKey } = await r.keys.create(opts.scope, opts.name, opts.supplier ?? null);
      console.log(`created ${apiKey.scope} key ${apiKey.id} (${apiKey.name}); it is shown only now:`);
      console.log(key);
    } finally {
      await r.close();
    }
  });
keys
  .command('list')
  .description('list API keys (never the secrets)')
  .action(async () => {
    const r = await Restock.open({ databaseUrl: loadConfig().databaseUrl });
    try {
      for (const k of await r.keys.list()) console.log(`${k.id}\t${k.scope}\t${k.prefix}…\t${k.name}\t${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}`);
    } finally {
      await r.close();
    }
  });
keys
  .command('revoke <id>')
  .description('revoke an API key')
  .action(async (id: string) => {
    const r = await Restock.open({ databaseUrl: loadConfig().databaseUrl });
    try {
      console.log((await r.keys.revoke(id)) ? `revoked ${id}` : `no active key ${id}`);
    } finally {
      await r.close();
    }
  });

program
  .command('dispatch')
  .description('send queued customer messages over SMTP (SMTP_URL); the server does this itself when SMTP_URL is set')
  .option('--until-empty', 'stop when nothing is left to send')
  .action(async (opts: { untilEmpty?: boolean }) => {
    const config = loadConfig();
    if (!config.smtp) throw new Error('SMTP_URL is not set');
    const r = await Restock.open({ databaseUrl: config.databaseUrl, smtp: config.smtp });
    const d = r.dispatcher;
    if (!d) throw new Error('no dispatcher');
    const recovered = await d.recoverStale();
    if (recovered > 0) console.error(`re-queued ${recovered} message(s) left in flight by a stopped process`);
    if (opts.untilEmpty) {
      const n = await d.runUntilIdle();
      console.log(`sent ${n} message(s)`);
      await d.stop();
      await r.close();
      return;
    }
    await d.start();
    const stop = async () => {
      await d.stop();
      await r.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });

registerImportCommands(program);
registerForecastCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
