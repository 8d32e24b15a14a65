import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { StaticServer } from '../scripts/lib/serve.ts'
import type { CspWatch, NetworkGuard } from './support/site.ts'
import { cp, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { CSP_DIRECTIVES, metaCsp, SECURITY_HEADERS } from '../scripts/lib/hosting.ts'
import { serveStatic } from '../scripts/lib/serve.ts'
import { addSecurityMeta } from '../scripts/site/build-site.ts'
import { connectBrowser } from './support/browser.ts'
import { loadDeckWithContent } from './support/deck.ts'
import { FIXTURE_ENTRY } from './support/fixture.ts'
import { netlifyConfig, pagesWorkflow, vercelConfig } from './support/hosting.ts'
import { htmlErrors } from './support/html.ts'
import { TEST_OUTPUT } from './support/paths.ts'
import { goToSlide, guardNetwork, openSlide, showSlideAllClicks, slideUrl, startApp, waitForServiceWorker, waitForSlide, watchCsp, watchPageErrors } from './support/site.ts'

/** Hosting is machinery: it is tested on the fixture deck (its builds are made once per run by the global setup). */
const deck = await loadDeckWithContent(FIXTURE_ENTRY)
const HOSTS = [
  netlifyConfig(),
  vercelConfig(),
]
/** A slide with at least two clicks, for deep links that carry a click state. */
const CLICKS_SLIDE = deck.slides.find(slide => (slide.content.match(/\bv-click\b/g)?.length ?? 0) >= 2)

let browser: Browser

beforeAll(async () => {
  browser = await connectBrowser()
})
afterAll(async () => {
  await browser?.close()
})

interface Visit {
  context: BrowserContext
  page: Page
  csp: CspWatch
  network: NetworkGuard
  errors: string[]
}

async function visit(server: StaticServer): Promise<Visit> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
  })
  const csp = await watchCsp(context)
  const network = await guardNetwork(context, [server.url])
  const errors = watchPageErrors(context)
  const page = await context.newPage()
  return { context, page, csp, network, errors }
}

/** Opens slide `no` with every click revealed: no CSP violation, no page error. */
async function expectSlideUnderPolicy(v: Visit, url: string, no: number): Promise<void> {
  await openSlide(v.page, url, no, 999)
  expect(v.csp.violations).toEqual([])
  expect(v.errors).toEqual([])
}

/** The slide on screen, the URL's query and which v-click elements are revealed: what a reload must keep. */
async function slideState(page: Page): Promise<{ path: string, clicks: string | null, revealed: boolean[] }> {
  return page.evaluate(() => {
    const shown = [
      ...document.querySelectorAll<HTMLElement>('#slideshow .slidev-page'),
    ].find(el => getComputedStyle(el).display !== 'none')
    return {
      path: location.pathname,
      clicks: new URL(location.href).searchParams.get('clicks'),
      revealed: [
        ...shown?.querySelectorAll('.slidev-vclick-target') ?? [],
      ].map(el => !el.classList.contains('slidev-vclick-hidden')),
    }
  })
}

/**
 * Opens `/${no}` (with clicks), checks the slide and click state, reloads, and checks they are the same.
 * Both are loads: the deck's router keeps a ?clicks= that booting on a slide drops (clicks=2 where the
 * slide has none), so a state reached through the router is not the deep link's.
 */
async function deepLinkSurvivesReload(page: Page, baseUrl: string, no: number, clicks?: number): Promise<void> {
  await openSlide(page, baseUrl, no, clicks)
  const before = await slideState(page)
  expect(before.path).toBe(new URL(slideUrl(baseUrl, no)).pathname)
  if (clicks !== undefined && before.revealed.length >= clicks) {
    expect(before.clicks).toBe(String(clicks))
    expect(before.revealed.filter(Boolean).length, `${no}?clicks=${clicks} reveals ${clicks} elements`).toBe(clicks)
  }
  await page.reload()
  await startApp(page)
  await waitForSlide(page, no)
  expect(await slideState(page)).toEqual(before)
}

