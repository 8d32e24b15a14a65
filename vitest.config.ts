import vue from '@vitejs/plugin-vue'
import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    vue(),
  ],
  test: {
    // A test is found wherever it sits: the browser and export suites in tests/, a pure module's
    // beside it (shared/*.test.ts, app/reader/dom.test.ts). Builds and test output hold none.
    include: ['**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      'dist*/**',
      'test-output/**',
      'exports/**',
    ],
    globalSetup: ['tests/support/global-setup.ts'],
    // Browser and export tests start Chromium; on a 2-core machine two files at a time is the most that helps.
    maxWorkers: 2,
    // Workers are reused across files (a fresh one per file cost about 1 s each, 32 files): the files
    // share no state but the support modules' caches, and restore what they change (timers).
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
})
