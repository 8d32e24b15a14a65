import type { BrowserContext, Page, ViewportSize } from 'playwright-chromium'
import type { BrowserLog, InFlight } from './support/layout.ts'
import type { NetworkGuard } from './support/site.ts'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseTimeString } from '@slidev/parser/utils'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { writeFileAtomic } from '../scripts/lib/atomic.ts'
import { loadDeck } from '../scripts/lib/deck.ts'
import { fullSentences } from './support/deck.ts'
import { describeProblems, foreignRequests, inspectSlideLayout, recordBrowser, trackInFlight } from './support/layout.ts'
import { TEST_OUTPUT } from './support/paths.ts'
import { guardNetwork, serveBuiltDeck, slideUrl, waitForActivatedWorker, waitForSlide } from './support/site.ts'

const deck = await loadDeck()
const CANVAS: ViewportSize = { width: 980, height: 552 }
const SHOTS = join(TEST_OUTPUT, 'slides')

const served = serveBuiltDeck()

interface Session {
  context: BrowserContext
  page: Page
  log: BrowserLog
  guard: NetworkGuard
}

/** A fresh context (so a service worker or cache of one check cannot serve the next), logged and fenced to the local server. */
async function session(viewport: ViewportSize): Promise<Session> {
  const context = await served.browser.newContext({ viewport, reducedMotion: 'reduce' })
  const log = recordBrowser(context)
  const guard = await guardNetwork(context, [served.server.url])
  return {
    context,
    page: await context.newPage(),
    log,
    guard,
  }
}

/** Console errors, page errors and off-host requests of a session, as soft assertions naming `what`. */
function expectCleanRun({ log, guard }: Session, what: string): void {
  expect.soft(log.errors, `${what}: console or page errors`).toEqual([])
  expect.soft(foreignRequests(log, served.server.url), `${what}: requests to hosts other than the local server`).toEqual([])
  expect.soft(guard.outside, `${what}: requests blocked for leaving the local server`).toEqual([])
}

describe(`every slide at ${CANVAS.width}x${CANVAS.height}, all clicks revealed, reduced motion`, () => {
  // One context for all slides, with service workers blocked so that no worker installed by one check
  // serves the next; each slide is still loaded from its own URL, and judged on what it logged itself.
  let s: Session
  let inFlight: InFlight

  beforeAll(async () => {
    const context = await served.browser.newContext({ viewport: CANVAS, reducedMotion: 'reduce', serviceWorkers: 'block' })
    const log = recordBrowser(context)
    inFlight = trackInFlight(context)
    const guard = await guardNetwork(context, [served.server.url])
    s = {
      context,
      page: await context.newPage(),
      log,
      guard,
    }
  })
  afterAll(async () => {
    await s?.context.close()
  })

  /** What the session logged from `mark` on: this slide's requests, errors and blocked requests. */
  function since(mark: { requests: number, errors: number, outside: number }): Session {
    return {
      ...s,
      log: {
        requests: s.log.requests.slice(mark.requests),
        errors: s.log.errors.slice(mark.errors),
      },
      guard: {
        outside: s.guard.outside.slice(mark.outside),
      },
    }
  }

  it.each(deck.slides.map(s => [s.number, s.title] as const))('slide %i: %s', async (no, title) => {
    const what = `slide ${no} "${title}"`
    const mark = { requests: s.log.requests.length, errors: s.log.errors.length, outside: s.guard.outside.length }
    await s.page.goto(slideUrl(served.server.url, no, 999))
    await waitForSlide(s.page, no)
    await s.page.locator(`.slidev-page-${no}`).waitFor({ state: 'visible' })
    await s.page.evaluate(() => document.fonts.ready.then(() => undefined))
    // Every request the slide made (its chunks, images, fonts) has ended, so it is logged and drawn.
    await inFlight.settled()

    await writeFileAtomic(join(SHOTS, `${String(no).padStart(2, '0')}.png`), await s.page.screenshot())

    const box = await s.page.locator(`.slidev-page-${no}`).boundingBox()
    expect(box, `${what}: the slide is not laid out`).not.toBeNull()
    expect(Math.round(box!.width), `${what}: the slide is scaled, so pixel checks would be off`).toBe(CANVAS.width)

    const layout = await inspectSlideLayout(s.page, no)
    expectCleanRun(since(mark), what)
    expect.soft(layout.text.length, `${what}: the slide shows no text`).toBeGreaterThan(0)
    expect.soft(describeProblems(layout.overflowing), `${what}: elements reach outside the ${CANVAS.width}x${CANVAS.height} slide`).toBe('')
    expect.soft(describeProblems(layout.clipped), `${what}: text cut off by its own box`).toBe('')
  })
})

