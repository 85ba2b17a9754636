/** `restock serve`: the API process, with background work, and the demo shop seeded on an empty database. */
import type { Config } from '../core/config.ts';
import { createLogger } from '../core/log.ts';
import { Restock } from '../restock.ts';
import { buildApp } from '../api/app.ts';

export async function serve(config: Config, opts: { demo: boolean }): Promise<void> {
  const logger = createLogger(config.logLevel);
  const restock = await Restock.open({
    databaseUrl: config.databaseUrl,
    logger,
    background: true,
    publicUrl: config.publicUrl,
    webhookPolicy: config.webhookPolicy,
    retention: config.retention,
    waitlistConfirmHours: config.waitlistConfirmHours,
    ...(config.smtp ? { smtp: config.smtp } : {}),
  });
  let demoKeys: Record<string, string> | null = null;
  let keysFile: string | null = null;
  if (opts.demo) {
    const { demoKeysFile, ensureDemo } = await import('../demo/seed.ts');
    keysFile = demoKeysFile(config.databaseUrl);
    demoKeys = await ensureDemo(restock, { progress: true, keysFile });
  }
  // URLs, headers and errors are logged through http/logging.ts: tokens and key-like parameters redacted.
  const app = await buildApp(restock, {
    logger: { level: config.logLevel },
    web: { storefrontKey: demoKeys?.storefront ?? null },
    requestTimeoutMs: config.requestTimeoutMs,
    idempotency: config.idempotency,
    rateLimits: config.rateLimits,
    trustProxy: config.trustProxy,
  });
  if (!restock.secretBox && !opts.demo) {
    logger.warn('RESTOCK_SECRET is not set: the link-signing secret and webhook secrets are stored in the database in plaintext; set RESTOCK_SECRET to store them encrypted');
  }
  await app.listen({ port: config.port, host: config.host });
  const base = config.publicUrl;
  console.log(`\nRestock is running (${restock.db.dialect})`);
  console.log(`  API        ${base}/v1`);
  console.log(`  API docs   ${base}/docs   (OpenAPI: ${base}/openapi.json)`);
  console.log(`  Health     ${base}/health`);
  console.log(`  Email      ${config.smtp ? `SMTP ${config.smtp.smtpUrl.replace(/\/\/[^@]*@/, '//…@')}` : `not configured (SMTP_URL): messages are kept, see ${base}/v1/messages`}`);
  if (demoKeys) {
    console.log(`  Demo shop  ${base}/`);
    console.log(`  Dashboard  ${base}/dashboard   (sign in with the admin key from the keys file)`);
    console.log(`  Widget     ${base}/widget   (every state of <restock-availability> and the code to embed it)`);
    // The storefront key is publishable (the shop's pages carry it); the others are secrets and stay in the file.
    console.log(`  Storefront key (publishable): ${demoKeys.storefront}`);
    console.log(keysFile ? `  Admin and other keys: in ${keysFile} (readable by you only, mode 0600)` : '  Admin and other keys: not kept (in-memory database); make one with: restock keys create');
  } else if (opts.demo && keysFile) {
    console.log(`  Demo keys  none shown: ${keysFile} holds no working keys for this database (make one: restock keys create)`);
  }
  const stop = async () => {
    await app.close();
    await restock.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

