import type { Plugin } from 'vite'
import { defineConfig } from 'vite'
import { validateData } from './data/validate.ts'
import { slidevClientFixes } from './scripts/lib/slidev-overrides.ts'
import { loadPlan } from './scripts/present/plan.ts'

/** Bad data fails the build (and the dev server's start) with the file, entry and field named. */
function validateDeckData(): Plugin {
  return {
    name: 'recap:validate-data',
    async buildStart() {
      validateData()
      // Section budgets must be well formed and sum to the duration (scripts/present/plan.ts).
      await loadPlan()
    },
  }
}

export default defineConfig({
  plugins: [
    validateDeckData(),
    // Fixes to Slidev's own client: its nav bar's and dialogs' accessibility, an unhandled wake-lock refusal (scripts/lib/slidev-overrides.ts says which and why).
    slidevClientFixes(),
  ],
})
