import type { Page } from 'playwright-chromium'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { serveStatic } from '../scripts/lib/serve.ts'
import { describeViolations, runAxe } from './support/axe.ts'
import { loadDeckWithContent } from './support/deck.ts'
import { FIXTURE_ENTRY } from './support/fixture.ts'
import { serveBuiltDeck, slideUrl, startApp, waitForSlide, watchPageErrors } from './support/site.ts'

// Every address paints from its HTML (scripts/site/prerender.ts, first-paint.ts): each slide's
// N.html and the reader's read.html, before any script has run and with scripts off; the app then
// starts on top of them, on the first interaction, without a flash of another slide or a jump.

const deck = await loadDeckWithContent()
const fixture = await loadDeckWithContent(FIXTURE_ENTRY)
const served = serveBuiltDeck(inject('distDir'))
const DESKTOP = { width: 1280, height: 720 }
const PHONE = { width: 390, height: 844 }

/** The text of an HTML document or fragment: tags dropped, the few entities Vue writes decoded, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, '\'')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

function titleOf(html: string): string {
  return textOf(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '')
}

describe('every slide\'s address is its own prerendered page', () => {
  it.each(deck.slides.map(slide => slide.number))('slide %i: the HTML served at its address holds its heading, its text and its title', async (no) => {
    const slide = deck.slides[no - 1]!
    const response = await fetch(slideUrl(served.server.url, no))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`data-page="${no}"`)
    expect(html.match(/data-slidev-no="(\d+)"/g)).toEqual([`data-slidev-no="${no}"`])
    expect(titleOf(html).startsWith(slide.title), `<title> "${titleOf(html)}"`).toBe(true)
    const markup = html.slice(html.indexOf('id="recap-first-paint"'))
    expect(textOf(markup)).toContain(slide.heading ?? slide.title)
  })

  it('writes N.html for every slide and read.html, and the service worker precaches them', async () => {
    const dist = inject('distDir')
    const files = await readdir(dist)
    const pages = [
      ...deck.slides.slice(1).map(slide => `${slide.number}.html`),
      'read.html',
    ]
    expect(files).toEqual(expect.arrayContaining(['index.html', ...pages]))
    const sw = await readFile(join(dist, 'sw.js'), 'utf8')
    for (const page of pages)
      expect(sw, `sw.js precaches ${page}`).toContain(`"${page}"`)
  })

  it('each page describes its own slide to link previews: og:title and description', async () => {
    const no = deck.slides[Math.floor(deck.slides.length / 2)]!.number
    const html = await (await fetch(slideUrl(served.server.url, no))).text()
    const ogTitle = /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1]
    expect(textOf(ogTitle ?? '')).toBe(titleOf(html))
    const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? ''
    expect(textOf(description)).toContain(deck.slides[no - 1]!.heading ?? '')
  })
})

describe('with JavaScript off', () => {
  let page: Page
  beforeAll(async () => {
    const context = await served.browser.newContext({ viewport: PHONE, javaScriptEnabled: false, serviceWorkers: 'block' })
    page = await context.newPage()
  })
  afterAll(async () => {
    await page?.context().close()
  })

  it('a slide\'s address shows the slide', async () => {
    const no = deck.slides.at(-1)!.number
    await page.goto(slideUrl(served.server.url, no))
    const heading = page.locator('#recap-first-paint h1').first()
    await expect.poll(() => heading.isVisible()).toBe(true)
    expect(await heading.textContent()).toContain(deck.slides[no - 1]!.heading ?? '')
  })

  it('/read holds every slide under its section, with its notes, its anchor and its way into the deck', async () => {
    await page.goto(new URL('read', served.server.url).href)
    const sections = await page.locator('.reader-section-title').allTextContents()
    expect(sections.map(s => s.trim().toLowerCase())).toEqual([
      ...new Set(deck.slides.map(s => s.section ?? '')),
    ].map(s => s.toLowerCase()))
    for (const slide of deck.slides) {
      const article = page.locator(`article[id="${slide.number}"]`)
      expect(await article.count(), `slide ${slide.number}`).toBe(1)
      expect(await article.locator('h1').first().textContent()).toContain(slide.heading ?? slide.title)
      if (slide.note)
        expect(await article.locator(`[data-notes-for="${slide.number}"]`).count(), `notes of slide ${slide.number}`).toBe(1)
      expect(await article.locator('a.reader-open').getAttribute('href')).toBe(`/${slide.number}`)
    }
    // What needs the script is not offered without it.
    expect(await page.locator('.reader-search').isVisible()).toBe(false)
  })

  it('/read#N lands on slide N', async () => {
    const no = deck.slides[Math.floor(deck.slides.length / 2)]!.number
    await page.goto(new URL(`read#${no}`, served.server.url).href)
    await expect.poll(() => page.locator(`article[id="${no}"]`).evaluate(el => Math.round(el.getBoundingClientRect().top))).toBeLessThan(80)
  })
})

/** Boxes of every element under `root`, in document order, rounded to the CSS pixel. */
async function boxes(page: Page, root: string): Promise<string[]> {
  return page.locator(root).first().evaluate(el => [
    ...el.querySelectorAll('*'),
  ].map((child) => {
    const box = child.getBoundingClientRect()
    return `${child.localName} ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`
  }))
}

