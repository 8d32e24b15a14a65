import type { BrowserContext, Page, Request } from 'playwright-chromium'
import type { NetworkGuard } from './support/site.ts'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadDeck } from '../scripts/lib/deck.ts'
import { FIXTURE_ENTRY } from './support/fixture.ts'
import { guardNetwork, openSlide, serveBuiltDeck, showSlideAllClicks, startApp, waitForServiceWorker, waitForSlide, watchPageErrors } from './support/site.ts'

/** Offline is machinery: tested on the fixture deck's build. */
const deck = await loadDeck(FIXTURE_ENTRY)
const last = deck.slides.length

describe('offline, after a first visit (PWA service worker)', () => {
  const served = serveBuiltDeck(inject('fixtureDist'))
  let context: BrowserContext
  let page: Page
  let guard: NetworkGuard
  let errors: string[]
  /** Every request the context saw, the service worker's included, with where it came from. */
  const requests: string[] = []
  const failedWhileOffline: string[] = []
  let offline = false

  beforeAll(async () => {
    context = await served.browser.newContext({
      viewport: { width: 1280, height: 720 },
      serviceWorkers: 'allow',
    })
    guard = await guardNetwork(context, [served.server.url])
    errors = watchPageErrors(context)
    const record = (request: Request): void => {
      requests.push(`${request.serviceWorker()
        ? 'sw'
        : 'page'} ${request.url()}`)
    }
    context.on('request', record)
    context.on('requestfailed', (request) => {
      const error = request.failure()?.errorText ?? ''
      // ERR_ABORTED is a request cancelled by the page itself (the test moving on to the next slide
      // while a preload or the favicon is in flight), not one the offline cache could not answer.
      if (offline && error !== 'net::ERR_ABORTED')
        failedWhileOffline.push(`${request.url()}: ${error}`)
    })
    page = await context.newPage()
  })

  afterAll(async () => {
    await context?.close()
  })

  it('the first visit installs the service worker, which activates and controls the page', async () => {
    await openSlide(page, served.server.url, 1)
    // autoUpdate: the worker claims the open page once active, no reload needed.
    expect(await waitForServiceWorker(page, 'claim')).toBe(new URL('sw.js', served.server.url).href)
  })

  it('with the network off and the server gone, the page reloads and every slide renders', async () => {
    offline = true
    await served.server.close()
    await context.setOffline(true)

    await page.reload()
    await startApp(page)
    await waitForSlide(page, 1)
    // From slide 1, loaded again above, each slide is reached through the deck's router; the next
    // test loads a deep link offline in a new tab.
    for (const slide of deck.slides) {
      await showSlideAllClicks(page, served.server.url, slide.number)
      const text = await page.locator(`#slideshow .slidev-page-${slide.number} .slidev-layout`).textContent() ?? ''
      expect(text.trim().length, `slide ${slide.number} rendered empty offline`).toBeGreaterThan(0)
    }
    expect(errors).toEqual([])
  })

  it('navigating in the deck offline works too: arrow keys and a new tab on a deep link', async () => {
    await openSlide(page, served.server.url, 1)
    await page.keyboard.press('ArrowRight')
    await waitForSlide(page, 2)

    const tab = await context.newPage()
    await openSlide(tab, served.server.url, last)
    await tab.close()
    expect(errors).toEqual([])
  })

  it('no request ever left the host', () => {
    expect(requests.length).toBeGreaterThan(0)
    expect(guard.outside).toEqual([])
    const origin = new URL(served.server.url).origin
    expect(requests.filter(line => !line.split(' ')[1]!.startsWith(`${origin}/`) && !/^\S+ (?:data|blob):/.test(line))).toEqual([])
  })

  it('offline, nothing the deck needed failed to load', () => {
    expect(failedWhileOffline).toEqual([])
  })
})
