// The print route's machinery on the fixture deck, whose wording is free to change: in-deck links (an
// agenda's table of contents, a markdown link to /N and Slidev's <Link to="N">) become jumps to their
// page, an outside link stays a URI link, and the outline, metadata and tag tree follow the deck, in
// the slides PDF and in the handout. (The real deck's PDFs are checked for its content in export.test.ts
// and handout.test.ts.)
import type { Browser } from 'playwright-chromium'
import type { Deck } from '../scripts/lib/deck.ts'
import type { PrintLayout } from '../scripts/lib/print.ts'
import type { PdfProxy } from './support/pdf-read.ts'
import { join } from 'node:path'
import { getMeta } from 'unpdf'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadDeck } from '../scripts/lib/deck.ts'
import { printPdf } from '../scripts/lib/print.ts'
import { connectBrowser } from './support/browser.ts'
import { FIXTURE_ENTRY } from './support/fixture.ts'
import { TEST_OUTPUT } from './support/paths.ts'
import { internalLinkTargets, linkBoxes, openPdf, readOutline } from './support/pdf-read.ts'

const OUT_DIR = join(TEST_OUTPUT, 'print-fixture')
const deck: Deck = await loadDeck(FIXTURE_ENTRY)

function slideTitled(title: string): Deck['slides'][number] {
  const slide = deck.slides.find(s => s.title === title)
  if (!slide)
    throw new Error(`the fixture deck has no slide "${title}"`)
  return slide
}

const agenda = slideTitled('Agenda')
const linkOut = slideTitled('A link out')
const backInside = slideTitled('Back inside')

let browser: Browser
beforeAll(async () => {
  browser = await connectBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe.each([
  // In the slides PDF slide N is page N; the handout has its cover first, so slide N is page N + 1.
  {
    layout: 'slides',
    pageOf: (no: number) => no - 1,
  },
  {
    layout: 'notes',
    pageOf: (no: number) => no,
  },
] as const satisfies readonly { layout: PrintLayout, pageOf: (no: number) => number }[])('the fixture deck printed in the $layout layout', ({ layout, pageOf }) => {
  let pdf: PdfProxy

  beforeAll(async () => {
    const out = join(OUT_DIR, `${layout}.pdf`)
    await printPdf({
      layout,
      distDir: inject('fixtureDist'),
      entry: FIXTURE_ENTRY,
      out,
      made: '2026-01-15',
      browser,
    })
    pdf = await openPdf(out)
  })

  it('turns the agenda\'s table of contents and its link to /N into jumps to those slides\' pages', async () => {
    const targets = await internalLinkTargets(pdf, pageOf(agenda.number))
    const sectionStarts = deck.sections.flatMap(section => section.slides.filter(slide => slide.level === 1 && slide.frontmatter.hideInToc !== true).map(slide => pageOf(slide.number)))
    expect(sectionStarts.length).toBeGreaterThan(0)
    // The table of contents lists the level-1 slides; the markdown link names slide 5.
    for (const start of sectionStarts)
      expect(targets).toContain(start)
    expect(targets).toContain(pageOf(5))
    for (const target of targets) {
      expect([
        ...sectionStarts,
        pageOf(5),
      ]).toContain(target)
    }
  })

  it('turns <Link to="2"> into a jump to slide 2\'s page', async () => {
    expect(await internalLinkTargets(pdf, pageOf(backInside.number))).toEqual([
      pageOf(2),
    ])
  })

  it('keeps an outside link a URI link', async () => {
    expect((await linkBoxes(pdf, pageOf(linkOut.number))).map(link => link.url)).toContain('https://sli.dev/guide/')
  })

  it('has an outline by section, each with its slides, numbered as on the site', async () => {
    const outline = await readOutline(pdf)
    const sections = outline.filter(item => deck.sections.some(section => section.title === item.title))
    expect(sections.map(item => item.title)).toEqual(deck.sections.map(section => section.title))
    for (const [i, item] of sections.entries()) {
      const slides = deck.sections[i]!.slides
      expect(item.pageIndex).toBe(pageOf(slides[0]!.number))
      expect(item.children.map(child => child.title)).toEqual(slides.map(slide => `${slide.number}. ${slide.title}`))
      expect(item.children.map(child => child.pageIndex)).toEqual(slides.map(slide => pageOf(slide.number)))
    }
  })

  it('carries the headmatter as metadata and is a tagged PDF', async () => {
    const { info } = await getMeta(pdf) as { info: Record<string, unknown> }
    expect(info.Title).toBe(layout === 'slides'
      ? deck.headmatter.title
      : `${deck.headmatter.title}: handout`)
    expect(info.Author).toBe(deck.headmatter.author)
    expect(info.Language).toBe(deck.headmatter.lang)
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true })
  })
})
