import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { StaticServer } from '../../scripts/lib/serve.ts'
import { afterAll, beforeAll, inject } from 'vitest'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { serveStatic } from '../../scripts/lib/serve.ts'
import { startApp, waitForSlide } from '../../scripts/lib/slide-wait.ts'
import { connectBrowser } from './browser.ts'

/**
 * Browser helpers shared by the tests that load a built deck (a11y, offline, phone, hosting,
 * public build): where a slide lives, when it is on screen, the guard against requests that leave
 * the host, and watchers for Content-Security-Policy violations and page errors.
 */

export interface ServedDeck {
  /** The run's build (global-setup.ts) on loopback. */
  readonly server: StaticServer
  readonly browser: Browser
}

export interface ServeOptions {
  /**
   * `shared` (the default): a connection to the run's one Chromium. `own`: a Chromium of the file's
   * own, for a file that runs slower in the shared one beside the others (reader.test.ts: see 3fa52af).
   */
  browser?: 'shared' | 'own'
}

/**
 * For the test file or describe block it is called in: a build (the run's real-deck build unless
 * given) served on loopback and a browser (the run's one Chromium unless told), opened before its
 * tests and closed after them (after the block's own afterAll hooks).
 */
export function serveBuiltDeck(distDir: string = inject('distDir'), options: ServeOptions = {}): ServedDeck {
  const served = {} as { server: StaticServer, browser: Browser }
  beforeAll(async () => {
    served.server = await serveStatic(distDir)
    served.browser = options.browser === 'own'
      ? await launchChromium()
      : await connectBrowser()
  })
  afterAll(async () => {
    await served.browser?.close()
    await served.server?.close()
  })
  return served
}

/** The URL of slide `no` under a served base URL ending in "/", e.g. http://127.0.0.1:PORT/recap/7?clicks=2. */
export function slideUrl(baseUrl: string, no: number, clicks?: number): string {
  const url = new URL(String(no), baseUrl)
  if (clicks !== undefined)
    url.searchParams.set('clicks', String(clicks))
  return url.href
}

/** One way to keep a browser offline, shared with the scripts: see scripts/lib/offline.ts. */
export { guardNetwork } from '../../scripts/lib/offline.ts'

/**
 * Opens slide `no` (all clicks revealed when `clicks` is large) as a viewer does (its prerendered
 * page, then a first key press, which starts the app) and waits until the app shows it.
 */
export async function openSlide(page: Page, baseUrl: string, no: number, clicks?: number): Promise<void> {
  await page.goto(slideUrl(baseUrl, no, clicks))
  await startApp(page)
  await waitForSlide(page, no)
}

/**
 * Waits until the deck's router has settled on the page's route and mounted the component it renders
 * there (a slide, another of Slidev's pages or its 404): the state that shows what a route renders,
 * rather than a spell of network silence. Vue keeps the app on its mount point (`__vue_app__`, in
 * production builds too), and vue-router records each matched route's mounted view in `instances`.
 */
export async function waitForRoute(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    interface Router { currentRoute: { value: { matched: { instances: Record<string, unknown> }[] } } }
    const mountPoint = document.querySelector('#app') as { __vue_app__?: { config: { globalProperties: { $router?: Router } } } } | null
    const matched = mountPoint?.__vue_app__?.config.globalProperties.$router?.currentRoute.value.matched ?? []
    return matched.length > 0 && matched.every(record => record.instances.default != null)
  })
}

/** Whether the page is on a slide route of the deck served at `baseUrl` (the base URL, then a slide number). */
function onSlideOf(page: Page, baseUrl: string): boolean {
  const base = new URL(baseUrl)
  const current = URL.parse(page.url())
  return current?.origin === base.origin
    && current.pathname.startsWith(base.pathname)
    && /^\d+$/.test(current.pathname.slice(base.pathname.length))
}

/**
 * Shows slide `no` at `clicks` (the URL's ?clicks=, none when undefined), as openSlide does, but when
 * the page is already on a slide of the deck at `baseUrl` it gets there through the deck's own router,
 * as a reader moving on would, instead of loading the whole deck again. Either way it waits until the
 * slide alone is on screen (waitForSlide) at the URL that names it.
 */
export async function goToSlide(page: Page, baseUrl: string, no: number, clicks?: number): Promise<void> {
  if (!onSlideOf(page, baseUrl)) {
    await openSlide(page, baseUrl, no, clicks)
    return
  }
  const target = new URL(slideUrl(baseUrl, no, clicks))
  // A prerendered page that no one has touched yet has no app to route it.
  await startApp(page)
  await page.evaluate((path) => {
    history.pushState(null, '', path)
    dispatchEvent(new PopStateEvent('popstate', { state: null }))
  }, `${target.pathname}${target.search}`)
  await waitForSlide(page, no)
}

/**
 * Shows slide `no` with every click revealed, as openSlide(page, baseUrl, no, 999) does, through the
 * deck's router when the page is already on the deck (goToSlide); waits until the slide alone is on
 * screen with no click of it left hidden.
 */
