// ESLint flat config. Errors are for real defects (unhandled promises, non-exhaustive switches, unsafe `any`);
// formatting is Prettier's job and is not linted here.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

// The globals our plain-JS files (scripts/*.mjs, bin/*.js, this file) use. Listed here rather than taken from the
// `globals` package, which is not a dependency of ours.
const nodeGlobals = Object.fromEntries(
  (
    'process console Buffer URL URLSearchParams TextEncoder TextDecoder AbortController AbortSignal fetch Response ' +
    'Request Headers structuredClone queueMicrotask performance setTimeout clearTimeout setInterval clearInterval ' +
    'setImmediate clearImmediate'
  )
    .split(' ')
    .map((name) => [name, 'readonly']),
);

/** Rules shared by every TypeScript file (server and web). */
const tsRules = {
  // A forgotten `await` loses errors and ordering. node:test's test()/describe()/it() return promises that the
  // runner itself awaits, so calling them bare is fine.
  '@typescript-eslint/no-floating-promises': [
    'error',
    {
      allowForKnownSafeCalls: [
        {
          from: 'package',
          package: 'node:test',
          name: ['test', 'describe', 'it', 'suite', 'only', 'skip', 'todo'],
        },
      ],
    },
  ],
  // Adding a member to a union (an event type, a status, a permission) must break every switch that forgets it.
  '@typescript-eslint/switch-exhaustiveness-check': 'error',
  '@typescript-eslint/restrict-template-expressions': [
    'error',
    {
      allowNumber: true,
      allowBoolean: true,
      allowAny: false,
      allowNullish: false,
      allowRegExp: false,
      allowNever: false,
    },
  ],
  // Rows from the database and parsed JSON are typed optimistically (a bigint count is a string from node-postgres
  // and a number from PGlite); these rules would then call real guards and normalising Number(...) "unnecessary".
  '@typescript-eslint/no-unnecessary-condition': 'off',
  '@typescript-eslint/no-unnecessary-type-conversion': 'off',
  '@typescript-eslint/no-confusing-void-expression': 'off',
  // `x!` lets undefined travel on; state the guarantee (present(), a guard, a better type) instead. Tests may.
  '@typescript-eslint/no-non-null-assertion': 'error',
  // Fastify handlers and interface implementations are `async` without awaiting anything; that is not a defect.
  '@typescript-eslint/require-await': 'off',
  // A deprecation is a note for later, not a broken build.
  '@typescript-eslint/no-deprecated': 'warn',
  '@typescript-eslint/no-unused-vars': [
    'error',
    {
      argsIgnorePattern: '^_',
      varsIgnorePattern: '^_',
      caughtErrorsIgnorePattern: '^_',
      ignoreRestSiblings: true,
    },
  ],
  // With verbatimModuleSyntax, `import { type A } from './a.js'` still loads ./a.js at runtime (`import {} from`):
  // write `import type { A }` instead (auto-fixable). dependency-cruiser counts such imports as runtime edges.
  '@typescript-eslint/no-import-type-side-effects': 'error',
};

/** Tests read `any`-typed JSON bodies and assert on them; the assertion is the safety net there. */
const testRules = {
  '@typescript-eslint/no-unsafe-assignment': 'off',
  '@typescript-eslint/no-unsafe-member-access': 'off',
  '@typescript-eslint/no-unsafe-argument': 'off',
  '@typescript-eslint/no-unsafe-call': 'off',
  '@typescript-eslint/no-non-null-assertion': 'off',
};

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    'web/dist/',
    'data/',
    'dist/',
    'coverage/',
    '.ci/node24/',
    'test/e2e/screenshots/',
  ]),

  {
    name: 'qadagalau/js',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: nodeGlobals },
    rules: {
      'no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  {
    name: 'qadagalau/cjs',
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...nodeGlobals, module: 'writable', require: 'readonly' },
    },
  },

  {
    name: 'qadagalau/server-ts',
    files: ['src/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: tsRules,
  },

  {
    name: 'qadagalau/web-ts',
    files: ['web/src/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./web/tsconfig.json'], tsconfigRootDir: root },
    },
    rules: {
      ...tsRules,
      // `onClick={async () => …}` is the normal React idiom; the handler catches its own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },

  {
    name: 'qadagalau/tests',
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      'test/**/*.ts',
      '**/*-fixture.ts',
      '**/fixtures/**/*.ts',
      'src/modules/*/testing.ts',
      'src/core/testing/**/*.ts',
    ],
    rules: testRules,
  },
]);
