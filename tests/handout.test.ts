import type { Browser } from 'playwright-chromium'
import type { Talk } from '../data/schema.ts'
import type { Deck } from '../scripts/lib/deck.ts'
import type { PrintResult } from '../scripts/lib/print.ts'
import type { PdfProxy } from './support/pdf-read.ts'
import { Buffer } from 'node:buffer'
import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { PDFDocument, PDFName } from 'pdf-lib'
import { getMeta } from 'unpdf'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { companies } from '../data/companies.ts'
import { sources } from '../data/sources.ts'
import { event } from '../data/summit.ts'
import { talks as deckTalks } from '../data/talks.ts'
import { loadDeck } from '../scripts/lib/deck.ts'
import { PrintError, printPdf } from '../scripts/lib/print.ts'
import { serveStatic } from '../scripts/lib/serve.ts'
import { startApp } from '../scripts/lib/slide-wait.ts'
import { APPENDIX_SECTION, formatMade, madeOn } from '../shared/print-model.ts'
import { connectBrowser } from './support/browser.ts'
import { FIXTURE_ENTRY } from './support/fixture.ts'
import { ROOT, TEST_OUTPUT } from './support/paths.ts'
import { decodeQrIn, inkCoverage, internalLinkTargets, linkBoxes, normalise, openPdf, pageSizes, pageTexts, readOutline, readPng, renderPage } from './support/pdf-read.ts'
import { HANDOUT_MADE } from './support/prints.ts'

const OUT_DIR = join(TEST_OUTPUT, 'handout')
/** The real deck's handouts and slides PDF, printed from its build once per run by the global setup (tests/support/prints.ts; export.test.ts checks the slides PDF). */
const PRINTS = inject('realPrints')
const NOTES_PDF = PRINTS.notes.out
const THREE_UP_PDF = PRINTS.threeUp.out
const SLIDES_PDF = PRINTS.slides.out
const SCRIPT = resolve(ROOT, 'scripts/handout.ts')
/** A fixed made-on date, so the cover is checkable (the global setup's handouts carry it too). */
const MADE = HANDOUT_MADE
/** Dots per inch for QR decoding: about five pixels per module at the printed size. */
const QR_DPI = 300
const run = promisify(execFile)

