// Cold loads of the reader view (`/read`) as a phone opens it: 390x844, a fresh browser context,
// HTTP cache disabled, service workers blocked, on loopback. What it weighs and when it is ready.
import type { Browser } from 'playwright-chromium'
import { isExternal } from '../lib/offline.ts'
import { keepResourceTimings, pageNow, pageResources, readerReady } from './probe.client.ts'

export interface ReaderSample {
  /** Navigation start to the reader saying it has laid out every slide (`data-reader="ready"`), in ms. */
  readyMs: number
  /** Bytes of JS and CSS the page received until the network was quiet, uncompressed and as sent. */
  jsCssBytes: number
  jsCssWireBytes: number
  /** Every response body (HTML, JS, CSS, fonts, images), uncompressed and as sent. */
  allBytes: number
  allWireBytes: number
  requests: number
  external: number
}

export const PHONE = { width: 390, height: 844 } as const

/** The reader's address under a served base URL ending in "/". */
export function readerUrl(baseUrl: string): string {
  return new URL('read', baseUrl).href
}

export async function readerColdLoad(browser: Browser, baseUrl: string, options: { budgetMs: number, quietMs?: number }): Promise<ReaderSample> {
  const quietMs = options.quietMs ?? 1000
  const context = await browser.newContext({
    viewport: PHONE,
    screen: PHONE,
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
  })
  try {
    await context.addInitScript(keepResourceTimings)
    const page = await context.newPage()
    const session = await context.newCDPSession(page)
    await session.send('Network.enable')
    await session.send('Network.setCacheDisabled', { cacheDisabled: true })
    const urls: string[] = []
    let lastActivity = performance.now()
    page.on('request', (request) => {
      urls.push(request.url())
      lastActivity = performance.now()
    })
    page.on('requestfinished', () => {
      lastActivity = performance.now()
    })

    await page.goto(readerUrl(baseUrl), { waitUntil: 'commit', timeout: options.budgetMs })
    await page.waitForFunction(readerReady, undefined, { timeout: options.budgetMs, polling: 50 })
    const readyMs = await page.evaluate(pageNow)
    const deadline = performance.now() + options.budgetMs
    while (performance.now() - lastActivity < quietMs && performance.now() < deadline)
      await new Promise(done => setTimeout(done, 100))

    const resources = await page.evaluate(pageResources)
    const jsCss = resources.filter(r => /\.(?:m?js|css)(?:$|\?)/.test(URL.parse(r.url)?.pathname ?? r.url) || r.type === 'script')
    const sum = (list: typeof resources, pick: (r: typeof resources[number]) => number): number => list.reduce((total, r) => total + pick(r), 0)
    return {
      readyMs,
      jsCssBytes: sum(jsCss, r => r.bytes),
      jsCssWireBytes: sum(jsCss, r => r.wire),
      allBytes: sum(resources, r => r.bytes),
      allWireBytes: sum(resources, r => r.wire),
      requests: urls.filter(url => !url.startsWith('data:') && !url.startsWith('blob:')).length,
      external: urls.filter(isExternal).length,
    }
  }
  finally {
    await context.close()
  }
}
