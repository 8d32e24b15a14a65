import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    vue(),
  ],
  test: {
    // Pure modules keep their tests beside them (handout/model.test.ts, reader/*.test.ts).
    include: ['tests/**/*.test.ts', 'handout/**/*.test.ts', 'reader/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Browser and export tests start Chromium; on a 2-core machine two files at a time is the most that helps.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
})