describe('host configs', () => {
  it.each(HOSTS)('$file sends the security headers on every path', (host) => {
    expect(host.headers).toEqual(SECURITY_HEADERS)
    expect(host.headers['X-Content-Type-Options']).toBe('nosniff')
    expect(host.headers['Referrer-Policy']).toMatch(/^(?:no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/)
    const csp = host.headers['Content-Security-Policy'] ?? ''
    for (const [directive, value] of Object.entries(CSP_DIRECTIVES))
      expect(csp).toContain(`${directive} ${value}`)
    expect(csp, 'scripts must not be inline or eval\'d').not.toMatch(/script-src[^;]*'unsafe-(?:inline|eval)'/)
  })

  it.each(HOSTS)('$file falls back to index.html for every slide route, but not for missing assets', (host) => {
    for (const path of [
      '/',
      ...deck.slides.map(slide => `/${slide.number}`),
    ])
      expect(host.fallsBackToIndex(path), `${host.file}: ${path}`).toBe(true)
    if (host.name === 'Vercel')
      expect(host.fallsBackToIndex('/assets/missing-0000.js')).toBe(false)
  })

  it.each(HOSTS)('$file builds the public site with its downloads into dist', (host) => {
    expect(host.buildCommand).toBe('npm run build:site')
    expect(host.publishDir).toBe('dist')
  })

  it('the GitHub Pages workflow builds the site for the repository\'s sub-path, policy in <meta>, and deploys it', () => {
    const workflow = pagesWorkflow()
    expect(workflow.permissions).toMatchObject({ 'pages': 'write', 'id-token': 'write' })
    const build = workflow.steps.find(step => step.run?.includes('npm run build:site'))
    expect(build?.run, 'no step runs npm run build:site').toBeDefined()
    expect(build?.run).toMatch(/--pages\b/)
    // configure-pages gives the sub-path ("/<repository>", or "" on a custom domain); the build adds the slash.
    const configure = workflow.steps.find(step => step.uses?.startsWith('actions/configure-pages@'))
    expect(configure?.id, 'no actions/configure-pages step with an id').toBeDefined()
    expect(build?.run).toContain(`--base "\${{ steps.${configure!.id}.outputs.base_path }}/"`)
    expect(workflow.steps.indexOf(configure!)).toBeLessThan(workflow.steps.indexOf(build!))
    expect(build?.run).toMatch(/--out dist\b/)
    const upload = workflow.steps.find(step => step.uses?.startsWith('actions/upload-pages-artifact@'))
    expect(upload?.with?.path).toBe('dist')
    expect(workflow.steps.some(step => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true)
    expect(workflow.steps.indexOf(build!)).toBeLessThan(workflow.steps.indexOf(upload!))
  })
})

/**
 * The header sets the hosts send, each served once: hosts that send the same headers cannot be told
 * apart by the deck (the block below names them all), and a host whose headers differ gets its own.
 */
const HEADER_SETS = HOSTS.reduce<{ file: string, headers: Record<string, string> }[]>((sets, host) => {
  const same = sets.find(set => JSON.stringify(set.headers) === JSON.stringify(host.headers))
  if (same)
    same.file = `${same.file} and ${host.file}`
  else
    sets.push({ file: host.file, headers: host.headers })
  return sets
}, [])

describe.each(HEADER_SETS)('the deck served with exactly the headers of $file', (host) => {
  let server: StaticServer
  let v: Visit

  beforeAll(async () => {
    server = await serveStatic(inject('fixtureDist'), { headers: host.headers })
    v = await visit(server)
  })
  afterAll(async () => {
    await v?.context.close()
    await server?.close()
  })

  it('gets them on its pages', async () => {
    const response = await v.page.goto(slideUrl(server.url, 1))
    const headers = await response!.allHeaders()
    for (const [name, value] of Object.entries(host.headers))
      expect(headers[name.toLowerCase()]).toBe(value)
  })

  it.each(deck.slides.map(slide => slide.number))('shows slide %i, every click revealed, with no CSP violation', async (no) => {
    // The first slide is loaded from its URL, each next one reached through the deck's router (deep
    // links loaded under the headers are the reload test's below; the GitHub Pages block boots on
    // every slide from its route).
    await showSlideAllClicks(v.page, server.url, no)
    expect(v.csp.violations).toEqual([])
    expect(v.errors).toEqual([])
  })

  it('registers and activates its service worker under the policy', async () => {
    await goToSlide(v.page, server.url, 1)
    expect(await waitForServiceWorker(v.page)).toBe(new URL('sw.js', server.url).href)
    expect(v.csp.violations).toEqual([])
  })

  it('keeps deep links /7 and /7?clicks=2 on reload', async () => {
    await deepLinkSurvivesReload(v.page, server.url, 7)
    await deepLinkSurvivesReload(v.page, server.url, 7, 2)
    expect(CLICKS_SLIDE, 'no slide with two v-clicks').toBeDefined()
    await deepLinkSurvivesReload(v.page, server.url, CLICKS_SLIDE!.number, 2)
    expect(v.csp.violations).toEqual([])
    expect(v.errors).toEqual([])
  })

  it('sent nothing outside the host', () => {
    expect(v.network.outside).toEqual([])
  })
})

describe('the public site built with --base /recap/', () => {
  const out = inject('fixtureRecapDist')
  let server: StaticServer
  let v: Visit
  const failed: string[] = []
  /** The build as GitHub Pages gets it (the block at the end): the same, with the policy added in <meta>. */
  const pagesOut = join(TEST_OUTPUT, 'hosting-pages')
  /** The Nu HTML Checker's errors in both, checked from the start of this block, beside its browser tests. */
  let htmlChecked: Promise<string[]>

  beforeAll(async () => {
    await rm(pagesOut, { recursive: true, force: true })
    await cp(out, pagesOut, { recursive: true })
    await addSecurityMeta(pagesOut)
    htmlChecked = htmlErrors([out, pagesOut])
    // A failure is the HTML test's to report, when it awaits it.
    htmlChecked.catch(() => {})
    server = await serveStatic(out, {
      base: '/recap/',
      headers: { ...SECURITY_HEADERS },
    })
    v = await visit(server)
    v.page.on('response', (response) => {
      if (response.status() >= 400)
        failed.push(`${response.status()} ${response.url()}`)
    })
  })
  afterAll(async () => {
    await v?.context.close()
    await server?.close()
  })

  it('is served under /recap/', () => {
    expect(server.url).toMatch(/\/recap\/$/)
  })

  it.each(deck.slides.map(slide => slide.number))('shows slide %i under /recap/', async (no) => {
    // Loaded from its URL for the first, through the deck's router for the next: booting on every
    // route of this build is the GitHub Pages block's (the reload test below boots here too).
    await showSlideAllClicks(v.page, server.url, no)
    expect(new URL(v.page.url()).pathname).toBe(`/recap/${no}`)
  })

  it('keeps deep links on reload under /recap/', async () => {
    await deepLinkSurvivesReload(v.page, server.url, 7)
    await deepLinkSurvivesReload(v.page, server.url, 7, 2)
    await deepLinkSurvivesReload(v.page, server.url, CLICKS_SLIDE!.number, 2)
  })

  it('scopes its service worker to /recap/', async () => {
    expect(await waitForServiceWorker(v.page)).toBe(new URL('sw.js', server.url).href)
    const scope = await v.page.evaluate(() => navigator.serviceWorker.ready.then(registration => registration.scope))
    expect(new URL(scope).pathname).toBe('/recap/')
  })

  it('loaded everything from under /recap/, with no failed request, page error or CSP violation', () => {
    expect(failed).toEqual([])
    expect(v.errors).toEqual([])
    expect(v.csp.violations).toEqual([])
    expect(v.network.outside).toEqual([])
  })

  describe('as GitHub Pages serves it: 404.html for routes, the policy in <meta>, no headers', () => {
    let pages: StaticServer
    let p: Visit

    beforeAll(async () => {
      pages = await serveStatic(pagesOut, { base: '/recap/', fallback: 'github-pages' })
      p = await visit(pages)
    })
    afterAll(async () => {
      await p?.context.close()
      await pages?.close()
    })

    it('is valid HTML with the policy in <meta>, as is the build under /recap/ without it', async () => {
      const errors = await htmlChecked
      expect(errors, `${errors.length} HTML errors:\n${errors.join('\n')}`).toEqual([])
    })

    it('ships 404.html as index.html, both with the policy before any script', async () => {
      const index = await readFile(join(pagesOut, 'index.html'), 'utf8')
      const notFound = await readFile(join(pagesOut, '404.html'), 'utf8')
      expect(notFound).toBe(index)
      const meta = index.indexOf('http-equiv="Content-Security-Policy"')
      expect(meta).toBeGreaterThan(0)
      expect(meta).toBeLessThan(index.search(/<script|<link[^>]+stylesheet/))
      expect(index).toContain(`content="${metaCsp()}"`)
    })

    it('answers a slide route with its prerendered page, and a route with no file with 404.html, status 404, where the deck boots', async () => {
      const slide = await p.page.goto(slideUrl(pages.url, 7, 2))
      expect(slide!.status()).toBe(200)
      expect(await slide!.text()).toContain('data-page="7"')
      await waitForSlide(p.page, 7)
      const reader = await p.page.goto(new URL('read/7', pages.url).href)
      expect(reader!.status()).toBe(404)
      await p.page.waitForFunction(() => document.documentElement.dataset.reader === 'ready')
    })

    it.each(deck.slides.map(slide => slide.number))('boots on slide %i from its route, with no CSP violation', async (no) => {
      await expectSlideUnderPolicy(p, pages.url, no)
    })

    it('keeps deep links on reload', async () => {
      await deepLinkSurvivesReload(p.page, pages.url, 7)
      await deepLinkSurvivesReload(p.page, pages.url, 7, 2)
      await deepLinkSurvivesReload(p.page, pages.url, CLICKS_SLIDE!.number, 2)
      expect(p.network.outside).toEqual([])
    })

    it('has the <meta> policy in force: an inline script added to the page does not run', async () => {
      // The page the tests above booted and reloaded from routes, with no CSP violation so far (they
      // checked): the violation this script causes is the first. Last in the block for that reason.
      await goToSlide(p.page, pages.url, 1)
      expect(p.csp.violations).toEqual([])
      const ran = await p.page.evaluate(() => {
        const script = document.createElement('script')
        script.textContent = 'window.__inlineRan = true'
        document.head.append(script)
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
      })
      expect(ran).toBe(false)
      await expect.poll(() => p.csp.violations.length).toBeGreaterThan(0)
    })
  })
})
