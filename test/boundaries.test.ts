/**
 * The module boundaries of eslint.config.js are enforced, not decorative: each import below crosses a boundary
 * and must fail the lint with that boundary's message, and the imports the rules allow must pass. The text is
 * linted as if it were the named file (which exists, so the import targets resolve as they would for real).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const root = new URL('..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => ruleId === 'boundaries/dependencies' });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: `${root}${file}` });
  assert.ok(result, file);
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `${file} did not parse`);
  return result.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('module boundaries (npm run lint)', () => {
  const refused: Array<[string, string, string, RegExp]> = [
    ['core imports a module', 'src/core/json.ts', "import { CatalogService } from '../catalog/service.ts';\nvoid CatalogService;", /core\/ imports nothing else/],
    ['core imports the HTTP kit', 'src/core/json.ts', "import { Id } from '../http/schemas.ts';\nvoid Id;", /core\/ imports nothing else/],
    ['a policy imports its store', 'src/catalog/policy.ts', "import { findProducts } from './store.ts';\nvoid findProducts;", /a policy imports only core/],
    ['a policy imports a sibling that is not its model', 'src/inventory/feed-policy.ts', "import { sellable } from './policy.ts';\nvoid sellable;", /a policy imports only core/],
    ['a policy imports the database', 'src/catalog/policy.ts', "import type { Q } from '../db/database.ts';\nexport type X = Q;", /a policy imports only core/],
    ['a policy imports a value from another model', 'src/inventory/feed-policy.ts', "import { DEFAULT_POLICY } from '../catalog/model.ts';\nvoid DEFAULT_POLICY;", /policy imports only core|reaches another only through its service/],
    ["a store imports another module's store", 'src/access/store.ts', "import { findProducts } from '../catalog/store.ts';\nvoid findProducts;", /store never imports another module's store/],
    ["a service imports another module's policy", 'src/access/service.ts', "import { normalisePrice } from '../catalog/policy.ts';\nvoid normalisePrice;", /reaches another only through its service/],
    ["a service imports another module's routes", 'src/access/service.ts', "import { catalogRoutes } from '../catalog/routes.ts';\nvoid catalogRoutes;", /reaches another only through its service/],
    ['a module imports the assembly', 'src/catalog/service.ts', "import { buildApp } from '../api/app.ts';\nvoid buildApp;", /only api\/ and cli\//],
    ['a module imports the CLI', 'src/catalog/service.ts', "import { serve } from '../cli/serve.ts';\nvoid serve;", /only api\/ and cli\//],
    ['a service uses the HTTP kit', 'src/catalog/service.ts', "import { Id } from '../http/schemas.ts';\nvoid Id;", /only routes\.ts uses the HTTP kit/],
    ['the HTTP kit imports a module', 'src/http/auth.ts', "import { AccessService } from '../access/service.ts';\nvoid AccessService;", /HTTP kit \(http\/\) imports no module/],
  ];
  for (const [label, file, code, message] of refused) {
    it(`refuses: ${label}`, async () => {
      const errors = await boundaryErrors(file, code);
      assert.ok(errors.length > 0, `${file}: no boundary error for\n${code}`);
      assert.ok(errors.some((e) => message.test(e)), errors.join('\n'));
    });
  }

  const allowed: Array<[string, string, string]> = [
    ['a policy imports core and its own model', 'src/catalog/policy.ts', "import { Invalid } from '../core/errors.ts';\nimport { DEFAULT_POLICY } from './model.ts';\nvoid Invalid; void DEFAULT_POLICY;"],
    ["a policy imports another module's model for types", 'src/inventory/feed-policy.ts', "import type { Product } from '../catalog/model.ts';\nexport type X = Product;"],
    ["a service imports another module's service", 'src/access/service.ts', "import type { CatalogService } from '../catalog/service.ts';\nexport type X = CatalogService;"],
    ['routes import the HTTP kit', 'src/catalog/routes.ts', "import { Id } from '../http/schemas.ts';\nvoid Id;"],
    ['the assembly imports modules', 'src/api/app.ts', "import { catalogRoutes } from '../catalog/routes.ts';\nvoid catalogRoutes;"],
  ];
  for (const [label, file, code] of allowed) {
    it(`allows: ${label}`, async () => {
      assert.deepEqual(await boundaryErrors(file, code), []);
    });
  }
});
