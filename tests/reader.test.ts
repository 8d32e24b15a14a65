import type { BrowserContext, Page, Request } from 'playwright-chromium'
import type { NetworkGuard } from './support/site.ts'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { serveStatic } from '../scripts/lib/serve.ts'
import { searchDocuments } from '../shared/search.ts'
import { describeViolations, runAxe } from './support/axe.ts'
import { loadDeckWithContent } from './support/deck.ts'
import { TEST_OUTPUT } from './support/paths.ts'
import { guardNetwork, openSlide, serveBuiltDeck, startApp, waitForServiceWorker, waitForSlide, watchPageErrors } from './support/site.ts'

const deck = await loadDeckWithContent()
const total = deck.slides.length
const SHOTS = join(TEST_OUTPUT, 'reader')
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
] as const

/** What the reader's search indexes of this deck, notes included (the test build carries them). */
const sentences = searchDocuments(deck.slides.map(slide => ({
  no: slide.number,
  title: slide.title,
  content: slide.content,
  note: slide.note,
  hidden: false,
})), true)
/** The longest sentence of each kind: distinctive enough that its own slide is the best hit. */
function longest(kind: 'slide' | 'note'): { no: number, text: string } {
  const found = sentences.filter(s => s.kind === kind).sort((a, b) => b.text.length - a.text.length)[0]
  if (!found)
    throw new Error(`no ${kind} sentence in the deck`)
  return { no: found.no, text: found.text }
}
const slideSentence = longest('slide')
const noteSentence = longest('note')
/** A slide with a chart, and one with the talks' links, for the screenshots. */
const chartSlide = deck.slides.find(slide => /<CompanyGroups\b/.test(slide.content))!.number
const talksSlide = deck.slides.find(slide => /<TalkBoard\b/.test(slide.content))!.number

/** Markdown's straight quotes, as the deck renders them typographic. */
function foldQuotes(text: string): string {
  return text.replace(/[‘’]/g, '\'').replace(/[“”]/g, '"')
}

// A Chromium of this file's own: in the run's shared one it ran slower beside the a11y file (3fa52af).
const served = serveBuiltDeck(inject('distDir'), { browser: 'own' })

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true })
})

/**
 * Contexts for the reader's pages block service workers: these checks are of the pages, and the deck's
 * worker, installing beside them, would precache the whole deck and serve some loads but not others,
 * as far as it had got. The worker is tested where it is the subject: the offline test below, and
 * site.test.ts for its requests.
 */
const NO_WORKER = { serviceWorkers: 'block' } as const

function readUrl(suffix = ''): string {
  return new URL(`read${suffix}`, served.server.url).href
}

/** Waits until the reader has laid out every slide (data-reader="ready"), and, when given, is at `path` and `hash`. */
async function waitForReader(page: Page, at: { path?: string, hash?: string } = {}): Promise<void> {
  await page.waitForFunction(({ path, hash }) => document.documentElement.dataset.reader === 'ready'
    && (path === undefined || location.pathname === path)
    && (hash === undefined || location.hash === hash), at)
}

/**
 * Goes to /read + `suffix` and waits until the reader is ready. From the reader at /read, a suffix
 * that is only a fragment ("#7") moves within the page, as a link to it does; anything else loads it.
 */
async function openReader(page: Page, suffix = ''): Promise<void> {
  await page.goto(readUrl(suffix))
  await startApp(page)
  await waitForReader(page)
}

/**
 * The reader as a first visit shows it: at /read, ready, at the top, light, nothing typed in the search.
 * The tests before leave it so; it is loaded again only if one of them did not (or ran alone).
 */
async function readerAsLoaded(page: Page): Promise<void> {
  const asLoaded = page.url() === readUrl() && await page.evaluate(() => document.documentElement.dataset.reader === 'ready'
    && window.scrollY === 0
    && !document.documentElement.classList.contains('dark')
    && document.querySelector<HTMLInputElement>('#reader-search-input')?.value === '')
  if (!asLoaded)
    await openReader(page)
}

