import { resolve } from 'node:path'
import { slidevBuild, SlidevBuildError } from '../../scripts/lib/build.ts'
import { ROOT } from './paths.ts'

/** Builds the deck into `outDir` with extra `slidev build` arguments; throws with Slidev's output on failure. */
export async function buildDeck(outDir: string, args: readonly string[] = []): Promise<string> {
  const out = resolve(ROOT, outDir)
  try {
    await slidevBuild(['--out', out, ...args])
  }
  catch (error) {
    throw error instanceof SlidevBuildError
      ? new Error(`${error.message}:\n${error.output}`)
      : error
  }
  return out
}
