import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { ROOT } from './paths.ts'

const run = promisify(execFile)
const SLIDEV = resolve(ROOT, 'node_modules/@slidev/cli/bin/slidev.mjs')

/** Builds the deck into `outDir` with extra `slidev build` arguments; throws with Slidev's output on failure. */
export async function buildDeck(outDir: string, args: readonly string[] = []): Promise<string> {
  const out = resolve(ROOT, outDir)
  try {
    await run(process.execPath, [SLIDEV, 'build', '--out', out, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })
  }
  catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string, stderr?: string }
    throw new Error(`slidev build ${args.join(' ')} failed:\n${stdout}\n${stderr}`)
  }
  return out
}