/** The number of the slide whose article is at the top of the window, under the reader's bar. */
async function slideAtTop(page: Page): Promise<{ no: number, where: string }> {
  return page.evaluate(() => {
    const bar = document.querySelector('.reader-bar')!.getBoundingClientRect().bottom
    const articles = [
      ...document.querySelectorAll<HTMLElement>('[data-reader-slide]'),
    ]
    // The first article reaching further down than just under the bar (the one above ends there).
    const top = articles.find(a => a.getBoundingClientRect().bottom > bar + 16)
    return {
      no: Number(top?.dataset.readerSlide),
      where: document.querySelector('.reader-where')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    }
  })
}

async function waitUntilAtTop(page: Page, no: number): Promise<void> {
  await page.waitForFunction((n) => {
    const bar = document.querySelector('.reader-bar')!.getBoundingClientRect().bottom
    const article = document.getElementById(String(n))
    if (!article)
      return false
    const top = article.getBoundingClientRect().top
    return Math.abs(top - bar) < 40 && document.querySelector('.reader-where')?.textContent?.includes(`${n} of`)
  }, no)
}

describe.each(VIEWPORTS)('the reader view, /read, at $width x $height', (viewport) => {
  // One page for the block, loaded once: the checks of the page as loaded come first, then those that
  // move it (search, deep links), then those that load it again (a deep link's path, the screenshots).
  let context: BrowserContext
  let page: Page
  let guard: NetworkGuard

  beforeAll(async () => {
    context = await served.browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      screen: { width: viewport.width, height: viewport.height },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      ...NO_WORKER,
    })
    guard = await guardNetwork(context, [served.server.url])
    page = await context.newPage()
    await openReader(page)
  })

  afterAll(async () => {
    await context?.close()
  })

  it('shows every slide once, in running order, under its section\'s heading', async () => {
    const shown = await page.evaluate(() => [
      ...document.querySelectorAll<HTMLElement>('.reader-section'),
    ].map(section => ({
      title: section.querySelector('h2')?.textContent?.trim(),
      slides: [
        ...section.querySelectorAll<HTMLElement>('[data-reader-slide]'),
      ].map(a => Number(a.dataset.readerSlide)),
    })))
    expect(shown.flatMap(section => section.slides)).toEqual(deck.slides.map(slide => slide.number))
    expect(shown.map(section => section.title)).toEqual(deck.sections.map(section => section.title))
    // The slides' own content, not a copy: each slide's heading as the deck renders it.
    for (const slide of deck.slides.filter(s => s.heading)) {
      const text = await page.locator(`[data-reader-slide="${slide.number}"] .slidev-layout`).textContent() ?? ''
      expect(foldQuotes(text), `slide ${slide.number}`).toContain(foldQuotes(slide.heading!))
    }
  })

  it('every text on the page renders at 16 CSS px or more (charts: 12 px as drawn)', async () => {
    const small = await page.evaluate(() => {
      const found: string[] = []
      const walker = document.createTreeWalker(document.querySelector('main.reader')!, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement
        if (!parent || !node.textContent?.trim() || parent.closest('svg'))
          continue
        if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
          continue
        const box = parent.getBoundingClientRect()
        if (box.width <= 1 && box.height <= 1)
          continue
        const size = Number.parseFloat(getComputedStyle(parent).fontSize)
        if (size < 16)
          found.push(`${size}px: ${parent.tagName.toLowerCase()}.${parent.className} "${node.textContent.trim().slice(0, 40)}"`)
      }
      for (const text of document.querySelectorAll<SVGTextElement>('main.reader svg text')) {
        const svg = text.ownerSVGElement!
        const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width)
        const drawn = Number.parseFloat(getComputedStyle(text).fontSize) * scale
        if (drawn < 12)
          found.push(`${drawn.toFixed(1)}px as drawn: svg text "${text.textContent?.trim().slice(0, 40)}"`)
      }
      return found
    })
    expect(small).toEqual([])
  })

  it('nothing is wider than the window, except code in its own sideways scroller', async () => {
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth
      const found: string[] = []
      if (document.documentElement.scrollWidth > width)
        found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px in ${width}px`)
      for (const el of document.querySelectorAll<HTMLElement>('main.reader *')) {
        const scroller = el.parentElement?.closest('pre')
        const box = (scroller ?? el).getBoundingClientRect()
        if (box.width > 1 && (box.right > width + 0.5 || box.left < -0.5))
          found.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}: ${Math.round(box.left)} to ${Math.round(box.right)}`)
      }
      for (const pre of document.querySelectorAll<HTMLElement>('main.reader pre')) {
        if (pre.scrollWidth > pre.clientWidth && !['auto', 'scroll'].includes(getComputedStyle(pre).overflowX))
          found.push(`a code block is cut off instead of scrolling: ${pre.textContent?.slice(0, 30)}`)
      }
      return found
    })
    expect(wide).toEqual([])
  })

  it('every link is a tap target of 44 x 44 CSS px or more', async () => {
    const links = await page.evaluate(() => [
      ...document.querySelectorAll<HTMLAnchorElement>('main.reader a[href]'),
    ]
      .filter(a => a.checkVisibility())
      .map((a) => {
        const box = a.getBoundingClientRect()
        return { text: a.textContent?.trim().slice(0, 40) ?? '', width: box.width, height: box.height }
      }))
    expect(links.length).toBeGreaterThan(10)
    expect(links.filter(link => link.width < 44 || link.height < 44)).toEqual([])
  })

  it('has no axe violation, in light and in dark', async () => {
    await readerAsLoaded(page)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await page.waitForFunction(dark => document.documentElement.classList.contains('dark') === dark, colorScheme === 'dark')
      // Results shown too: they are part of the page.
      await page.locator('#reader-search-input').fill('Kolla')
      await page.locator('.reader-search-hit').first().waitFor()
      const violations = await runAxe(page)
      expect(describeViolations(violations), `${colorScheme}: axe violations`).toBe('')
    }
    // The page left as loaded, for the next test: the system's colour scheme (light), no search, at the top.
    await page.emulateMedia({ colorScheme: null })
    await page.waitForFunction(() => !document.documentElement.classList.contains('dark'))
    await page.locator('#reader-search-input').fill('')
    await page.locator('.reader-search-hit').first().waitFor({ state: 'detached' })
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur()
      window.scrollTo(0, 0)
    })
  })

  it('printed, it is the slides and notes without the bar and search', async () => {
    await readerAsLoaded(page)
    await page.emulateMedia({ media: 'print' })
    const printed = await page.evaluate(() => ({
      bar: getComputedStyle(document.querySelector('.reader-bar')!).display,
      search: getComputedStyle(document.querySelector('.reader-search')!).display,
      slides: [
        ...document.querySelectorAll('[data-reader-slide]'),
      ].filter(a => a.getBoundingClientRect().height > 0).length,
    }))
    await page.emulateMedia({ media: null })
    expect(printed).toEqual({ bar: 'none', search: 'none', slides: total })
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.byteLength).toBeGreaterThan(10_000)
  })

  it('search finds a sentence of a slide and one of the notes, and jumps to each', async () => {
    // At the last slide, far from the search box: from /read, a move within the page.
    await openReader(page, `#${total}`)
    await waitUntilAtTop(page, total)
    // The bar's "Search" leads back to the box from anywhere on the page.
    await page.locator('.reader-bar a', { hasText: 'Search' }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reader-search-input')
    for (const target of [slideSentence, noteSentence]) {
      await page.locator('#reader-search-input').fill(target.text)
      const first = page.locator('.reader-search-hit').first()
      await first.waitFor()
      expect(Number(await first.getAttribute('data-hit-slide')), `"${target.text}"`).toBe(target.no)
      expect(await first.textContent()).toContain(target.text)
      await first.click()
      await page.waitForFunction((n) => {
        const hit = document.getElementById(String(n))?.querySelector('.reader-hit')
        if (!hit)
          return false
        const box = hit.getBoundingClientRect()
        return box.top >= 0 && box.bottom <= window.innerHeight
      }, target.no)
      expect(new URL(page.url()).hash).toBe(`#${target.no}`)
    }
  })

  it('deep links land on their slide and say where the reader is: /read#N and /read/N', async () => {
    const middle = Math.ceil(total / 2)
    await openReader(page, `#${middle}`)
    await waitUntilAtTop(page, middle)
    const at = await slideAtTop(page)
    expect(at.no).toBe(middle)
    const section = deck.slides[middle - 1]!.section
    expect(at.where).toBe(`${section} · ${middle} of ${total}`)
    // "Open slide N" in the bar leads to that slide of the deck.
    expect(await page.locator('.reader-bar a', { hasText: `Open slide ${middle}` }).getAttribute('href')).toMatch(new RegExp(`/${middle}$`))

    await openReader(page, `/${total}`)
    await waitUntilAtTop(page, total)
  })

  it('made no request off the host', () => {
    expect(guard.outside).toEqual([])
  })

  if (viewport.name === 'phone') {
    it('screenshots: the top of the page, a chart and the talks (test-output/reader/)', async () => {
      await page.emulateMedia({ colorScheme: 'light' })
      await openReader(page)
      await page.screenshot({
        path: join(SHOTS, 'phone-top.png'),
      })
      for (const [name, no] of [
        ['phone-chart', chartSlide],
        ['phone-talks', talksSlide],
      ] as const) {
        await openReader(page, `#${no}`)
        await waitUntilAtTop(page, no)
        await page.screenshot({
          path: join(SHOTS, `${name}.png`),
        })
      }
      await page.locator('#reader-search-input').scrollIntoViewIfNeeded()
      await openReader(page, '?q=Kolla')
      await page.locator('.reader-search-hit').first().waitFor()
      await page.screenshot({
        path: join(SHOTS, 'phone-search.png'),
      })
    })
  }
})

