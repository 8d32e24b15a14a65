/**
 * Where code runs, enforced (`npm run lint`): the browser's code never imports Node's and the
 * reverse, the pure layer (shared/, and data/) imports neither, and nothing imports in a circle.
 * - Browser: app/ (the print, present and reader routes, the composables and Slidev's overrides),
 *   and Slidev's fixed places: components/, setup/ (but its Vite plugins), the layers at the root
 *   (custom-nav-controls.vue, global-top.vue).
 * - Node: scripts/, Slidev's setup/vite-plugins.ts, the configs.
 * - Pure: shared/ and data/, imported by both.
 * - Page code: the *.client.ts files in scripts/, what the scripts run inside Chromium's page
 *   (functions handed to Playwright's page.evaluate, which sends their source alone; the static
 *   first paint's script).
 * A type-only import crosses no boundary: it is gone at run time. Tests may import either side.
 * The type checker holds each side to its runtime's API too (tsconfig.json and its projects).
 */
const BROWSER = '^(?:(?:app|components|setup)/|(?:custom-nav-controls|global-top)\\.vue$)'
const NODE_IN_BROWSER_FOLDERS = '^setup/vite-plugins\\.ts$'
/** Tests, beside their module or in tests/, may reach both sides: they check the seams. */
const TEST = '\\.test\\.ts$'
const NODE = '^(?:scripts/|vite\\.config\\.ts$|vitest\\.config\\.ts$|knip\\.ts$|eslint\\.config\\.js$)'

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other in a circle.',
      severity: 'error',
      from: {},
      to: {
        circular: true,
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'pure-imports-neither-side',
      comment: 'shared/ and data/ run in Node and in the browser: they import no browser code, no Node code and no Node built-in.',
      severity: 'error',
      from: { path: '^(?:shared|data)/', pathNot: TEST },
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: '^(?:shared|data)/|^node_modules/(?:zod|qrcode|minisearch)/',
      },
    },
    {
      name: 'browser-imports-no-node',
      comment: 'Browser code imports no Node code and no Node built-in.',
      severity: 'error',
      from: { path: BROWSER, pathNot: `${NODE_IN_BROWSER_FOLDERS}|${TEST}` },
      to: {
        dependencyTypesNot: ['type-only'],
        path: `${NODE}|${NODE_IN_BROWSER_FOLDERS}`,
      },
    },
    {
      name: 'browser-imports-no-node-builtin',
      severity: 'error',
      from: { path: BROWSER, pathNot: `${NODE_IN_BROWSER_FOLDERS}|${TEST}` },
      to: {
        dependencyTypes: ['core'],
      },
    },
    {
      name: 'node-imports-no-browser',
      comment: 'Node code imports no browser code: what both need lives in shared/.',
      severity: 'error',
      from: { path: `${NODE}|${NODE_IN_BROWSER_FOLDERS}`, pathNot: TEST },
      to: {
        dependencyTypesNot: ['type-only'],
        path: BROWSER,
        pathNot: NODE_IN_BROWSER_FOLDERS,
      },
    },
    {
      name: 'page-code-imports-nothing',
      comment: 'A *.client.ts runs in the page on its own (Playwright sends a function\'s source, not its imports).',
      severity: 'error',
      from: { path: '^scripts/.+\\.client\\.ts$' },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing (Slidev\'s virtual modules aside).',
      severity: 'error',
      from: {},
      to: {
        couldNotResolve: true,
        // Slidev's virtual modules, and the client types setup/main.ts references with a triple slash.
        pathNot: '^(?:#slidev/|virtual:|/@slidev/|~icons/|@slidev/types/client$)',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(?:node_modules|dist|dist-[^/]*|test-output|tests/fixtures|\\.git)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: [
        'import',
        'require',
        'node',
        'default',
        'types',
      ],
      extensions: ['.ts', '.js', '.vue', '.json'],
    },
  },
}
