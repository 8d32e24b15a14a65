import type { BrowserContext, Page, ViewportSize } from 'playwright-chromium'
import type { BrowserLog, InFlight } from './support/layout.ts'
import type { RoomMeasure } from './support/room.ts'
import type { NetworkGuard } from './support/site.ts'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseTimeString } from '@slidev/parser/utils'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { talks } from '../data/talks.ts'
import { writeFileAtomic } from '../scripts/lib/atomic.ts'
import { loadDeck } from '../scripts/lib/deck.ts'
import { downscale } from '../scripts/lib/png.ts'
import { median } from '../shared/stats.ts'
import { fullSentences } from './support/deck.ts'
import { describeProblems, foreignRequests, inspectSlideLayout, recordBrowser, trackInFlight } from './support/layout.ts'
import { TEST_OUTPUT } from './support/paths.ts'
import { decodeQr, faintText, measureRoom, ROOM_MAX_MEDIAN_WORDS, ROOM_MAX_WORDS, ROOM_MIN_CONTRAST, roomTable, smallText } from './support/room.ts'
import { guardNetwork, serveBuiltDeck, showSlideAllClicks, slideUrl, startApp, waitForActivatedWorker, waitForSlide } from './support/site.ts'

const deck = await loadDeck()
const CANVAS: ViewportSize = { width: 980, height: 552 }
const SHOTS = join(TEST_OUTPUT, 'slides')

const served = serveBuiltDeck()
/** The room check of each slide, measured in the per-slide loop below (tests/support/room.ts). */
const rooms = new Map<number, RoomMeasure>()

interface Session {
  context: BrowserContext
  page: Page
  log: BrowserLog
  guard: NetworkGuard
  /** The context's requests in flight, to wait until all it asked for has come (or failed). */
  inFlight: InFlight
}

/**
 * A fresh context, logged and fenced to the local server. With `serviceWorkers: 'block'` no worker is
 * installed, so none can serve a later check in the same context; the default lets the deck install its own.
 */
async function session(viewport: ViewportSize, serviceWorkers: 'allow' | 'block' = 'allow'): Promise<Session> {
  const context = await served.browser.newContext({ viewport, reducedMotion: 'reduce', serviceWorkers })
  const log = recordBrowser(context)
  const inFlight = trackInFlight(context)
  const guard = await guardNetwork(context, [served.server.url])
  return {
    context,
    page: await context.newPage(),
    log,
    guard,
    inFlight,
  }
}

/** How much a session has logged so far: what it logs from here on belongs to the next check. */
interface Mark {
  requests: number
  errors: number
  outside: number
}

function markOf(s: Session): Mark {
  return { requests: s.log.requests.length, errors: s.log.errors.length, outside: s.guard.outside.length }
}

/** What a session logged from `mark` on: one check's requests, errors and blocked requests. */
function since(s: Session, mark: Mark): Pick<Session, 'log' | 'guard'> {
  return {
    log: {
      requests: s.log.requests.slice(mark.requests),
      errors: s.log.errors.slice(mark.errors),
    },
    guard: {
      outside: s.guard.outside.slice(mark.outside),
    },
  }
}

/** Console errors, page errors and off-host requests of a session, as soft assertions naming `what`. */
function expectCleanRun({ log, guard }: Pick<Session, 'log' | 'guard'>, what: string): void {
  expect.soft(log.errors, `${what}: console or page errors`).toEqual([])
  expect.soft(foreignRequests(log, served.server.url), `${what}: requests to hosts other than the local server`).toEqual([])
  expect.soft(guard.outside, `${what}: requests blocked for leaving the local server`).toEqual([])
}

