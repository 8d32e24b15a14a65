// Cold loads of a built deck in headless Chromium: a fresh browser context for each load, the HTTP
// cache disabled, service workers blocked (a first visit has none in control), the site on loopback.
import type { Browser, Request } from 'playwright-chromium'
import type { PageProbe } from './probe.client.ts'
import { isExternal } from '../lib/offline.ts'
import { startApp } from '../lib/slide-wait.ts'
import { appSlidePainted, pageNow, pageResources, probeFigures, probePage, slidePainted } from './probe.client.ts'

export interface LoadSample {
  /** Navigation start to the first frame that shows slide 1, static first paint or app, in ms. */
  firstSlideMs: number
  /** Navigation start to the first frame that shows the app's slide 1 (interactive), in ms. */
  appSlideMs: number
  /**
   * Where the app waits for the viewer (ours: scripts/site/first-paint.client.ts), from the first key
   * press, made once the page has loaded and its network is quiet, to the app's slide; NaN where the
   * app started by itself.
   */
  appAfterKeyMs: number
  /** Largest contentful paint, in ms, as Chromium reports it. */
  lcpMs: number
  /** Bytes of JS and CSS received before the app showed slide 1, uncompressed. */
  jsCssBytes: number
  /** The same JS and CSS as sent over the wire (gzip where the server compressed it). */
  jsCssWireBytes: number
  /** Every response body before slide 1 showed, HTML, fonts and images included. */
  allBytes: number
  /** JS and CSS files received before slide 1 showed. */
  jsCssFiles: number
  /** Requests the page made until the network was quiet (or the budget ran out). */
  requests: number
  /** Of those, how many were for a host other than this machine. */
  external: number
  /** Of those, how many failed (offline, every remote one). */
  failed: number
  /** True if the budget ran out before slide 1 showed or before the network was quiet. */
  overBudget: boolean
}

export interface LoadOptions {
  /** Longest a single load may take, everything included. */
  budgetMs: number
  /** How long the network must stay idle for the load to count as finished. */
  quietMs?: number
  viewport?: { width: number, height: number }
}

function isCounted(url: string): boolean {
  return !url.startsWith('data:') && !url.startsWith('blob:')
}

export async function coldLoad(browser: Browser, url: string, options: LoadOptions): Promise<LoadSample> {
  const quietMs = options.quietMs ?? 1000
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    serviceWorkers: 'block',
  })
  try {
    await context.addInitScript(probePage)
    const page = await context.newPage()
    const session = await context.newCDPSession(page)
    await session.send('Network.enable')
    await session.send('Network.setCacheDisabled', { cacheDisabled: true })

    const requests: Request[] = []
    const failed = new Set<Request>()
    const inflight = new Set<Request>()
    let lastActivity = performance.now()
    page.on('request', (request) => {
      if (!isCounted(request.url()))
        return
      requests.push(request)
      inflight.add(request)
      lastActivity = performance.now()
    })
    const settle = (request: Request): void => {
      inflight.delete(request)
      lastActivity = performance.now()
    }
    page.on('requestfinished', settle)
    page.on('requestfailed', (request) => {
      failed.add(request)
      settle(request)
    })

    const started = performance.now()
    const deadline = started + options.budgetMs
    let overBudget = false
    await page.goto(url, { waitUntil: 'commit', timeout: options.budgetMs })
    try {
      await page.waitForFunction(slidePainted, undefined, {
        timeout: Math.max(1, deadline - performance.now()),
        polling: 50,
      })
    }
    catch {
      overBudget = true
    }
    // Then until the network has been quiet for quietMs: late requests (fonts, images, preloads of
    // the next slides, remote assets failing) count as requests of the load.
    while (!overBudget) {
      const now = performance.now()
      if (now >= deadline) {
        overBudget = true
        break
      }
      if (inflight.size === 0 && now - lastActivity >= quietMs)
        break
      await new Promise(done => setTimeout(done, 100))
    }
    // A prerendered page: the app starts on the first key.
    let appAfterKeyMs = Number.NaN
    if (!overBudget && !(await page.evaluate(appSlidePainted))) {
      const pressed = await page.evaluate(pageNow)
      await startApp(page)
      try {
        await page.waitForFunction(appSlidePainted, undefined, {
          timeout: Math.max(1, deadline - performance.now()),
          polling: 50,
        })
        appAfterKeyMs = (await page.evaluate(probeFigures)).appSlide! - pressed
      }
      catch {
        overBudget = true
      }
    }

    const probe: PageProbe = await page.evaluate(probeFigures)
    const resources = await page.evaluate(pageResources)

    const appSlide = probe.appSlide ?? Number.NaN
    const firstSlide = Math.min(appSlide, probe.staticSlide ?? Number.POSITIVE_INFINITY)
    // What the real (interactive) slide needed: counted up to the app's slide, not the static picture.
    const before = resources.filter(r => Number.isFinite(appSlide) && r.end > 0 && r.end <= appSlide)
    const jsCss = before.filter(r => /\.(?:m?js|css)(?:$|\?)/.test(URL.parse(r.url)?.pathname ?? r.url) || r.type === 'script')
    return {
      firstSlideMs: firstSlide,
      appSlideMs: appSlide,
      appAfterKeyMs,
      lcpMs: probe.lcp ?? Number.NaN,
      jsCssBytes: jsCss.reduce((sum, r) => sum + r.bytes, 0),
      jsCssWireBytes: jsCss.reduce((sum, r) => sum + r.wire, 0),
      allBytes: before.reduce((sum, r) => sum + r.bytes, 0),
      jsCssFiles: jsCss.length,
      requests: requests.length,
      external: requests.filter(r => isExternal(r.url())).length,
      failed: failed.size,
      overBudget,
    }
  }
  finally {
    await context.close()
  }
}