describe('service worker', () => {
  it('installs, if the build has one, with every request on the local server', async () => {
    const built = existsSync(join(inject('distDir'), 'sw.js'))
    const s = await session(CANVAS)
    try {
      await s.page.goto(slideUrl(served.server.url, 1), { waitUntil: 'networkidle' })
      await waitForSlide(s.page, 1)
      if (built) {
        // Activation follows the install, which is when the precache has been fetched.
        await waitForActivatedWorker(s.page)
        const fromWorker = s.log.requests.filter(r => r.from.startsWith('service worker'))
        expect(fromWorker.length, 'no request of the service worker was recorded, so none could be checked').toBeGreaterThan(0)
        await expect.poll(() => s.page.getByText('Caching for offline', { exact: false }).count(), { message: 'the "Caching for offline" notice stays up after the worker is active', timeout: 10_000 }).toBe(0)
      }
      else {
        expect(await s.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 'a service worker registered although the build has no sw.js').toBe(0)
      }
      expectCleanRun(s, 'slide 1 with its service worker')
    }
    finally {
      await s.context.close()
    }
  })
})

/** The countdown as the presenter shows it before it starts: m:ss, or h:mm:ss from an hour. */
function timerText(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor(seconds / 60) % 60
  const s = String(Math.floor(seconds % 60)).padStart(2, '0')
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${s}`
    : `${m}:${s}`
}

describe('presenter and overview', () => {
  it('/presenter/1 shows slide 1, its notes and the timer', async () => {
    const s = await session({ width: 1280, height: 800 })
    try {
      await s.page.goto(new URL('presenter/1', served.server.url).href, { waitUntil: 'networkidle' })
      // The slide's layout replaces Slidev's "Loading slide..." placeholder once its chunk is in.
      const current = s.page.locator('.slidev-presenter .slidev-page-1 .slidev-layout')
      await current.waitFor({ state: 'visible' })
      expect(await current.textContent()).toContain(deck.slides[0]!.heading ?? deck.slides[0]!.title)

      const firstSentence = fullSentences(deck.slides[0]!.note)[0]
      expect(firstSentence, 'slide 1 has no notes to look for').toBeDefined()
      const notes = s.page.locator('.slidev-presenter .slidev-note')
      await notes.first().waitFor({ state: 'visible' })
      expect((await notes.first().textContent())?.replace(/\s+/g, ' ')).toContain(firstSentence)

      const { raw } = deck.headmatter
      const mode = raw.timer === 'countdown'
        ? 'countdown'
        : 'stopwatch'
      const expected = mode === 'countdown'
        ? timerText(parseTimeString(raw.duration as string | number).seconds)
        : '-:--'
      const timer = s.page.getByText(expected, { exact: true })
      await expect.poll(() => timer.count(), { message: `no ${mode} timer reading ${expected} in the presenter` }).toBeGreaterThan(0)
      expect(await timer.first().isVisible()).toBe(true)

      expectCleanRun(s, 'presenter')
    }
    finally {
      await s.context.close()
    }
  })

  it('/overview lists every slide, in order, with its title', async () => {
    const s = await session({ width: 1280, height: 800 })
    try {
      await s.page.goto(new URL('overview', served.server.url).href, { waitUntil: 'networkidle' })
      const last = deck.slides.length
      await s.page.locator(`.slidev-page-${last}`).waitFor({ state: 'attached' })
      const numbers = await s.page.locator('[data-slidev-no]').evaluateAll(els => els.map(el => Number(el.getAttribute('data-slidev-no'))))
      expect(numbers, 'slides rendered in the overview').toEqual(deck.slides.map(slide => slide.number))
      const text = await s.page.locator('body').textContent() ?? ''
      const missing = deck.slides.filter(slide => !text.includes(slide.title)).map(slide => `${slide.number} "${slide.title}"`)
      expect(missing, 'slide titles missing from the overview').toEqual([])
      expectCleanRun(s, 'overview')
    }
    finally {
      await s.context.close()
    }
  })
})
