import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { Deck, DeckSlide } from '../scripts/lib/deck.ts'
import type { StaticServer } from '../scripts/lib/serve.ts'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { loadDeck } from '../scripts/lib/deck.ts'
import { serveStatic } from '../scripts/lib/serve.ts'
import { DOWNLOADS_DIR, PUBLIC_HEADMATTER, publicEntryMarkdown } from '../scripts/site/build-site.ts'
import { describeViolations, runAxe } from './support/axe.ts'
import { connectBrowser } from './support/browser.ts'
import { NPM_SCRIPTS } from './support/build.ts'
import { fullSentences } from './support/deck.ts'
import { listFiles, plainWordRuns, searchableText, wordsPattern } from './support/files.ts'
import { FIXTURE_ENTRY } from './support/fixture.ts'
import { htmlErrorsByDir } from './support/html.ts'
import { ROOT } from './support/paths.ts'
import { guardNetwork, openSlide, startApp, waitForRoute } from './support/site.ts'

/** The machinery is tested on the fixture deck; the real deck's notes must be as searchable as the fixture's. */
const deck = await loadDeck(FIXTURE_ENTRY)
const realDeck = await loadDeck()
const scripts = NPM_SCRIPTS

/** For each slide, the two longest runs of plain words in its notes: distinctive text a leak would carry. */
function notesProbes(slides: Deck['slides']): { slide: DeckSlide, runs: string[][], patterns: RegExp[] }[] {
  return slides.map((slide) => {
    const runs = fullSentences(slide.note)
      .flatMap(sentence => plainWordRuns(sentence))
      .sort((a, b) => b.join(' ').length - a.join(' ').length)
      .slice(0, 2)
    return {
      slide,
      runs,
      patterns: runs.map(words => wordsPattern(words)),
    }
  })
}
const probes = notesProbes(deck.slides)

/** Which probes occur in which files of `dir` (files for which `skip` is true are not read). */
async function findNotes(dir: string, skip: (file: string) => boolean = () => false): Promise<string[]> {
  const found: string[] = []
  for (const file of await listFiles(dir)) {
    if (skip(file))
      continue
    const text = await searchableText(join(dir, file))
    for (const { slide, runs, patterns } of probes) {
      patterns.forEach((pattern, i) => {
        if (pattern.test(text))
          found.push(`${file}: notes of slide ${slide.number} ("${runs[i]!.join(' ')}")`)
      })
    }
  }
  return found
}

/** Loads a route and waits until the deck's router has mounted what it renders there (a slide, a page or Slidev's 404). */
async function openRoute(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto(new URL(route, baseUrl).href)
  await startApp(page)
  await waitForRoute(page)
}

/** What Slidev's presenter and notes pages render. */
const PRIVATE_VIEWS = '.slidev-presenter, .slidev-note'
const PRIVATE_ROUTES = [
  'presenter/1',
  'presenter',
  'notes',
  'notes-edit',
  'overview',
  'entry',
  'export',
  'print',
  'presenter/print',
]

let browser: Browser
/**
 * The Nu HTML Checker's errors in the two public builds (build:public under /recap/, build:site at
 * the root), checked in one run of it (one JVM start) that starts with the file and goes on beside
 * its browser tests; each build's test awaits its own.
 */
let htmlChecked: Promise<Map<string, string[]>>

beforeAll(async () => {
  htmlChecked = htmlErrorsByDir([
    inject('fixtureRecapDist'),
    inject('fixtureSiteDist'),
  ])
  // A failure is the HTML tests' to report, when they await it.
  htmlChecked.catch(() => {})
  browser = await connectBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the public build\'s entry (publicEntryMarkdown)', () => {
  const source = readFileSync(resolve(ROOT, 'slides.md'), 'utf8')
  const headmatter = (markdown: string): Record<string, unknown> => parseYaml(/^---\n([\s\S]*?)\n---/.exec(markdown)![1]!) as Record<string, unknown>

  it('turns the presenter and the browser exporter off and keeps every other key of slides.md', () => {
    const publicEntry = publicEntryMarkdown(source)
    const original = headmatter(source)
    const changed = headmatter(publicEntry)
    expect(changed).toEqual({ ...original, presenter: false, browserExporter: false })
    expect(Object.keys(PUBLIC_HEADMATTER).sort()).toEqual(['browserExporter', 'presenter'])
  })

  it('keeps the slides after the headmatter byte for byte', () => {
    const body = (markdown: string): string => markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
    expect(body(publicEntryMarkdown(source))).toBe(body(source))
  })

  it('replaces keys that are already there instead of repeating them', () => {
    const out = publicEntryMarkdown('---\ntitle: x\npresenter: true\nseoMeta:\n  presenter: nested\n---\n# A\n')
    expect(out).toBe('---\ntitle: x\nseoMeta:\n  presenter: nested\npresenter: false\nbrowserExporter: false\n---\n# A\n')
  })
})

it.each([
  ['the fixture deck', probes],
  [
    'the real deck',
    notesProbes(realDeck.slides),
  ],
])('every slide of %s has notes distinctive enough to search for', (_name, deckProbes) => {
  for (const { slide, runs } of deckProbes)
    expect(runs.length, `slide ${slide.number}: no run of 6+ plain words in its notes`).toBeGreaterThan(0)
})

describe('control: the regular build', () => {
  it('carries every probe, so the search below would find leaked notes', async () => {
    const found = await findNotes(inject('fixtureDist'))
    for (const { slide, runs } of probes)
      expect(found.some(line => line.includes(`notes of slide ${slide.number} `)), `slide ${slide.number}: "${runs[0]?.join(' ')}" not found in the regular build`).toBe(true)
  })

  it('renders the presenter with the notes at /presenter/1, so the route checks below would see one', async () => {
    const server = await serveStatic(inject('fixtureDist'))
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await openRoute(page, server.url, 'presenter/1')
      await page.locator('.slidev-presenter .slidev-note').first().waitFor()
      const text = await page.locator('body').textContent() ?? ''
      expect(probes[0]!.patterns.some(pattern => pattern.test(text)), 'slide 1\'s notes not shown by the presenter').toBe(true)
    }
    finally {
      await context.close()
      await server.close()
    }
  })
})

