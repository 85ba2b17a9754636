/**
 * The OpenAPI document the server serves, and the typed client's types generated from it:
 *   node --import tsx scripts/openapi.ts --client   writes src/client/schema.ts (npm run client:generate)
 *   node --import tsx scripts/openapi.ts --json F   writes the document to F
 * The document comes from the app itself (a throw-away SQLite database), so it is exactly what /openapi.json
 * answers. test/client-drift.test.ts regenerates the types and fails when they differ from the committed file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { Restock } from '../src/restock.ts';
import { buildApp } from '../src/api/app.ts';

export const CLIENT_SCHEMA = fileURLToPath(new URL('../src/client/schema.ts', import.meta.url));

const HEADER = `/**
 * Generated from the served OpenAPI document by \`npm run client:generate\` (scripts/openapi.ts): do not edit.
 * test/client-drift.test.ts fails when this file and the document differ.
 */
`;

export async function servedDocument(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'restock-openapi-'));
  const restock = await Restock.open({ databaseUrl: `sqlite:${join(dir, 'openapi.db')}` });
  try {
    const app = await buildApp(restock);
    try {
      const res = await app.inject({ method: 'GET', url: '/openapi.json' });
      return JSON.parse(res.body) as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    await restock.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function clientSchemaSource(doc: Record<string, unknown>): Promise<string> {
  // openapi-typescript takes the document as an object; its types ask for its own OpenAPI3 shape.
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = await servedDocument();
  const json = process.argv.indexOf('--json');
  if (json >= 0) {
    const file = process.argv[json + 1];
    if (!file) throw new Error('--json needs a file name');
    writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  }
  if (process.argv.includes('--client')) {
    writeFileSync(CLIENT_SCHEMA, await clientSchemaSource(doc));
    console.error(`wrote ${CLIENT_SCHEMA}`);
  }
}