/** The first sentence of a note as its markdown reads once rendered: no emphasis marks, link texts only. */
function firstSentence(markdown: string): string {
  const text = normalise(markdown
    .replace(/\[click(?::\d+)?\]/gi, '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*|__|[*_`]/g, ''))
  return /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text
}

function plainHeading(heading: string): string {
  return normalise(heading.replace(/\*\*|__|[*_`]/g, ''))
}

const talks: readonly Talk[] = deckTalks
const talkUrls = talks.flatMap(t => t.links.map(l => l.url))

let deck: Deck
let notes: PrintResult
let threeUp: PrintResult
let pdf: PdfProxy
let texts: string[]
/** Per slide number, the heading the site shows at /N. */
const siteHeadings = new Map<number, string>()

/** 0-based indices of the appendix pages. */
function appendixIndices(result: PrintResult): number[] {
  return result.manifest.pages.filter(p => p.kind === 'appendix').map(p => p.index)
}

/** Walks the built site slide by slide, by URL (/1, /2, …), noting the heading each one shows. */
async function readSiteHeadings(browser: Browser, distDir: string): Promise<void> {
  const server = await serveStatic(distDir)
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 980, height: 552 },
  })
  try {
    const page = await context.newPage()
    await page.goto(`${server.url}1`)
    await startApp(page)
    for (const slide of deck.slides) {
      if (slide.number > 1) {
        // Through the router, as a reader's "next" does, rather than reloading the app 26 times.
        await page.evaluate(path => history.pushState(null, '', path), `/${slide.number}`)
        await page.evaluate(() => dispatchEvent(new PopStateEvent('popstate', { state: null })))
      }
      await page.waitForURL(`**/${slide.number}`)
      const heading = page.locator(`#slideshow [data-slidev-no="${slide.number}"] h1`).first()
      await heading.waitFor({ state: 'visible' })
      siteHeadings.set(slide.number, normalise(await heading.textContent() ?? ''))
    }
  }
  finally {
    await context.close()
    await server.close()
  }
}

beforeAll(async () => {
  await rm(OUT_DIR, { recursive: true, force: true })
  await mkdir(OUT_DIR, { recursive: true })
  deck = await loadDeck()
  const distDir = inject('distDir')
  notes = PRINTS.notes
  threeUp = PRINTS.threeUp
  expect([notes.layout, threeUp.layout]).toEqual(['notes', '3up'])
  const browser = await connectBrowser()
  try {
    await readSiteHeadings(browser, distDir)
  }
  finally {
    await browser.close()
  }
  pdf = await openPdf(NOTES_PDF)
  texts = await pageTexts(pdf)
})

describe('handout, one slide per page with notes', () => {
  it('is A4 portrait on every page', async () => {
    const sizes = await pageSizes(pdf)
    expect(sizes.length).toBe(notes.pages)
    for (const size of sizes) {
      expect(Math.round(size.width)).toBe(595)
      expect(Math.round(size.height)).toBe(842)
    }
  })

  it('has a cover, one page per slide, then the appendix pages', () => {
    const appendix = appendixIndices(notes)
    expect(appendix.length).toBeGreaterThan(0)
    expect(pdf.numPages).toBe(1 + deck.slides.length + appendix.length)
    expect(appendix).toEqual(Array.from({ length: appendix.length }, (_, i) => 1 + deck.slides.length + i))
    // Every talk is in the appendix exactly once, so its pages are all there and none is cut short.
    const appendixText = appendix.map(i => texts[i]).join(' ')
    for (const talk of talks)
      expect(appendixText.split(normalise(talk.title)).length - 1, talk.id).toBe(1)
  })

  it('opens with a cover: title, event, dates, the report, its author, an abstract and the date made', () => {
    const cover = texts[0]!
    const report = sources.find(s => s.id === 'report')!
    expect(cover).toContain(normalise(deck.headmatter.title))
    expect(cover).toContain(normalise(`${event.name}, ${event.city}`))
    expect(cover).toContain('27 to Friday 30 October 2015')
    expect(cover).toContain(normalise(report.title))
    expect(cover).toContain(normalise(deck.headmatter.author!))
    expect(cover).toContain(normalise(deck.headmatter.info!))
    expect(cover).toContain(formatMade(madeOn(MADE), 'en'))
  })

  it('shows each slide as text, under its title, with the first sentence of its notes', () => {
    for (const slide of deck.slides) {
      const text = texts[slide.number]!
      const where = `page ${slide.number + 1} (slide ${slide.number})`
      expect(text, where).toContain(normalise(`Slide ${slide.number} of ${deck.slides.length} ${slide.title}`))
      // The slide's own heading is text inside the slide, not pixels.
      expect(text, where).toContain(plainHeading(slide.heading ?? slide.title))
      expect(slide.note, `slide ${slide.number} has notes`).not.toBe('')
      expect(text, where).toContain(firstSentence(slide.note))
    }
  })

  it('puts the section and "n / N" in each footer', () => {
    const total = pdf.numPages
    for (const slide of deck.slides) {
      const text = texts[slide.number]!
      expect(text).toContain(`${slide.number + 1} / ${total}`)
      expect(text).toContain(normalise(slide.section!))
    }
    for (const index of appendixIndices(notes)) {
      expect(texts[index]).toContain(APPENDIX_SECTION)
      expect(texts[index]).toContain(`${index + 1} / ${total}`)
    }
  })

  it('links every talk URL from the appendix, marks inferred links and says when there is none', async () => {
    const appendix = appendixIndices(notes)
    const linked = (await Promise.all(appendix.map(i => linkBoxes(pdf, i)))).flat().map(l => l.url)
    for (const url of talkUrls)
      expect(linked, url).toContain(url)
    const appendixText = appendix.map(i => texts[i]).join(' ')
    const inferred = talks.flatMap(t => t.links).filter(l => l.confidence === 'inferred').length
    // Once per inferred link, and once in the explanation at the top.
    expect(appendixText.split('inferred match').length - 1).toBe(inferred + 1)
    for (const talk of talks.filter(t => t.links.length === 0))
      expect(appendixText).toContain(normalise(`no link ${talk.note ?? ''}`))
  })

  it('turns the agenda\'s links into jumps to the pages of the slides they name', async () => {
    const agenda = deck.slides.find(slide => slide.title === 'Agenda')!
    const targets = await internalLinkTargets(pdf, agenda.number)
    expect(targets.length).toBeGreaterThanOrEqual(3)
    expect(targets).toEqual([
      ...new Set(targets),
    ].toSorted((a, b) => a - b))
    for (const target of targets) {
      const slide = deck.slides[target - 1]!
      expect(texts[target]).toContain(`Slide ${slide.number} of ${deck.slides.length}`)
      // The agenda names each section, and jumps to the slide that opens it.
      expect(slide.startsSection, `the agenda jumps to slide ${slide.number}, which opens no section`).toBe(true)
      expect(texts[agenda.number]).toContain(normalise(slide.section!))
    }
  })

  // Every fact the report gives, whether a slide shows it or its notes tell it: a reader of the
  // handout misses nothing the talk said.
  it.each([
    'over 5000',
    '56 countries',
    '14 different tracks',
    'four days',
    'six months',
    'design summit',
    'Innovation Center',
    'upstream development',
    'two dedicated 1000 node clusters',
    'dozens of people on the ground',
    'Japan, South Korea and China',
    'huge traffic volumes',
    'Square Kilometre Array',
    'Magnum',
    'declared production ready',
    'Container Orchestration Engine',
    'Kubernetes and Docker Swarm',
    'Apache Mesos',
    'build-it-yourself',
    'Kuryr',
    'libnetwork',
    'double encapsulation',
    'block storage',
    'Kolla',
    'Python dependencies',
    'packaging easier',
    'LXC/LXD',
    'OpenVZ',
    'drop-in replacements for KVM',
    'near to being ready',
    'factor of 10 or more',
    '14.5',
    '94',
    '57',
    'start faster',
    'network and disk IO',
    'isolation and security',
    'integration engine',
    'elastic resources',
    'single interface',
    'live up to the hype',
    'not a perfect fit',
    'non-OpenStack parts',
    'Neutron',
    'most commits',
    'Mark Collier',
    '89',
    'SDN',
    'NFV',
    'IPv6',
    'BGP integration with external networks',
    'Midokura',
    'Kyle Mestery',
    'San Antonio',
    'magnum baymodel-create',
    'CREATE_COMPLETE',
    'Ansible playbooks',
  ])('carries the report\'s or the research\'s "%s"', (fact) => {
    expect(texts.join(' ')).toContain(normalise(fact))
  })

  it.each(companies.map(company => company.name))('names %s', (name) => {
    expect(texts.join(' ')).toContain(normalise(name))
  })

  it('prints a QR code beside each talk link that decodes to the same URL', async () => {
    const decoded: string[] = []
    const sizes = await pageSizes(pdf)
    for (const index of appendixIndices(notes)) {
      const image = readPng(await renderPage(NOTES_PDF, index + 1, QR_DPI))
      // The QR codes are the square links; the URLs printed as text are wide, short ones.
      const squares = (await linkBoxes(pdf, index)).filter(({ rect }) => {
        const w = rect[2] - rect[0]
        const h = rect[3] - rect[1]
        return w > 40 && Math.abs(w - h) < 2
      })
      for (const box of squares) {
        const text = decodeQrIn(image, box.rect, sizes[index]!.height, QR_DPI)
        expect(text, `QR code linked to ${box.url}`).toBe(box.url)
        decoded.push(text!)
      }
    }
    expect(decoded.toSorted()).toEqual(talkUrls.toSorted())
  })

  it('has an outline: cover, each section with its slides, then the appendix with its talks', async () => {
    const outline = await readOutline(pdf)
    expect(outline.map(item => item.title)).toEqual([
      'Cover',
      ...deck.sections.map(s => s.title),
      APPENDIX_SECTION,
    ])
    expect(outline[0]!.pageIndex).toBe(0)
    deck.sections.forEach((section, i) => {
      const item = outline[i + 1]!
      expect(item.pageIndex).toBe(section.slides[0]!.number)
      expect(item.children.map(c => [c.title, c.pageIndex])).toEqual(section.slides.map(s => [`${s.number}. ${s.title}`, s.number]))
    })
    const appendix = outline.at(-1)!
    expect(appendix.pageIndex).toBe(1 + deck.slides.length)
    expect(appendix.children.map(c => c.title)).toEqual(talks.map(t => t.title))
  })

  it('carries title, author, subject, keywords and language, and is a tagged PDF', async () => {
    const { info } = await getMeta(pdf) as { info: Record<string, unknown> }
    expect(info.Title).toBe(`${deck.headmatter.title}: handout`)
    expect(info.Author).toBe(deck.headmatter.author)
    expect(info.Subject).toBe(deck.headmatter.info)
    expect(String(info.Keywords).split(', ')).toEqual([...deck.headmatter.keywords, 'handout'])
    expect(info.Language).toBe('en')
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true })
    const doc = await PDFDocument.load(await readFile(NOTES_PDF))
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined()
  })

  it('renders a slide page and the appendix to something a reader can see (screenshots saved)', async () => {
    const slidePage = await renderPage(NOTES_PDF, 6, 100)
    const appendixPage = await renderPage(NOTES_PDF, appendixIndices(notes)[0]! + 1, 100)
    await writeFile(join(OUT_DIR, 'slide-page.png'), slidePage)
    await writeFile(join(OUT_DIR, 'appendix-page.png'), appendixPage)
    for (const png of [slidePage, appendixPage]) {
      expect(inkCoverage(png)).toBeGreaterThan(0.02)
      expect(inkCoverage(png)).toBeLessThan(0.6)
    }
  })
})

describe('handout, three slides per page', () => {
  it('has a cover, three slides to a page, then the same appendix', async () => {
    const three = await openPdf(THREE_UP_PDF)
    const pages = Math.ceil(deck.slides.length / 3)
    const appendix = appendixIndices(threeUp)
    expect(appendix.length).toBe(appendixIndices(notes).length)
    expect(three.numPages).toBe(1 + pages + appendix.length)
    for (const size of await pageSizes(three)) {
      expect([
        Math.round(size.width),
        Math.round(size.height),
      ]).toEqual([595, 842])
    }
    const threeTexts = await pageTexts(three)
    for (const slide of deck.slides) {
      const page = 1 + Math.floor((slide.number - 1) / 3)
      expect(threeTexts[page], `slide ${slide.number}`).toContain(normalise(`Slide ${slide.number} of ${deck.slides.length} ${slide.title}`))
    }
    // No speaker notes in this layout: ruled lines take their place.
    expect(threeTexts[1]).not.toContain(firstSentence(deck.slides[1]!.note))
  })
})

describe('one numbering everywhere', () => {
  it('shows slide N at /N on the site, on page N of the slides PDF and as "Slide N of T" in the handout', async () => {
    const slidesPdf = await openPdf(SLIDES_PDF)
    const slideTexts = await pageTexts(slidesPdf)
    expect(slideTexts).toHaveLength(deck.slides.length)
    expect(siteHeadings.size).toBe(deck.slides.length)
    const total = deck.slides.length
    for (const slide of deck.slides) {
      const n = slide.number
      const heading = siteHeadings.get(n)!
      expect(heading, `/${n} on the site`).toBe(plainHeading(slide.heading ?? slide.title))
      expect(slideTexts[n - 1], `page ${n} of the slides PDF`).toContain(heading)
      const handoutPages = texts.flatMap((text, index) => text.includes(`Slide ${n} of ${total} `)
        ? [index]
        : [])
      expect(handoutPages, `"Slide ${n} of ${total}" in the handout`).toHaveLength(1)
      expect(texts[handoutPages[0]!], `the handout's "Slide ${n} of ${total}"`).toContain(heading)
    }
  })
})

/** A folder under the test output holding a copy of the last good handout, which a failed write must leave as it is. */
async function lastGoodHandout(name: string): Promise<{ dir: string, target: string, previous: Buffer }> {
  const dir = join(OUT_DIR, name)
  await mkdir(dir, { recursive: true })
  const target = join(dir, 'handout.pdf')
  const previous = await readFile(NOTES_PDF)
  await writeFile(target, previous)
  return { dir, target, previous }
}

describe('writing the handout', () => {
  it('leaves the previous handout byte-identical, and no temporary file, when it fails', async () => {
    const { dir, target, previous } = await lastGoodHandout('atomic')
    const browser = await connectBrowser()
    try {
      await expect(printPdf({
        layout: 'notes',
        distDir: inject('fixtureDist'),
        entry: FIXTURE_ENTRY,
        out: target,
        made: MADE,
        browser,
        onStage: (stage) => {
          if (stage === 'write')
            throw new PrintError('forced failure just before writing')
        },
      })).rejects.toThrow('forced failure')
    }
    finally {
      await browser.close()
    }
    expect(await readdir(dir)).toEqual(['handout.pdf'])
    expect(Buffer.compare(await readFile(target), previous)).toBe(0)
  })

  it('exits non-zero with a one-line reason, keeping the last good handout', async () => {
    const { dir, target, previous } = await lastGoodHandout('cli')
    const failed = await run(process.execPath, [
      SCRIPT,
      '--dist',
      join(dir, 'no-such-build'),
      '--out',
      target,
    ], { cwd: ROOT })
      .then(() => undefined, (error: { code: number, stderr: string }) => error)
    expect(failed?.code).toBe(1)
    const lines = failed!.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^handout failed: no built deck in .*no-such-build/)
    expect(await readdir(dir)).toEqual(['handout.pdf'])
    expect(Buffer.compare(await readFile(target), previous)).toBe(0)
  })
})

