import type { TestProject } from 'vitest/node'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS, resolveChromium } from '../../scripts/lib/browser.ts'
import { buildPublic } from '../../scripts/site/build-site.ts'
import { buildDeck, runNpmScript } from './build.ts'
import { FIXTURE_ENTRY } from './fixture.ts'
import { TEST_OUTPUT } from './paths.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real deck, `slidev build`: for the tests about its content (facts, talks, notes, each slide on screen). */
    distDir: string
    /** The fixture deck (tests/fixtures/deck), `slidev build`. */
    fixtureDist: string
    /** The fixture deck, `npm run build:public`: no notes, no presenter. */
    fixturePublicDist: string
    /** The fixture deck, `npm run build:site`: the public build with the slides PDF and the handout in downloads/. */
    fixtureSiteDist: string
    /** The fixture deck, the public build for the sub-path /recap/. */
    fixtureRecapDist: string
    /** The run's one Chromium, for chromium.connect (tests/support/browser.ts). */
    browserWsEndpoint: string
  }
}

/**
 * Builds every site the suite reads, each once per run, and starts the one Chromium the test files
 * share. The real deck's build is for the tests about its content; the fixture deck's builds are for
 * the machinery.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const out = (name: string): string => join(TEST_OUTPUT, name)
  const fresh = async (dir: string): Promise<string> => {
    await rm(dir, { recursive: true, force: true })
    return dir
  }
  // Builds of one deck share its node_modules/.slidev (Slidev writes its virtual modules there), so
  // the fixture's builds run one after another, beside the real deck's build.
  /** `npm run SCRIPT -- --entry <fixture> --out DIR`. */
  const fixtureScript = async (script: string, dir: string): Promise<void> => runNpmScript(script, [
    '--entry',
    FIXTURE_ENTRY,
    '--out',
    dir,
  ])
  const fixtureBuilds = async (): Promise<[string, string, string, string]> => {
    const full = await buildDeck(await fresh(out('fixture-dist')), [FIXTURE_ENTRY])
    const publicDir = await fresh(out('fixture-public-dist'))
    await fixtureScript('build:public', publicDir)
    const recap = await buildPublic({ out: await fresh(out('fixture-recap-dist')), base: '/recap/', entry: FIXTURE_ENTRY })
    // build:site is a public build, the slides PDF printed from it and a full build for the handout.
    const site = await fresh(out('fixture-site-dist'))
    await fixtureScript('build:site', site)
    return [full, publicDir, recap, site]
  }
  const [distDir, [fixtureDist, fixturePublicDist, fixtureRecapDist, fixtureSiteDist]] = await Promise.all([
    buildDeck(out('dist')),
    fixtureBuilds(),
  ])
  project.provide('distDir', distDir)
  project.provide('fixtureDist', fixtureDist)
  project.provide('fixturePublicDist', fixturePublicDist)
  project.provide('fixtureSiteDist', fixtureSiteDist)
  project.provide('fixtureRecapDist', fixtureRecapDist)

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
  project.provide('browserWsEndpoint', server.wsEndpoint())
  return async () => {
    await server.close()
  }
}
