import type { ProvidedContext } from 'vitest'
import type { TestProject } from 'vitest/node'
import type { RealDeckPrints } from './prints.ts'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/lib/browser.ts'
import { SITE_PRINTING } from '../../scripts/site/build-site.ts'
import { buildDeck, runNpmScript } from './build.ts'
import { FIXTURE_ENTRY } from './fixture.ts'
import { TEST_OUTPUT } from './paths.ts'
import { printRealDeck } from './prints.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real deck, `slidev build`: for the tests about its content (facts, talks, notes, each slide on screen). */
    distDir: string
    /** The real deck's slides PDF and handouts, printed from distDir (tests/support/prints.ts). */
    realPrints: RealDeckPrints
    /** The fixture deck (tests/fixtures/deck), `slidev build`. */
    fixtureDist: string
    /** The fixture deck, `npm run build:site`: the public build with the slides PDF and the handout in downloads/. */
    fixtureSiteDist: string
    /** The fixture deck, `npm run build:public -- --base /recap/`: no notes, no presenter, for the sub-path /recap/. */
    fixtureRecapDist: string
    /** The run's one Chromium, for chromium.connect (tests/support/browser.ts). */
    browserWsEndpoint: string
  }
}

/** What the setup makes: everything the test files are given but the browser. */
type Builds = Omit<ProvidedContext, 'browserWsEndpoint'>

/**
 * Builds every site the suite reads, each once per run, prints the real deck's PDFs once, and
 * starts the one Chromium the test files share. The real deck's build is for the tests about its
 * content; the fixture deck's builds are for the machinery. With RECAP_TEST_REUSE=1 (for working on
 * one test file, never in CI) it reuses the last complete setup's builds and prints, recorded in
 * TEST_OUTPUT/setup.json, instead of making them again.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now()
  const times: string[] = []
  /** Runs `work`, noting how long it took from the start of the setup, for the line printed at the end. */
  const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const result = await work()
    times.push(`${what} done at ${((performance.now() - started) / 1000).toFixed(1)} s`)
    return result
  }
  const out = (name: string): string => join(TEST_OUTPUT, name)
  const fresh = async (dir: string): Promise<string> => {
    await rm(dir, { recursive: true, force: true })
    return dir
  }

  // Started first: the setup prints with it too.
  const { executablePath } = resolveChromium()
  const server = await chromium.launchServer({
    executablePath,
    args: [
      ...CHROMIUM_ARGS,
      ...(process.getuid?.() === 0
        ? ['--no-sandbox']
        : []),
    ],
  })
  const browser = await chromium.connect(server.wsEndpoint())

  // The fixture's full build comes first (build:site prints its handout from it); build:public
  // follows, beside build:site's printing and the real deck's build and print.
  /** `npm run SCRIPT -- --entry <fixture> --out DIR ...`. */
  const fixtureScript = async (script: string, dir: string, extra: readonly string[] = [], onLine?: (line: string) => void): Promise<void> => runNpmScript(script, [
    '--entry',
    FIXTURE_ENTRY,
    '--out',
    dir,
    ...extra,
  ], onLine)
  const fixtureBuilds = async (): Promise<[string, string, string]> => {
    const full = await timed('fixture build', async () => buildDeck(await fresh(out('fixture-dist')), [FIXTURE_ENTRY]))
    // build:site is a public build, then the slides PDF printed from it and the handout printed from
    // a full build: the one just made (handout.ts checks that it has the entry's slides). Once it says
    // it is printing, its build is over and the next build of the fixture runs beside its printing.
    const site = await fresh(out('fixture-site-dist'))
    let siteBuilt = (): void => {}
    const printing = new Promise<void>((done) => {
      siteBuilt = done
    })
    const siteScript = timed('fixture build:site', async () => fixtureScript('build:site', site, ['--handout-dist', full], (line) => {
      if (line.startsWith(SITE_PRINTING)) {
        times.push(`fixture build:site's build done at ${((performance.now() - started) / 1000).toFixed(1)} s`)
        siteBuilt()
      }
    }))
    // Its failure is thrown by the await at the end, whatever happens meanwhile.
    siteScript.catch(() => {})
    await Promise.race([printing, siteScript])
    // One public build serves both the tests of build:public and those of a sub-path: build:site is
    // the public build at the root already, so a second one there would only repeat it.
    const recap = await fresh(out('fixture-recap-dist'))
    await timed('fixture build:public --base /recap/', async () => fixtureScript('build:public', recap, ['--base', '/recap/']))
    await siteScript
    return [full, recap, site]
  }
  const realDeck = async (): Promise<[string, RealDeckPrints]> => {
    const dist = await timed('real deck build', async () => buildDeck(out('dist')))
    const prints = await timed('real deck PDFs', async () => printRealDeck(dist, out('real-prints'), browser))
    return [dist, prints]
  }
  const made = out('setup.json')
  try {
    let builds: Builds
    const reused = process.env.RECAP_TEST_REUSE === '1'
      ? await readFile(made, 'utf8').then(text => JSON.parse(text) as Builds, () => undefined)
      : undefined
    if (reused) {
      builds = reused
      times.push(`reused the builds and prints of ${made} (RECAP_TEST_REUSE=1)`)
    }
    else {
      await rm(made, { force: true })
      const [[distDir, realPrints], [fixtureDist, fixtureRecapDist, fixtureSiteDist]] = await Promise.all([
        realDeck(),
        fixtureBuilds(),
      ])
      builds = {
        distDir,
        realPrints,
        fixtureDist,
        fixtureSiteDist,
        fixtureRecapDist,
      }
      await writeFile(made, JSON.stringify(builds))
    }
    project.provide('distDir', builds.distDir)
    project.provide('realPrints', builds.realPrints)
    project.provide('fixtureDist', builds.fixtureDist)
    project.provide('fixtureSiteDist', builds.fixtureSiteDist)
    project.provide('fixtureRecapDist', builds.fixtureRecapDist)
  }
  catch (error) {
    await server.close()
    throw error
  }
  finally {
    await browser.close()
  }
  console.log(`global setup: ${times.join(', ')}`)

  project.provide('browserWsEndpoint', server.wsEndpoint())
  return async () => {
    await server.close()
  }
}
