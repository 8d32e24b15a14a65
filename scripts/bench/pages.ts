// Cold loads of one prerendered page of the built deck (a slide's N.html, index.html for slide 1,
// read.html): its first paint, the JS and CSS it takes to paint, what the idle preload then fetches,
// and how long the app takes to start on the first key press (scripts/site/first-paint.client.ts),
// with its code already downloaded. A fresh context each, HTTP cache disabled, no service worker.
import type { Browser } from 'playwright-chromium'
import { startApp } from '../lib/slide-wait.ts'
import { appTookOver, firstContentfulPaint, keepResourceTimings, pageNow, pageResources } from './probe.client.ts'

/** A phone's window, as Lighthouse's mobile preset and the reader's tests size it. */
export const PHONE = { width: 390, height: 844 } as const

export interface PageSample {
  /** First contentful paint, ms from navigation start. */
  fcpMs: number
  /** JS and CSS received before the first paint, uncompressed and on the wire. */
  paintJsCss: number
  paintJsCssWire: number
  /** JS and CSS received by the time the page has loaded and the network is quiet (the app's code preloaded, not run). */
  loadedJsCss: number
  loadedJsCssWire: number
  /** From the first key press to the app showing the page (its slide drawn, or the reader taken over). */
  appAfterKeyMs: number
}

/** Until the page's network has been quiet for `quietMs` (the idle preload included). */
async function networkQuiet(activity: () => number, inflight: () => number, quietMs: number, deadline: number): Promise<void> {
  while (performance.now() < deadline && (inflight() > 0 || performance.now() - activity() < quietMs))
    await new Promise(done => setTimeout(done, 100))
}

/** The page at `path` under `baseUrl` ("3", "read"), loaded cold on a phone-sized window. */
export async function pageColdLoad(browser: Browser, baseUrl: string, path: string, options: { budgetMs: number, quietMs?: number }): Promise<PageSample> {
  const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' })
  try {
    await context.addInitScript(keepResourceTimings)
    const page = await context.newPage()
    const session = await context.newCDPSession(page)
    await session.send('Network.enable')
    await session.send('Network.setCacheDisabled', { cacheDisabled: true })
    let lastActivity = performance.now()
    let inflight = 0
    page.on('request', () => {
      inflight++
      lastActivity = performance.now()
    })
    const settle = (): void => {
      inflight--
      lastActivity = performance.now()
    }
    page.on('requestfinished', settle)
    page.on('requestfailed', settle)
    const deadline = performance.now() + options.budgetMs
    await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load', timeout: options.budgetMs })
    await networkQuiet(() => lastActivity, () => inflight, options.quietMs ?? 1000, deadline)
    const fcpMs = await page.evaluate(firstContentfulPaint)
    const resources = await page.evaluate(pageResources)
    const jsCss = resources.filter(r => /\.(?:m?js|css)(?:$|\?)/.test(URL.parse(r.url)?.pathname ?? r.url))
    const sum = (list: typeof jsCss, pick: (r: typeof jsCss[number]) => number): number => list.reduce((total, r) => total + pick(r), 0)
    const painted = jsCss.filter(r => r.end <= fcpMs)

    const pressed = await page.evaluate(pageNow)
    await startApp(page)
    await page.waitForFunction(appTookOver, undefined, {
      timeout: Math.max(1, deadline - performance.now()),
      polling: 'raf',
    })
    const ready = await page.evaluate(pageNow)
    return {
      fcpMs,
      paintJsCss: sum(painted, r => r.bytes),
      paintJsCssWire: sum(painted, r => r.wire),
      loadedJsCss: sum(jsCss, r => r.bytes),
      loadedJsCssWire: sum(jsCss, r => r.wire),
      appAfterKeyMs: ready - pressed,
    }
  }
  finally {
    await context.close()
  }
}
