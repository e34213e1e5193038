/**
 * The architecture's boundaries, checked in CI (`npm run deps`). A violation names the rule, the importing file and
 * the imported one.
 */
const TEST_CODE = '(\\.test\\.tsx?|-fixture\\.ts|/testing\\.ts|/fixtures/.+)$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'A cycle makes initialisation order depend on which file is imported first. Type-only imports are erased by the compiler and cannot cycle at run time.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-imports-no-module',
      severity: 'error',
      comment: 'The core knows no module: a new module is one folder and one line in src/modules/index.ts.',
      from: { path: '^src/core/' },
      to: { path: '^src/(modules/|main\\.ts$|cli\\.ts$)' },
    },
    {
      name: 'no-module-imports-another',
      severity: 'error',
      comment: 'Modules talk through the event bus and the core, never by importing each other.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'modules-use-the-core-surface',
      severity: 'error',
      comment:
        'A module imports the core only through src/core/index.ts, its pure helpers through src/core/lang/index.ts, and its tests through src/core/testing/index.ts.',
      from: { path: '^src/modules/' },
      to: { path: '^src/core/', pathNot: '^src/core/(index|lang/index|testing/index)\\.ts$' },
    },
    {
      name: 'test-helpers-stay-in-tests',
      severity: 'error',
      comment: 'Only tests, fixtures and test helpers use the core’s testing surface.',
      from: { path: '^src/modules/', pathNot: TEST_CODE },
      to: { path: '^src/core/testing/' },
    },
    {
      name: 'server-imports-nothing-from-web',
      severity: 'error',
      comment: 'The server, benchmarks and scripts run without the dashboard’s code.',
      from: { path: '^(src|bench|scripts|test)/' },
      to: { path: '^web/' },
    },
    {
      name: 'web-modules-import-no-other-web-module',
      severity: 'error',
      comment:
        'A module’s screens use the web core (web/src/app, components, core), never another module’s screens.',
      from: { path: '^web/src/modules/([^/]+)/' },
      to: { path: '^web/src/modules/', pathNot: '^web/src/modules/$1/' },
    },
    {
      name: 'web-takes-only-contracts-from-the-server',
      severity: 'error',
      comment:
        'The dashboard shares the server’s response contracts (*.contract.ts: TypeBox schemas and the types derived from them), as types only; nothing else of the server reaches the browser.',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '\\.contract\\.ts$' },
    },
    {
      name: 'web-takes-contracts-as-types',
      severity: 'error',
      comment: 'Contracts are imported with `import type`, so no server code is bundled.',
      from: { path: '^web/' },
      to: { path: '^src/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'contracts-are-self-contained',
      severity: 'error',
      comment:
        'A contract file imports only typebox and other contracts, so the dashboard can read it without the server.',
      from: { path: '\\.contract\\.ts$' },
      to: { pathNot: '(\\.contract\\.ts$|node_modules/typebox/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
