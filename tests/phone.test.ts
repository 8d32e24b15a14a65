import type { BrowserContext, CDPSession, Page } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDeckWithContent } from './support/deck.ts'
import { currentSlide, firstSlidesWithoutClicks, guardNetwork, openSlide, serveBuiltDeck, showSlideAllClicks, waitForSlide } from './support/site.ts'

const deck = await loadDeckWithContent()
/** Four slides in a row without clicks, so that each swipe moves a whole slide. */
const FIRST = firstSlidesWithoutClicks(deck.slides, 4)
const PHONE = { width: 390, height: 844 }

/**
 * A one-finger swipe across the middle of the screen, as touch events through CDP: Chromium turns
 * them into the touch pointer events Slidev's useSwipeControls (VueUse usePointerSwipe) listens to.
 */
async function swipe(cdp: CDPSession, from: number, to: number, y = PHONE.height / 2): Promise<void> {
  const steps = 8
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [
      { x: from, y },
    ],
  })
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [
        { x: from + ((to - from) * i) / steps, y },
      ],
    })
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
}

describe('on a phone (390x844, touch)', () => {
  const served = serveBuiltDeck()
  let context: BrowserContext
  let page: Page
  let cdp: CDPSession

  beforeAll(async () => {
    context = await served.browser.newContext({
      viewport: PHONE,
      screen: PHONE,
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    })
    await guardNetwork(context, [served.server.url])
    page = await context.newPage()
    cdp = await context.newCDPSession(page)
  })

  afterAll(async () => {
    await context?.close()
  })

  it.each(deck.slides.map(slide => slide.number))('slide %i fits the width: no horizontal scroll', async (no) => {
    // Slide 1 is loaded from its URL, each next one reached through the deck's router (a reader swiping on).
    await showSlideAllClicks(page, served.server.url, no)
    const fit = await page.evaluate((n) => {
      window.scrollTo(200, 0)
      const slide = document.querySelector(`#slideshow .slidev-page-${n}`)!.getBoundingClientRect()
      return {
        viewport: window.innerWidth,
        documentWidth: document.documentElement.scrollWidth,
        bodyWidth: document.body.scrollWidth,
        scrolledX: window.scrollX,
        slideLeft: slide.left,
        slideRight: slide.right,
      }
    }, no)
    expect(fit.viewport).toBe(PHONE.width)
    expect(fit.documentWidth, `slide ${no}: the page is wider than the screen`).toBeLessThanOrEqual(PHONE.width)
    expect(fit.bodyWidth).toBeLessThanOrEqual(PHONE.width)
    expect(fit.scrolledX, `slide ${no}: the page scrolls sideways`).toBe(0)
    expect(fit.slideLeft).toBeGreaterThanOrEqual(-0.5)
    expect(fit.slideRight).toBeLessThanOrEqual(PHONE.width + 0.5)
  })

  it('swiping left goes to the next slide, swiping right back', async () => {
    await openSlide(page, served.server.url, FIRST)
    await swipe(cdp, 320, 60)
    await waitForSlide(page, FIRST + 1)
    await swipe(cdp, 320, 60)
    await waitForSlide(page, FIRST + 2)
    await swipe(cdp, 60, 320)
    await waitForSlide(page, FIRST + 1)
    expect(await currentSlide(page)).toBe(FIRST + 1)
  })

  it('a short drag does not change the slide', async () => {
    await openSlide(page, served.server.url, FIRST + 1)
    await swipe(cdp, 200, 170)
    // The next swipe is a real one: had the short drag moved on, it would land two slides on instead of one.
    await swipe(cdp, 320, 60)
    await waitForSlide(page, FIRST + 2)
  })
})
