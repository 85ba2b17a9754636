/** Configuration from the environment, parsed once at the edge. */
export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  publicUrl: string;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  const host = env.HOST ?? '0.0.0.0';
  return {
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/restock.db',
    port,
    host,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