/** A fresh context as a phone held upright (390x844, touch), in which the deck offers the reader. */
async function phoneContext(): Promise<BrowserContext> {
  const phone = { width: 390, height: 844 }
  return served.browser.newContext({
    viewport: phone,
    screen: phone,
    isMobile: true,
    hasTouch: true,
    ...NO_WORKER,
  })
}

interface WideVisit {
  context: BrowserContext
  /** Left on slide 1, for the test that goes on from there. */
  page: Page
  /** The paths requested from the start of the load until slide 1 showed. */
  beforeSlide1: string[]
}

let wideVisit: Promise<WideVisit> | undefined

/**
 * A first visit to slide 1 on a wide screen (1280x720, a fresh context), made once, by whichever test
 * needs it first: the go-to dialog's test goes on from its page, the first slide's cost is judged on
 * what it requested before the slide showed.
 */
async function firstWideVisit(): Promise<WideVisit> {
  wideVisit ??= (async () => {
    const context = await served.browser.newContext({
      viewport: { width: 1280, height: 720 },
      ...NO_WORKER,
    })
    const page = await context.newPage()
    const beforeSlide1: string[] = []
    const record = (request: Request): void => {
      beforeSlide1.push(new URL(request.url()).pathname)
    }
    page.on('request', record)
    await openSlide(page, served.server.url, 1)
    page.off('request', record)
    return { context, page, beforeSlide1 }
  })()
  return wideVisit
}

