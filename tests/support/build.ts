import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { ROOT } from './paths.ts'

// The one build runner is scripts/lib/build.ts; tests import it from here.
export { buildDeck } from '../../scripts/lib/build.ts'

const run = promisify(execFile)

/** package.json's scripts, as `npm run` would run them. */
export const NPM_SCRIPTS = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts

/** Runs an npm script's `node ...` command directly (same arguments, plus `extra`), with this Node. */
export async function runNpmScript(name: string, extra: readonly string[]): Promise<void> {
  const command = NPM_SCRIPTS[name]
  const [program, ...args] = command?.split(/\s+/) ?? []
  if (program !== 'node')
    throw new Error(`npm script ${name} is "${command}", not a node command this test can run`)
  try {
    await run(process.execPath, [
      ...args,
      ...extra,
    ], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })
  }
  catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string, stderr?: string }
    throw new Error(`npm run ${name} failed:\n${stdout}\n${stderr}`)
  }
}
