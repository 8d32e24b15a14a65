import type { Dirent } from 'node:fs'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * What in the repository is never an input of the deck's build: its outputs, its tests and their
 * fixtures, the documentation, the presenter's rehearsals and state, and dependencies (whose
 * versions package-lock.json stands for). Everything else is treated as an input, whatever its
 * folder: a new folder of browser code, a Vite plugin or a stylesheet needs no list to be kept.
 */
function neverAnInput(entry: Dirent): boolean {
  if (entry.name.startsWith('.'))
    return true
  if (!entry.isDirectory())
    return false
  return entry.name === 'node_modules'
    || entry.name === 'dist'
    || entry.name.startsWith('dist-')
    || entry.name === 'exports'
    || entry.name === 'test-output'
    || entry.name === 'tests'
    || entry.name === 'docs'
    || entry.name === 'rehearsals'
}

/** The newest modification time (ms) among the files under `root` that can be inputs of its build; 0 when there are none. */
export function newestBuildInput(root: string): number {
  let newest = 0
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (neverAnInput(entry))
        continue
      const path = join(dir, entry.name)
      if (entry.isDirectory())
        walk(path)
      else if (entry.isFile())
        newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  walk(root)
  return newest
}

/** Whether the build in `distDir` is missing or older than any input of the deck at `root`. */
export function buildIsStale(root: string, distDir: string): boolean {
  let built: number
  try {
    built = statSync(join(distDir, 'index.html')).mtimeMs
  }
  catch {
    return true
  }
  return newestBuildInput(root) > built
}