describe(`every slide at ${CANVAS.width}x${CANVAS.height}, all clicks revealed, reduced motion`, () => {
  // One context for all slides, with service workers blocked so that no worker installed by one check
  // serves the next. Slide 1 is loaded from its URL and each next one reached through the deck's
  // router (a presenter moving on), with every click revealed; each is judged on what it logged itself.
  let s: Session

  beforeAll(async () => {
    s = await session(CANVAS, 'block')
  })
  afterAll(async () => {
    await s?.context.close()
  })

  it.each(deck.slides.map(s => [s.number, s.title] as const))('slide %i: %s', async (no, title) => {
    const what = `slide ${no} "${title}"`
    const mark = markOf(s)
    await showSlideAllClicks(s.page, served.server.url, no)
    await s.page.locator(`.slidev-page-${no}`).waitFor({ state: 'visible' })
    // Every request the slide made (its chunks, images, fonts) has ended, so it is logged and drawn.
    await s.inFlight.settled()

    await writeFileAtomic(join(SHOTS, `${String(no).padStart(2, '0')}.png`), await s.page.screenshot())

    const box = await s.page.locator(`.slidev-page-${no}`).boundingBox()
    expect(box, `${what}: the slide is not laid out`).not.toBeNull()
    expect(Math.round(box!.width), `${what}: the slide is scaled, so pixel checks would be off`).toBe(CANVAS.width)

    const layout = await inspectSlideLayout(s.page, no)
    expectCleanRun(since(s, mark), what)
    expect.soft(layout.text.length, `${what}: the slide shows no text`).toBeGreaterThan(0)
    expect.soft(describeProblems(layout.overflowing), `${what}: elements reach outside the ${CANVAS.width}x${CANVAS.height} slide`).toBe('')
    expect.soft(describeProblems(layout.clipped), `${what}: text cut off by its own box`).toBe('')

    // Read from the back of the room: few words, large text, contrast that needs no tinted panel.
    const room = await measureRoom(s.page, no)
    rooms.set(no, room)
    expect.soft(room.words, `${what}: words on the slide, source line aside`).toBeLessThanOrEqual(ROOM_MAX_WORDS)
    expect.soft(smallText(room), `${what}: text drawn below its floor on the ${CANVAS.width}x${CANVAS.height} canvas`).toBe('')
    expect.soft(faintText(room), `${what}: text under ${ROOM_MIN_CONTRAST}:1 against the slide's base background`).toBe('')
  })

  it(`the room table; at most ${ROOM_MAX_MEDIAN_WORDS} words a slide in the median`, async () => {
    const table = roomTable(deck.slides, rooms)
    console.log(`room check at ${CANVAS.width}x${CANVAS.height}:\n${table}`)
    await writeFileAtomic(join(TEST_OUTPUT, 'room.txt'), new TextEncoder().encode(table))
    expect(deck.slides.filter(slide => !rooms.has(slide.number)).map(slide => slide.number), 'slides the room check did not measure').toEqual([])
    expect(median([
      ...rooms.values(),
    ].map(room => room.words)), 'median words a slide').toBeLessThanOrEqual(ROOM_MAX_MEDIAN_WORDS)
  })
})

describe('the QR codes for the room', () => {
  const SCREEN: ViewportSize = { width: 1280, height: 720 }
  /** 1280x720 averaged down to 320x180: the code as a phone at the back of the room sees it. */
  const BLUR = 4

  it(`at least one; each read from a ${SCREEN.width}x${SCREEN.height} screen averaged ${BLUR}x${BLUR} decodes to its data-qr-url, a page that links every talk`, async () => {
    expect(deck.slides.filter(slide => !rooms.has(slide.number)).map(slide => slide.number), 'slides the per-slide loop did not measure (it finds the QR codes)').toEqual([])
    const codes = [...rooms].flatMap(([no, room]) => room.qr.map(qr => ({ no, ...qr })))
    expect(codes.length, 'no element on any slide carries data-qr-url').toBeGreaterThan(0)
    const talkUrls = [
      ...new Set(talks.flatMap(talk => talk.links.map(link => new URL(link.url).href))),
    ]

    // One context at the screen's size, no service worker, for every code: the first slide with a code
    // is loaded from its URL, the next ones reached through the deck's router, all clicks revealed.
    // Each distinct URL is then opened once, its check shared by the slides that show it.
    const s = await session(SCREEN, 'block')
    try {
      // The QR's host (the published site, out of reach here) is answered by the local build, path
      // for path: a URL under a sub-path finds no route in this build, made for "/", and fails, as it
      // would on a host that serves this build at its root.
      const local = new URL(served.server.url).origin
      for (const origin of new Set(codes.map(code => URL.parse(code.url)?.origin).filter(origin => origin !== undefined && origin !== local))) {
        await s.context.route(request => new URL(request).origin === origin, async (route) => {
          const { pathname, search } = new URL(route.request().url())
          await route.fulfill({ response: await route.fetch({ url: new URL(`${pathname.slice(1)}${search}`, served.server.url).href }) })
        })
      }

      /** Each URL to open, with the slides whose code reads it. */
      const targets = new Map<string, string[]>()
      for (const no of new Set(codes.map(code => code.no))) {
        const onSlide = codes.filter(code => code.no === no)
        const what = `slide ${no}`
        expect.soft(onSlide.map(code => code.element), `${what}: one QR code a slide, so a phone cannot read the wrong one`).toHaveLength(1)
        const { url, element } = onSlide[0]!
        expect.soft(URL.parse(url)?.protocol, `${what}: ${element} data-qr-url "${url}" is not an absolute http(s) URL`).toMatch(/^https?:$/)
        if (!URL.parse(url))
          continue

        const mark = markOf(s)
        await showSlideAllClicks(s.page, served.server.url, no)
        await s.page.evaluate(() => Promise.all([...document.images].map(image => image.decode().catch(() => undefined))))
        const small = downscale(await s.page.screenshot(), BLUR)
        await writeFileAtomic(join(TEST_OUTPUT, 'qr', `slide-${String(no).padStart(2, '0')}-${small.width}x${small.height}.png`), PNG.sync.write(small))
        expect.soft(decodeQr(small), `${what}: ${element} decoded from the ${small.width}x${small.height} screen`).toBe(url)
        const shown = since(s, mark)
        expect.soft(shown.log.errors, `${what}: console or page errors`).toEqual([])
        expect.soft(shown.guard.outside, `${what}: requests blocked for leaving the local server`).toEqual([])
        targets.set(url, [
          ...targets.get(url) ?? [],
          what,
        ])
      }

      for (const [url, slides] of targets) {
        const what = `${slides.join(', ')}: the page at ${url}`
        const mark = markOf(s)
        await s.page.goto(url)
        await startApp(s.page)
        const state = await s.page.waitForFunction(() => {
          const { reader, handout } = document.documentElement.dataset
          return [reader, handout].find(s => s === 'ready' || s === 'error')
        }, undefined, { timeout: 30_000 }).then(handle => handle.jsonValue(), () => 'never ready (no data-reader or data-handout of ready or error)')
        expect.soft(state, what).toBe('ready')
        const hrefs = new Set(await s.page.locator('a[href]').evaluateAll(links => links.map(a => (a as HTMLAnchorElement).href)))
        expect.soft(talkUrls.filter(href => !hrefs.has(href)), `${what}: talk links (data/talks.ts) missing`).toEqual([])
        const opened = since(s, mark)
        expect.soft(opened.log.errors, `${what}: console or page errors`).toEqual([])
        expect.soft(opened.guard.outside, `${what}: requests blocked for leaving the local server`).toEqual([])
      }
    }
    finally {
      await s.context.close()
    }
  })
})

