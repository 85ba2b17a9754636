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
    ...(config.smtp ? { smtp: config.smtp } : {}),
  });
  let demoKeys: Record<string, string> | null = null;
  let keysFile: string | null = null;
  if (opts.demo) {
    const { demoKeysFile, ensureDemo } = await import('../demo/seed.ts');
    keysFile = demoKeysFile(config.databaseUrl);
    demoKeys = await ensureDemo(restock, { progress: true, keysFile });
  }
  const app = await buildApp(restock, {
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization'],
      // The event stream accepts ?key= (EventSource cannot send headers): keep it out of the logs.
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactKey(req.url), ip: req.ip }),
      },
    },
    web: { storefrontKey: demoKeys?.storefront ?? null },
    requestTimeoutMs: config.requestTimeoutMs,
    idempotency: config.idempotency,
  });
  await app.listen({ port: config.port, host: config.host });
  const base = config.publicUrl;
  console.log(`\nRestock is running (${restock.db.dialect})`);
  console.log(`  API        ${base}/v1`);
  console.log(`  API docs   ${base}/docs   (OpenAPI: ${base}/openapi.json)`);
  console.log(`  Health     ${base}/health`);
  console.log(`  Email      ${config.smtp ? `SMTP ${config.smtp.smtpUrl.replace(/\/\/[^@]*@/, '//…@')}` : `not configured (SMTP_URL): messages are kept, see ${base}/v1/messages`}`);
  if (demoKeys) {
    console.log(`  Demo shop  ${base}/`);
    console.log(`  Dashboard  ${base}/dashboard   (sign in with the admin key)`);
    for (const [scope, key] of Object.entries(demoKeys)) console.log(`  ${scope.padEnd(10)} key: ${key}`);
    if (keysFile) console.log(`  (keys kept in ${keysFile})`);
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

export function redactKey(url: string): string {
  return url.replace(/([?&]key=)[^&]*/g, '$1[redacted]');
}