describe('handout route in a build without notes', () => {
  it('still builds and prints, without notes', async () => {
    // The fixture deck's public build (build:site's, --without-notes), against its full build, both made once per run by the global setup.
    const fixture = await loadDeck(FIXTURE_ENTRY)
    const browser = await connectBrowser()
    try {
      const withNotes = await printPdf({
        layout: 'notes',
        distDir: inject('fixtureDist'),
        entry: FIXTURE_ENTRY,
        out: join(OUT_DIR, 'fixture-with-notes.pdf'),
        made: MADE,
        browser,
      })
      expect(withNotes.manifest.hasNotes).toBe(true)
      const out = join(OUT_DIR, 'without-notes.pdf')
      const result = await printPdf({
        layout: 'notes',
        distDir: inject('fixtureSiteDist'),
        entry: FIXTURE_ENTRY,
        out,
        made: MADE,
        browser,
      })
      expect(result.manifest.hasNotes).toBe(false)
      expect(result.pages).toBe(withNotes.pages)
      const bare = await openPdf(out)
      const bareTexts = await pageTexts(bare)
      const slide = fixture.slides[1]!
      expect(bareTexts[slide.number]).toContain(plainHeading(slide.heading ?? slide.title))
      expect(bareTexts[slide.number]).not.toContain(firstSentence(slide.note))
      // The control: the same page of the handout with notes carries that sentence.
      expect((await pageTexts(await openPdf(join(OUT_DIR, 'fixture-with-notes.pdf'))))[slide.number]).toContain(firstSentence(slide.note))
    }
    finally {
      await browser.close()
    }
  })
})