/** Serves OUT, a build the global setup made once for the whole run, under BASE during the block's tests. */
function serveBuild(out: string, base = '/'): { readonly server: StaticServer } {
  const built = {} as { server: StaticServer }
  beforeAll(async () => {
    built.server = await serveStatic(out, { base })
  })
  afterAll(async () => {
    await built.server?.close()
  })
  return built
}

/**
 * The run's one build:public is for the sub-path /recap/ (tests/hosting.test.ts serves it there too):
 * build:site below is the public build at the root.
 */
describe('npm run build:public (built once per run by the global setup, with --base /recap/)', () => {
  const out = inject('fixtureRecapDist')
  const built = serveBuild(out, '/recap/')

  it('is build-site.ts in public-only mode', () => {
    expect(scripts['build:public']).toBe('node scripts/site/build-site.ts --public-only')
  })

  it('is valid HTML: no Nu HTML Checker error in any HTML file', async () => {
    const errors = (await htmlChecked).get(out) ?? [`${out} was not checked`]
    expect(errors, `${errors.length} HTML errors:\n${errors.join('\n')}`).toEqual([])
  })

  it('has no speaker notes in any file, escaped or compressed', async () => {
    expect(await listFiles(out)).toContain('index.html')
    expect(await findNotes(out)).toEqual([])
  })

  it('ships no presenter, notes, overview, entry, print or export page', async () => {
    const pages = (await listFiles(out)).filter(file => /(?:^|\/)(?:presenter|notes|notes-edit|overview|entry|print|export)-[\w-]+\.js$/.test(file))
    expect(pages).toEqual([])
  })

  describe('loaded in a browser: each route a load of its own, in one tab', () => {
    let context: BrowserContext
    let page: Page

    beforeAll(async () => {
      context = await browser.newContext()
      await guardNetwork(context, [built.server.url])
      page = await context.newPage()
    })
    afterAll(async () => {
      await context?.close()
    })

    it.each(PRIVATE_ROUTES)('renders no presenter view and no notes at /%s', async (route) => {
      await openRoute(page, built.server.url, route)
      expect(await page.locator(PRIVATE_VIEWS).count()).toBe(0)
      const text = await page.locator('body').textContent() ?? ''
      for (const { slide, patterns } of probes)
        expect(patterns.some(pattern => pattern.test(text)), `notes of slide ${slide.number} shown at /${route}`).toBe(false)
    })

    it('still shows the slides', async () => {
      await openSlide(page, built.server.url, deck.slides.length, 999)
    })
  })
})

describe('npm run build:site: the public site with its downloads (built once per run by the global setup)', () => {
  const out = inject('fixtureSiteDist')
  const name = deck.headmatter.exportFilename ?? 'slides'
  const files = { slides: `${DOWNLOADS_DIR}/${name}.pdf`, handout: `${DOWNLOADS_DIR}/${name}-handout.pdf` }
  const built = serveBuild(out)

  it('puts the slides PDF and the handout in the site', async () => {
    for (const file of Object.values(files)) {
      const bytes = await readFile(join(out, file))
      expect(bytes.subarray(0, 5).toString('latin1'), file).toBe('%PDF-')
      expect(bytes.length, file).toBeGreaterThan(10_000)
    }
  })

  it('links both from the deck\'s nav bar, accessibly, and serves them as PDFs', async () => {
    const context = await browser.newContext()
    try {
      await guardNetwork(context, [built.server.url])
      const page = await context.newPage()
      await openSlide(page, built.server.url, 1)
      const links = page.locator('a[data-recap-download]')
      const hrefs = await links.evaluateAll(els => els.map(el => (el as HTMLAnchorElement).href))
      expect(hrefs.sort()).toEqual(Object.values(files).map(file => new URL(file, built.server.url).href).sort())
      for (const href of hrefs) {
        const response = await page.request.get(href)
        expect(response.status(), href).toBe(200)
        expect(response.headers()['content-type']).toBe('application/pdf')
      }
      await page.locator('#page-root').hover()
      const violations = await runAxe(page)
      expect(describeViolations(violations), 'axe on slide 1 with the download links').toBe('')
    }
    finally {
      await context.close()
    }
  })

  it('is valid HTML: no Nu HTML Checker error in any HTML file', async () => {
    const errors = (await htmlChecked).get(out) ?? [`${out} was not checked`]
    expect(errors, `${errors.length} HTML errors:\n${errors.join('\n')}`).toEqual([])
  })

  it('has no speaker notes in the site itself; only the handout PDF carries them, on purpose', async () => {
    expect(await findNotes(out, file => file === files.handout)).toEqual([])
  })
})