export async function showSlideAllClicks(page: Page, baseUrl: string, no: number): Promise<void> {
  await goToSlide(page, baseUrl, no, 999)
  await page.waitForFunction(n => document.querySelector(`#slideshow .slidev-page-${n} .slidev-vclick-hidden`) === null, no)
}

const CLICK_SYNTAX = /\bv-(?:click|clicks|after|switch|motion|mark)\b|<v-?clicks?\b|<VClicks?\b|\[click(?::\d+)?\]|\{(?:[\d,|-]+|\*)\}/

/**
 * The number of the first slide that starts `length` consecutive slides without clicks, where a
 * key press or swipe moves a whole slide; throws if the deck has no such run.
 */
export function firstSlidesWithoutClicks(slides: readonly { number: number, content: string }[], length: number): number {
  const start = slides.findIndex((_slide, i) => slides.slice(i, i + length).length === length
    && slides.slice(i, i + length).every(slide => !CLICK_SYNTAX.test(slide.content)))
  if (start < 0)
    throw new Error(`no ${length} consecutive slides without clicks`)
  return slides[start]!.number
}

/** The slide number the deck shows now. */
export async function currentSlide(page: Page): Promise<number> {
  return page.evaluate(() => {
    const shown = [
      ...document.querySelectorAll<HTMLElement>('#slideshow .slidev-page'),
    ]
      .filter(el => getComputedStyle(el).display !== 'none')
    return Number(shown[0]?.dataset.slidevNo ?? Number.NaN)
  })
}

/** Waits until the page's registration has an activated worker (its statechange, not a timer); returns its script URL. */
export async function waitForActivatedWorker(page: Page): Promise<string> {
  return page.evaluate(async () => {
    // `ready` resolves once the registration has an active worker, which may still be activating.
    const registration = await navigator.serviceWorker.ready
    const worker = registration.active!
    await new Promise<void>((done) => {
      const check = (): void => {
        if (worker.state === 'activated')
          done()
      }
      worker.addEventListener('statechange', check)
      check()
    })
    return worker.scriptURL
  })
}

/**
 * Waits until the page's service worker is activated and controls the page; returns its script URL.
 *
 * The deck's worker claims the pages open in its scope when it activates (vite-plugin-pwa's autoUpdate
 * sets workbox's clientsClaim), and each claimed page gets `controllerchange`. But `clients.claim()`
 * passes over a page whose navigation was still in flight when it ran (a reserved client, in the
 * Service Workers spec), and that page stays uncontrolled for good: this is how the hosting test,
 * which moves from slide to slide while the worker installs, once waited a minute for a controller
 * that could never come. So:
 * - `claim`: the page was loaded before the worker was registered (a first visit), so the claim must
 *   reach it: wait for `controllerchange` unless it has already come.
 * - `navigate` (the default): once the worker is activated, a navigation that starts then is
 *   controlled from its first response, whatever any claim did: open the page again if the claim
 *   missed it, and the page must be controlled as soon as it is loaded.
 */
export async function waitForServiceWorker(page: Page, how: 'claim' | 'navigate' = 'navigate'): Promise<string> {
  const scriptUrl = await waitForActivatedWorker(page)
  if (how === 'claim') {
    await page.evaluate(() => navigator.serviceWorker.controller
      ?? new Promise(done => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true })))
  }
  else if (!await page.evaluate(() => navigator.serviceWorker.controller !== null)) {
    await page.reload()
  }
  const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)
  if (controller !== scriptUrl)
    throw new Error(`${page.url()}: controlled by ${controller ?? 'no service worker'}, though ${scriptUrl} is activated`)
  return controller
}

export type { NetworkGuard } from '../../scripts/lib/offline.ts'
/** One wait for a slide on screen, shared with the scripts: see scripts/lib/slide-wait.ts. */
export { startApp, waitForSlide } from '../../scripts/lib/slide-wait.ts'

export interface CspWatch {
  /** Each violation seen, as "directive: blocked URI (source:line)" or Chromium's console text. */
  readonly violations: string[]
}

const CSP_CONSOLE = /Content[- ]Security[- ]Policy|Refused to (?:load|apply|execute|connect|create|frame|evaluate)/i

/**
 * Records Content-Security-Policy violations on every page of the context: `securitypolicyviolation`
 * events (reported through a marked console message) and Chromium's own "Refused to ..." console errors.
 */
export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const violations: string[] = []
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`[csp-violation] ${event.effectiveDirective}: ${event.blockedURI || '(inline)'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`)
    })
  })
  const onPage = (page: Page): void => {
    page.on('console', (message) => {
      const text = message.text()
      if (text.startsWith('[csp-violation]') || CSP_CONSOLE.test(text))
        violations.push(`${page.url()}: ${text}`)
    })
  }
  context.pages().forEach(onPage)
  context.on('page', onPage)
  return { violations }
}

/** Collects uncaught page errors of every page in the context, e.g. a deck that fails to boot. */
export function watchPageErrors(context: BrowserContext): string[] {
  const errors: string[] = []
  const onPage = (page: Page): void => {
    page.on('pageerror', error => errors.push(`${page.url()}: ${error.message}`))
  }
  context.pages().forEach(onPage)
  context.on('page', onPage)
  return errors
}
