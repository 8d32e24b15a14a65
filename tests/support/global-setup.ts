import type { TestProject } from 'vitest/node'
import { join } from 'node:path'
import { buildDeck } from './build.ts'
import { TEST_OUTPUT } from './paths.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the deck built once for the whole run. */
    distDir: string
  }
}

/** Builds the deck once per run; browser, export and handout tests all read this build. */
export default async function setup(project: TestProject): Promise<void> {
  const distDir = await buildDeck(join(TEST_OUTPUT, 'dist'))
  project.provide('distDir', distDir)
}
