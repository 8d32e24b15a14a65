import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { ROOT } from './paths.ts'

// The one build runner is scripts/lib/build.ts; tests import it from here.
export { buildDeck } from '../../scripts/lib/build.ts'

/** package.json's scripts, as `npm run` would run them. */
export const NPM_SCRIPTS = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts

/**
 * Runs an npm script's `node ...` command directly (same arguments, plus `extra`), with this Node;
 * `onLine` is told each line it prints on stdout as it prints it (the global setup waits on
 * build:site's progress lines).
 */
export async function runNpmScript(name: string, extra: readonly string[], onLine?: (line: string) => void): Promise<void> {
  const command = NPM_SCRIPTS[name]
  const [program, ...args] = command?.split(/\s+/) ?? []
  if (program !== 'node')
    throw new Error(`npm script ${name} is "${command}", not a node command this test can run`)
  const child = spawn(process.execPath, [
    ...args,
    ...extra,
  ], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  let partial = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    const lines = (partial + chunk).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines)
      onLine?.(line)
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const [code, signal] = await once(child, 'close') as [number | null, NodeJS.Signals | null]
  if (partial)
    onLine?.(partial)
  if (code !== 0)
    throw new Error(`npm run ${name} failed (${signal ?? `exit code ${code}`}):\n${stdout}\n${stderr}`)
}