describe('the app starts on top of a prerendered page', () => {
  let page: Page
  let errors: string[]
  beforeAll(async () => {
    const context = await served.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', reducedMotion: 'reduce' })
    errors = watchPageErrors(context)
    page = await context.newPage()
  })
  afterAll(async () => {
    await page?.context().close()
  })

  it('not before the viewer does something: its code is fetched once the page has loaded, and not run', async () => {
    await page.goto(slideUrl(served.server.url, 2))
    await page.waitForFunction(() => document.querySelectorAll('link[rel="modulepreload"]').length > 0)
    expect(await page.evaluate(() => document.querySelector('script[type="module"]') === null && document.querySelector('#app')!.childElementCount === 0)).toBe(true)
    await startApp(page)
    await waitForSlide(page, 2)
  })

  it.each([
    1,
    Math.ceil(deck.slides.length / 2),
    deck.slides.length,
  ])('slide %i: the same slide, and no element moved', async (no) => {
    await page.goto(slideUrl(served.server.url, no))
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    const before = await boxes(page, '#recap-first-paint .recap-first-paint-page')
    await startApp(page)
    await waitForSlide(page, no)
    await page.waitForFunction(() => document.getElementById('recap-first-paint') === null)
    const after = await boxes(page, `#app .slidev-page-${no}`)
    expect(after).toEqual(before)
  })

  it('the key that started it is played to the app: → on slide 2 shows slide 3', async () => {
    await page.goto(slideUrl(served.server.url, 2))
    await page.keyboard.press('ArrowRight')
    await waitForSlide(page, 3)
  })

  it('the reader: the prerendered slides are taken over where they stand, scrolled or not, and the search works', async () => {
    await page.setViewportSize(PHONE)
    await page.goto(new URL('read', served.server.url).href)
    await page.evaluate(() => window.scrollTo(0, 2000))
    const before = await boxes(page, '#recap-reader-static main')
    const scrolled = await page.evaluate(() => window.scrollY)
    await startApp(page)
    await page.waitForFunction(() => document.documentElement.dataset.reader === 'ready')
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)
    expect(await page.locator('#recap-reader-static').count()).toBe(0)
    expect(await boxes(page, '#app main.reader')).toEqual(before)
    const heading = deck.slides.at(-1)!.heading!
    await page.locator('#reader-search-input').fill(heading.split(' ').slice(0, 2).join(' '))
    await page.locator('.reader-search-hit').first().waitFor()
  })

  it('made no page error', () => {
    expect(errors).toEqual([])
  })
})

describe('the prerendered pages are accessible before the app starts', () => {
  let page: Page
  beforeAll(async () => {
    const context = await served.browser.newContext({ viewport: PHONE, serviceWorkers: 'block' })
    page = await context.newPage()
  })
  afterAll(async () => {
    await page?.context().close()
  })

  it.each(['2', 'read'])('/%s has no axe violation', async (path) => {
    await page.goto(new URL(path, served.server.url).href)
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    expect(await page.evaluate(() => document.querySelector('script[type="module"]'))).toBeNull()
    const violations = await runAxe(page)
    expect(violations, describeViolations(violations)).toEqual([])
  })
})

describe('the public build under a sub-path (--base /recap/)', () => {
  const dist = inject('fixtureRecapDist')
  let server: Awaited<ReturnType<typeof serveStatic>>
  beforeAll(async () => {
    server = await serveStatic(dist, { base: '/recap/' })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('serves each slide\'s prerendered page at its address under the base, and the app takes over there', async () => {
    const no = fixture.slides.length
    const html = await (await fetch(`${server.url}${no}`)).text()
    expect(html).toContain(`data-page="${no}"`)
    expect(html).toContain('data-base="/recap/"')
    const context = await served.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' })
    try {
      const page = await context.newPage()
      await page.goto(`${server.url}${no}`)
      await startApp(page)
      await waitForSlide(page, no)
    }
    finally {
      await context.close()
    }
  })

  it('prerenders the reader without any note', async () => {
    const html = await readFile(join(dist, 'read.html'), 'utf8')
    for (const slide of fixture.slides)
      expect(html, `slide ${slide.number}`).toContain(`id="${slide.number}"`)
    expect(html).not.toContain('data-notes-for')
    expect(html).not.toContain('Speaker notes')
  })
})
