import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';

/*
 * Boundaries between the parts of src/ (DESIGN.md, "Layout"), enforced here rather than remembered:
 *
 *   core/      imports nothing else in src/.
 *   http/      the HTTP kit: imports core/ and db/, never a module, api/ or cli/.
 *   a module   (src/NAME/, e.g. inventory/; messaging/webhooks/ belongs to messaging) is made of role files:
 *              model.ts, *policy.ts, store.ts, service.ts, routes.ts, and internals (anything else).
 *     - a policy imports only core/ and its own module's model (pure decisions on plain data);
 *     - a store never imports another module's store or routes (a module owns its tables);
 *     - a module reaches another module only through that module's service.ts, or through events (core/);
 *     - another module's model may be imported for types only (`import type`): the shared vocabulary of the
 *       shop (Product, Level…); values (constants, functions) come through the owning module's service;
 *     - only routes.ts uses the HTTP kit; nothing in a module imports api/, cli/, demo/ or src/restock.ts.
 *   api/, cli/, demo/, src/restock.ts assemble: they may import anything.
 * Tests (*.test.ts, test/, bench/) may reach anywhere: they check behaviour through whatever is public.
 */
const el = (type, extra = {}) => ({ element: { type, ...extra } });
const role = (categories) => ({ element: { type: 'module' }, file: { categories } });
const otherModule = { type: 'module', captured: { module: '!{{ from.element.captured.module }}' } };
const ownModule = { type: 'module', captured: { module: '{{ from.element.captured.module }}' } };
const boundaryRules = {
  default: 'allow',
  // Within a module too: a policy importing its own store is as wrong as importing another's.
  checkInternals: true,
  policies: [
    {
      from: el('core'),
      disallow: { to: { element: { types: ['db', 'http', 'api', 'cli', 'demo', 'assembly', 'module'] } } },
      message: 'core/ imports nothing else in src/',
    },
    {
      from: el('http'),
      disallow: { to: { element: { types: ['module', 'api', 'cli', 'demo', 'assembly'] } } },
      message: 'the HTTP kit (http/) imports no module, api/ or cli/: modules import the kit, only the assembly imports modules',
    },
    {
      from: el('module'),
      disallow: { to: { element: { types: ['api', 'cli', 'demo', 'assembly'] } } },
      message: 'only api/ and cli/ (and src/restock.ts, demo/) assemble; a module never imports them',
    },
    {
      from: el('module'),
      disallow: { to: { element: otherModule } },
      message: "a module reaches another only through its service.ts or through events (another module's model: `import type` only)",
    },
    { from: el('module'), allow: { to: { element: otherModule, file: { categories: 'service' } } } },
    { from: el('module'), allow: { to: { element: otherModule, file: { categories: 'model' } }, dependency: { kind: 'type' } } },
    {
      from: role('!routes'),
      disallow: { to: { element: { type: 'http' } } },
      message: 'only routes.ts uses the HTTP kit (http/)',
    },
    {
      from: role('store'),
      disallow: { to: { element: otherModule, file: { categories: ['store', 'routes'] } } },
      message: "a store never imports another module's store or routes",
    },
    {
      from: role('policy'),
      disallow: { to: { element: { types: ['db', 'http', 'module'] } } },
      message: "a policy imports only core/ and its own model (another module's model: `import type` only)",
    },
    { from: role('policy'), allow: { to: { element: ownModule, file: { categories: 'model' } } } },
    { from: role('policy'), allow: { to: { element: { type: 'module' }, file: { categories: 'model' } }, dependency: { kind: 'type' } } },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'src/client/schema.ts', 'web/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // Error codes come from the catalogue (core/errors.ts) as literals; a code built at run time could be one
      // the catalogue, the OpenAPI document and clients have never heard of. Messages may be templates.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'NewExpression[callee.name=/^(Invalid|Conflict|NotFound|Unprocessable)$/] > TemplateLiteral:nth-child(3)',
          message: 'Error codes are literals from the catalogue in core/errors.ts, never built at run time.',
        },
        {
          selector: "NewExpression[callee.name='RestockError'] > TemplateLiteral:first-child",
          message: 'Error codes are literals from the catalogue in core/errors.ts, never built at run time.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        { type: 'core', pattern: 'src/core', partialMatch: false },
        { type: 'db', pattern: 'src/db', partialMatch: false },
        { type: 'http', pattern: 'src/http', partialMatch: false },
        { type: 'api', pattern: 'src/api', partialMatch: false },
        { type: 'cli', pattern: 'src/cli', partialMatch: false },
        { type: 'demo', pattern: 'src/demo', partialMatch: false },
        { type: 'module', pattern: 'src/*', capture: ['module'], partialMatch: false },
      ],
      'boundaries/files': [
        { category: 'model', pattern: '**/model.ts' },
        { category: 'policy', pattern: '**/*policy.ts' },
        { category: 'store', pattern: '**/store.ts' },
        // MessageService lives in messaging/messages.ts (the messaging module's service for customer messages).
        { category: 'service', pattern: ['**/service.ts', 'src/messaging/messages.ts'] },
        { category: 'routes', pattern: '**/routes.ts' },
      ],
      'import/resolver': { node: { extensions: ['.ts'] } },
    },
    rules: { 'boundaries/dependencies': ['error', boundaryRules] },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'src/**/*.test.ts'],
    // node:test's describe/it return promises the runner tracks itself.
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    // Browser code (web/): typed by web/tsconfig.json (DOM, JSX); React's rules of hooks.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