describe('service worker', () => {
  it('installs, if the build has one, with every request on the local server', async () => {
    const built = existsSync(join(inject('distDir'), 'sw.js'))
    const s = await session(CANVAS)
    try {
      await s.page.goto(slideUrl(served.server.url, 1))
      await startApp(s.page)
      await waitForSlide(s.page, 1)
      if (built) {
        // Activation follows the install, which is when the precache has been fetched.
        await waitForActivatedWorker(s.page)
        const fromWorker = s.log.requests.filter(r => r.from.startsWith('service worker'))
        expect(fromWorker.length, 'no request of the service worker was recorded, so none could be checked').toBeGreaterThan(0)
        await expect.poll(() => s.page.getByText('Caching for offline', { exact: false }).count(), { message: 'the "Caching for offline" notice stays up after the worker is active', timeout: 10_000 }).toBe(0)
      }
      else {
        // No worker to wait for: the page is given until its network is quiet to register one.
        await s.page.waitForLoadState('networkidle')
        expect(await s.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 'a service worker registered although the build has no sw.js').toBe(0)
      }
      // What the page and the worker asked for has all come, so every request is in the log.
      await s.inFlight.settled()
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
  // One context for both views, with no service worker (the test above is the worker's), so that
  // none installed by the first view serves the second; each view is loaded from its URL and judged
  // on what it logged itself.
  let s: Session

  beforeAll(async () => {
    s = await session({ width: 1280, height: 800 }, 'block')
  })
  afterAll(async () => {
    await s?.context.close()
  })

  it('/presenter/1 shows slide 1, its notes and the timer', async () => {
    const mark = markOf(s)
    await s.page.goto(new URL('presenter/1', served.server.url).href)
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

    // Every request the view made (the next slide's preview, fonts, images) has ended, so it is logged.
    await s.page.waitForFunction(() => document.querySelector('.slidev-slide-loading') === null)
    await s.inFlight.settled()
    expectCleanRun(since(s, mark), 'presenter')
  })

  it('/overview lists every slide, in order, with its title', async () => {
    const mark = markOf(s)
    await s.page.goto(new URL('overview', served.server.url).href)
    const last = deck.slides.length
    await s.page.locator(`.slidev-page-${last}`).waitFor({ state: 'attached' })
    const numbers = await s.page.locator('[data-slidev-no]').evaluateAll(els => els.map(el => Number(el.getAttribute('data-slidev-no'))))
    expect(numbers, 'slides rendered in the overview').toEqual(deck.slides.map(slide => slide.number))
    const text = await s.page.locator('body').textContent() ?? ''
    const missing = deck.slides.filter(slide => !text.includes(slide.title)).map(slide => `${slide.number} "${slide.title}"`)
    expect(missing, 'slide titles missing from the overview').toEqual([])
    // Every slide's code has come and been drawn, and what the slides asked for has ended, so it is logged.
    await s.page.waitForFunction(() => document.querySelector('.slidev-slide-loading') === null)
    await s.inFlight.settled()
    expectCleanRun(since(s, mark), 'overview')
  })
})