afterAll(async () => {
  await (await wideVisit?.catch(() => undefined))?.context.close()
})

describe('the deck leads to the reader', () => {
  it('on a narrow portrait screen the deck offers the reader; the choice is remembered', async () => {
    const context = await phoneContext()
    try {
      await guardNetwork(context, [served.server.url])
      const page = await context.newPage()
      await openSlide(page, served.server.url, 5)
      const offer = page.locator('.recap-reader-offer')
      await offer.waitFor()
      const violations = await runAxe(page)
      expect(describeViolations(violations)).toBe('')
      await offer.getByRole('link', { name: 'Read as a page' }).click()
      await waitForReader(page, { path: '/read', hash: '#5' })
      await waitUntilAtTop(page, 5)
      expect(await page.evaluate(() => localStorage.getItem('recap-reader-choice'))).toBe('reader')

      // In the reader, "open slide N" shows that slide of the deck.
      await page.locator('.reader-bar a', { hasText: 'Open slide 5' }).click()
      await waitForSlide(page, 5)

      // Opened again on this device, the deck goes straight to the reader, at the same slide.
      const again = await context.newPage()
      await again.goto(new URL('7', served.server.url).href)
      await again.waitForURL(/\/read#7$/)
      await startApp(again)
      await waitForReader(again, { path: '/read', hash: '#7' })
      await waitUntilAtTop(again, 7)
    }
    finally {
      await context.close()
    }
  })

  it('"Keep the slides" is remembered too: no offer next time', async () => {
    const context = await phoneContext()
    try {
      const page = await context.newPage()
      await openSlide(page, served.server.url, 2)
      await page.locator('.recap-reader-offer').getByRole('button', { name: 'Keep the slides' }).click()
      await page.locator('.recap-reader-offer').waitFor({ state: 'detached' })
      expect(await page.evaluate(() => localStorage.getItem('recap-reader-choice'))).toBe('slides')
      await openSlide(page, served.server.url, 3)
      // The offer and the go-to link load when the browser is idle after the slide; once they have, no offer appears.
      await page.locator('#slidev-goto-dialog [data-recap-reader-hook]').waitFor({ state: 'attached' })
      expect(await page.locator('.recap-reader-offer').count()).toBe(0)
    }
    finally {
      await context.close()
    }
  })

  it('the go-to dialog searches the reader', async () => {
    const { page } = await firstWideVisit()
    // Not offered on a wide screen.
    await page.keyboard.press('g')
    const link = page.locator('#slidev-goto-dialog .recap-goto-search')
    await link.waitFor()
    expect(await page.locator('.recap-reader-offer').count()).toBe(0)
    await page.locator('#slidev-goto-input').pressSequentially('Kolla')
    await expect.poll(() => link.textContent()).toContain('Kolla')
    await link.click()
    await waitForReader(page, { path: '/read' })
    expect(new URL(page.url()).searchParams.get('q')).toBe('Kolla')
    await page.locator('.reader-search-hit').first().waitFor()
    expect(await page.locator('#reader-search-input').inputValue()).toBe('Kolla')
  })
})

describe('the reader costs the deck nothing before its first slide, and works offline', () => {
  it('no reader chunk, index or search library loads before slide 1 shows', async () => {
    const { beforeSlide1 } = await firstWideVisit()
    const assets = join(inject('distDir'), 'assets')
    // The reader's own chunks, and MiniSearch's (a chunk named after its folder, found by its code).
    // (The deck's offer, global-top.vue's, loads when the browser is idle: it is not counted here.)
    const readerOnly: string[] = []
    for (const file of await readdir(assets)) {
      if (/ReaderPage|reader-index/.test(file) || (file.endsWith('.js') && (await readFile(join(assets, file), 'utf8')).includes('loadJSAsync')))
        readerOnly.push(`/assets/${file}`)
    }
    expect(readerOnly.length).toBeGreaterThanOrEqual(4)
    expect(beforeSlide1.filter(path => readerOnly.includes(path))).toEqual([])
  })

  it('after a first visit to the deck, /read opens and searches with the network off', async () => {
    // A server of its own, closed halfway, as the network goes.
    const own = await serveStatic(inject('distDir'))
    const context = await served.browser.newContext({
      viewport: { width: 390, height: 844 },
      serviceWorkers: 'allow',
    })
    try {
      const errors = watchPageErrors(context)
      const page = await context.newPage()
      await openSlide(page, own.url, 1)
      await waitForServiceWorker(page)
      await own.close()
      await context.setOffline(true)
      await page.goto(new URL('read#7', own.url).href)
      await startApp(page)
      await page.waitForFunction(() => document.documentElement.dataset.reader === 'ready')
      await waitUntilAtTop(page, 7)
      await page.locator('#reader-search-input').fill('Kolla')
      await page.locator('.reader-search-hit').first().waitFor()
      expect(errors).toEqual([])
    }
    finally {
      await context.close()
      await own.close().catch(() => {})
    }
  })

  it('the service worker precaches the reader route, its styles and the search index', async () => {
    const dist = inject('distDir')
    const sw = await readFile(join(dist, 'sw.js'), 'utf8')
    // Workbox's precache list, minified or not: {url:"…",revision:…} or { "url": "…", "revision": … }.
    const precached = [
      ...sw.matchAll(/"?url"?\s*:\s*"([^"]+)"\s*,\s*"?revision"?/g),
    ].map(match => match[1]!)
    for (const pattern of [/ReaderPage-[\w-]+\.js$/, /ReaderPage-[\w-]+\.css$/, /recap-reader-index-[\w-]+\.js$/])
      expect(precached.some(url => pattern.test(url)), String(pattern)).toBe(true)
    // Navigations to /read are answered with index.html offline (not in Slidev's deny list).
    expect(sw).toContain('index.html')
    const denylist = /denylist"?\s*:\s*\[([^\]]*)\]/.exec(sw)?.[1] ?? ''
    expect(denylist).toContain('presenter')
    expect(denylist).not.toContain('read')
  })
})
