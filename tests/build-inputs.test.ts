import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildIsStale, newestBuildInput } from '../scripts/lib/build-inputs.ts'
import { ROOT } from './support/paths.ts'

/** A file written with a given modification time (seconds since the epoch). */
async function file(root: string, path: string, seconds: number): Promise<void> {
  const full = join(root, path)
  await mkdir(dirname(full), { recursive: true })
  await writeFile(full, path)
  await utimes(full, seconds, seconds)
}

describe('./deck present rebuilds a build older than any of its inputs (scripts/lib/build-inputs.ts)', () => {
  let root: string
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'recap-inputs-'))
    await file(root, 'slides.md', 1000)
    await file(root, 'dist-present/index.html', 2000)
  })
  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('a build newer than every input is kept', () => {
    expect(buildIsStale(root, join(root, 'dist-present'))).toBe(false)
  })

  it('a missing build is stale', () => {
    expect(buildIsStale(root, join(root, 'dist-other'))).toBe(true)
  })

  it.each([
    'app/reader/ReaderPage.vue',
    'app/overrides/MenuButton.vue',
    'scripts/site/first-paint.ts',
    'a-folder-made-tomorrow/Thing.vue',
    'package-lock.json',
  ])('an edit to %s makes it stale, with no list to keep', async (path) => {
    await file(root, path, 3000)
    expect(buildIsStale(root, join(root, 'dist-present'))).toBe(true)
  })

  it.each([
    'tests/site.test.ts',
    'docs/benchmarks.md',
    'rehearsals/run.json',
    'node_modules/x/index.js',
    'test-output/dist/index.html',
    '.present/session.json',
    'dist/index.html',
  ])('an edit to %s, never an input, does not', async (path) => {
    await file(root, path, 3000)
    expect(buildIsStale(root, join(root, 'dist-present'))).toBe(false)
  })

  it('finds the inputs of the repository itself', () => {
    expect(newestBuildInput(ROOT)).toBeGreaterThan(0)
  })
})
