import type { Browser } from 'playwright-chromium'
import type { Deck } from '../scripts/lib/deck.ts'
import type { PrintOptions, PrintResult } from '../scripts/lib/print.ts'
import { Buffer } from 'node:buffer'
import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib'
import { extractText, getDocumentProxy, getMeta } from 'unpdf'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { companies } from '../data/companies.ts'
import { talks } from '../data/talks.ts'
import { loadDeck } from '../scripts/lib/deck.ts'
import { addPdfOutline, setPdfMetadata } from '../scripts/lib/pdf-document.ts'
import { printPdf } from '../scripts/lib/print.ts'
import { connectBrowser } from './support/browser.ts'
import { SECTIONS } from './support/deck.ts'
import { FIXTURE_ENTRY } from './support/fixture.ts'
import { ROOT, TEST_OUTPUT } from './support/paths.ts'
import { destinationPage, normalise } from './support/pdf-read.ts'

const OUT_DIR = join(TEST_OUTPUT, 'export')
const EXPORT_SCRIPT = resolve(ROOT, 'scripts/export.ts')
const run = promisify(execFile)

type PDFDocumentProxy = Awaited<ReturnType<typeof getDocumentProxy>>

/** pdf.js's annotation type for links (AnnotationType.LINK). */
const LINK = 2

interface LinkAnnotation {
  url?: string
  unsafeUrl?: string
  dest?: unknown
}

interface OutlineNode {
  title: string
  dest: string | unknown[] | null
  items: OutlineNode[]
}

function href(url: string): string {
  return new URL(url).href
}

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  return getDocumentProxy(new Uint8Array(bytes))
}

async function links(pdf: PDFDocumentProxy, pageIndex: number): Promise<LinkAnnotation[]> {
  const page = await pdf.getPage(pageIndex + 1)
  const annotations = await page.getAnnotations() as Array<LinkAnnotation & { annotationType: number }>
  return annotations.filter(annotation => annotation.annotationType === LINK)
}

/** The slides PDF, as `npm run export` prints it: the print route's `slides` layout. */
function exportSlidesPdf(options: Omit<PrintOptions, 'layout'>): Promise<PrintResult> {
  return printPdf({ ...options, layout: 'slides' })
}

async function expectOnlyFile(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  expect(await readdir(dir)).toEqual([name])
  expect(Buffer.compare(await readFile(join(dir, name)), bytes)).toBe(0)
}

let deck: Deck
/** The fixture deck, on which a failed export is tested (its build is made once per run by the global setup). */
let fixture: Deck
/** The real deck's slides PDF, printed by printPdf once per run by the global setup (tests/support/prints.ts; handout.test.ts reads it too). */
let result: PrintResult
let bytes: Uint8Array
let pdf: PDFDocumentProxy
let pageTexts: string[]
let allText: string
/** The run's one Chromium, for the failed exports below. */
let browser: Browser

beforeAll(async () => {
  await rm(OUT_DIR, { recursive: true, force: true })
  deck = await loadDeck()
  fixture = await loadDeck(FIXTURE_ENTRY)
  browser = await connectBrowser()
  result = inject('realPrints').slides
  expect(result.layout).toBe('slides')
  bytes = new Uint8Array(await readFile(result.out))
  pdf = await open(bytes)
  pageTexts = (await extractText(pdf)).text.map(normalise)
  allText = pageTexts.join(' ')
})

afterAll(async () => {
  await browser?.close()
})

describe('the exported PDF', () => {
  it('has one page per slide, each the size of the canvas', async () => {
    expect(deck.slides.length).toBeGreaterThan(0)
    expect(pdf.numPages).toBe(deck.slides.length)
    expect(result.pages).toBe(deck.slides.length)
    const { width, height } = deck.headmatter.canvas
    for (let n = 1; n <= pdf.numPages; n++) {
      const [, , w = 0, h = 0] = (await pdf.getPage(n)).view
      // CSS pixels to points is x 0.75; Chromium rounds the page box up to the next point.
      expect(w).toBeCloseTo(width * 0.75, 0)
      expect(h).toBeGreaterThanOrEqual(height * 0.75 - 0.5)
      expect(h).toBeLessThanOrEqual(height * 0.75 + 1)
    }
  })

  it('has text on every page, and each slide\'s heading on its own page', () => {
    deck.slides.forEach((slide, index) => {
      const text = pageTexts[index] ?? ''
      expect(text.length, `page ${index + 1} (${slide.title}) has no text`).toBeGreaterThan(20)
      expect(text, `page ${index + 1}`).toContain(normalise(slide.heading ?? slide.title))
    })
  })

  it('prints only the slides, not the app around them', () => {
    expect(allText).not.toMatch(/Caching for offline|Ready offline/)
  })

  // What the slides themselves show; everything else the report says is in the notes, which the
  // handout prints (tests/handout.test.ts checks the handout for every fact).
  it.each([
    'over 5000',
    '14 tracks',
    'Innovation Center',
    '1000 nodes',
    'Magnum',
    'Kuryr',
    'libnetwork',
    'Kolla',
    'LXD',
    'OpenVZ',
    'factor of 10 or more',
    'Neutron',
    'BGP',
    'Square Kilometre Array',
    'Kubernetes',
    'Docker Swarm',
    'design summit',
    'Python dependency',
  ])('contains the report\'s "%s"', (fact) => {
    expect(allText).toContain(fact)
  })

  it.each(companies.map(company => company.name))('names %s', (name) => {
    expect(allText).toContain(name)
  })

  it('reveals every click: all three ways containers matter are printed', () => {
    const slide = deck.slides.find(s => s.frontmatter.topic === 'three-ways')
    expect(slide).toBeDefined()
    const text = pageTexts[(slide?.number ?? 0) - 1] ?? ''
    for (const way of ['containerised apps on OpenStack', 'OpenStack itself in containers', 'containers instead of full virtualisation'])
      expect(text).toContain(way)
  })

  it('makes each talk\'s name a clickable URI link to its first link on the talks slides (every link is in the handout)', async () => {
    const talkPages = deck.slides.filter(slide => slide.section === 'Talks worth watching').map(slide => slide.number - 1)
    expect(talkPages.length).toBeGreaterThan(0)
    const uris = new Set<string>()
    for (const index of talkPages) {
      for (const link of await links(pdf, index)) {
        const target = link.unsafeUrl ?? link.url
        if (target)
          uris.add(href(target))
      }
    }
    const expected = talks.flatMap(talk => talk.links.slice(0, 1).map(link => href(link.url)))
    expect(expected.length).toBeGreaterThan(0)
    for (const url of expected)
      expect(uris, url).toContain(url)
  })

  it('leaves no link pointing at the server the PDF was printed from', async () => {
    for (let index = 0; index < pdf.numPages; index++) {
      for (const link of await links(pdf, index))
        expect(link.unsafeUrl ?? link.url ?? '').not.toMatch(/^https?:\/\/(?:127\.0\.0\.1|localhost)[:/]/)
    }
  })

  it('turns the agenda into jumps to the sections\' first pages', async () => {
    const agenda = deck.slides.find(slide => slide.title === 'Agenda')
    expect(agenda).toBeDefined()
    const jumps = (await links(pdf, (agenda?.number ?? 0) - 1)).filter(link => link.dest)
    expect(jumps.length).toBeGreaterThan(0)
    const sectionStarts = deck.sections.map(section => (section.slides[0]?.number ?? 0) - 1)
    for (const jump of jumps)
      expect(sectionStarts).toContain(await destinationPage(pdf, jump.dest))
  })

  it('has an outline of the sections, each with its slides', async () => {
    const outline = (await pdf.getOutline()) as OutlineNode[] | null
    expect(outline?.map(item => item.title)).toEqual([...SECTIONS])
    for (const item of outline ?? []) {
      const section = deck.sections.find(s => s.title === item.title)
      expect(section, item.title).toBeDefined()
      const slides = section?.slides ?? []
      expect(await destinationPage(pdf, item.dest)).toBe((slides[0]?.number ?? 0) - 1)
      // Numbered as on the site: "7. Title" opens page 7, which is /7.
      expect(item.items.map(child => child.title)).toEqual(slides.map(slide => `${slide.number}. ${slide.title}`))
      for (const [i, child] of item.items.entries())
        expect(await destinationPage(pdf, child.dest)).toBe((slides[i]?.number ?? 0) - 1)
    }
  })

  it('carries the headmatter as metadata, with the language', async () => {
    const { info } = await getMeta(pdf) as { info: Record<string, unknown> }
    expect(info.Title).toBe(deck.headmatter.title)
    expect(info.Title).toContain('Tokyo')
    expect(info.Author).toBe(deck.headmatter.author)
    expect(info.Author).toBeTruthy()
    expect(info.Subject).toBe(deck.headmatter.info)
    expect(String(info.Keywords)).toContain('Magnum')
    expect(info.Language).toBe('en')
  })

  it('is a tagged PDF, printed in one pass (the tag tree survives the finishing)', async () => {
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true })
    const doc = await PDFDocument.load(bytes)
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined()
    const { info } = await getMeta(pdf) as { info: Record<string, unknown> }
    expect(info.Creator).toBe('Slidev /handout?layout=slides (scripts/lib/print.ts)')
  })
})

describe('a failed export', () => {
  /** A folder holding only a copy of the good PDF, as the file a failed export must not touch. */
  async function previous(name: string): Promise<{ dir: string, out: string }> {
    const dir = join(OUT_DIR, name)
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    const out = join(dir, 'slides.pdf')
    await writeFile(out, bytes)
    return { dir, out }
  }

  it('rejects a folder that is not a build, leaving the old PDF as it was', async () => {
    const { dir, out } = await previous('not-a-build')
    const empty = join(OUT_DIR, 'empty-dist')
    await mkdir(empty, { recursive: true })
    await expect(exportSlidesPdf({ distDir: empty, out })).rejects.toThrow(/index\.html/)
    await expectOnlyFile(dir, 'slides.pdf', bytes)
  })

  it('rejects a build of a different deck before writing anything', async () => {
    const { dir, out } = await previous('stale-build')
    const entry = join(OUT_DIR, 'two-slides.md')
    await writeFile(entry, '---\ntitle: Two\nsection: Only\n---\n\n# One\n\n---\n\n# Two\n')
    await expect(exportSlidesPdf({
      distDir: inject('fixtureDist'),
      out,
      entry,
      browser,
    }))
      .rejects
      .toThrow(`has ${fixture.slides.length} slides but`)
    await expectOnlyFile(dir, 'slides.pdf', bytes)
  })

  it('stops at a failure just before the write, leaving no temporary file', async () => {
    const { dir, out } = await previous('forced')
    const stages: string[] = []
    await expect(exportSlidesPdf({
      distDir: inject('fixtureDist'),
      entry: FIXTURE_ENTRY,
      out,
      browser,
      onStage: (stage) => {
        stages.push(stage)
        if (stage === 'write')
          throw new Error('forced failure')
      },
    })).rejects.toThrow('forced failure')
    expect(stages).toEqual([
      'build',
      'render',
      'post-process',
      'write',
    ])
    await expectOnlyFile(dir, 'slides.pdf', bytes)
  })

  it('cleans up when the write itself fails', async () => {
    // A folder where the PDF should go makes the final rename fail after the bytes are on disk.
    const { dir } = await previous('write-fails')
    const out = join(dir, 'in-the-way')
    await mkdir(join(out, 'keep'), { recursive: true })
    await expect(exportSlidesPdf({
      distDir: inject('fixtureDist'),
      entry: FIXTURE_ENTRY,
      out,
      browser,
    })).rejects.toThrow()
    expect((await readdir(dir)).sort()).toEqual(['in-the-way', 'slides.pdf'])
    expect(await readdir(out)).toEqual(['keep'])
    expect(Buffer.compare(await readFile(join(dir, 'slides.pdf')), bytes)).toBe(0)
  })

  async function cli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number, stdout: string, stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [EXPORT_SCRIPT, ...args], { cwd: ROOT, env })
      return { code: 0, stdout, stderr }
    }
    catch (error) {
      const { code, stdout = '', stderr = '' } = error as { code?: number, stdout?: string, stderr?: string }
      return {
        code: typeof code === 'number'
          ? code
          : -1,
        stdout,
        stderr,
      }
    }
  }

  it('exits non-zero with one line from the command line', async () => {
    const { dir, out } = await previous('cli-bad-dist')
    const { code, stderr } = await cli([
      '--dist',
      join(OUT_DIR, 'no-such-dist'),
      '--out',
      out,
    ])
    expect(code).not.toBe(0)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^export failed: .*index\.html/)
    await expectOnlyFile(dir, 'slides.pdf', bytes)
  })

  it('names the fix in one line when there is no browser', async () => {
    const { dir, out } = await previous('cli-no-browser')
    const { code, stderr } = await cli([
      '--dist',
      inject('fixtureDist'),
      '--entry',
      FIXTURE_ENTRY,
      '--out',
      out,
    ], {
      ...process.env,
      // Neither Playwright's browser nor the one CHROMIUM_PATH names exists.
      PLAYWRIGHT_BROWSERS_PATH: join(OUT_DIR, 'no-browsers'),
      CHROMIUM_PATH: join(OUT_DIR, 'no-chromium'),
    })
    expect(code).not.toBe(0)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain('CHROMIUM_PATH')
    await expectOnlyFile(dir, 'slides.pdf', bytes)
  })
})

describe('the PDF helpers', () => {
  async function blank(pages: number): Promise<PDFDocument> {
    const doc = await PDFDocument.create()
    for (let i = 0; i < pages; i++)
      doc.addPage([200, 100])
    return doc
  }

  it('writes a nested outline that pdf.js reads back, with closed entries counted negative', async () => {
    const doc = await blank(4)
    addPdfOutline(doc, [
      {
        title: 'A',
        pageIndex: 0,
        children: [
          { title: 'A1', pageIndex: 1 },
          { title: 'A2 “quoted” ✓', pageIndex: 2 },
        ],
      },
      {
        title: 'B',
        pageIndex: 3,
        open: false,
        children: [
          { title: 'B1', pageIndex: 3 },
        ],
      },
    ])
    const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict)
    // Visible items: A, A1, A2 and B (B1 is inside closed B).
    expect(root.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(4)
    const reread = await open(await doc.save())
    const outline = (await reread.getOutline()) as OutlineNode[]
    expect(outline.map(item => [
      item.title,
      item.items.map(child => child.title),
    ])).toEqual([
      [
        'A',
        ['A1', 'A2 “quoted” ✓'],
      ],
      [
        'B',
        ['B1'],
      ],
    ])
    expect(await Promise.all(outline.flatMap(item => [item, ...item.items]).map(item => destinationPage(reread, item.dest)))).toEqual([0, 1, 2, 3, 3])
    const closed = outline[1] as OutlineNode & { count?: number }
    expect(closed.count).toBe(-1)
  })

  it('refuses an outline entry for a page that does not exist', async () => {
    const doc = await blank(2)
    expect(() => addPdfOutline(doc, [
      { title: 'Nowhere', pageIndex: 2 },
    ])).toThrow(RangeError)
  })

  it('keeps multi-word keywords apart and sets the language', async () => {
    const doc = await blank(1)
    setPdfMetadata(doc, {
      title: 'T',
      author: 'A',
      subject: 'S',
      keywords: ['OpenStack Summit', 'Tokyo 2015'],
      language: 'en',
    })
    const { info } = await getMeta(await open(await doc.save())) as { info: Record<string, unknown> }
    expect(info).toMatchObject({
      Title: 'T',
      Author: 'A',
      Subject: 'S',
      Keywords: 'OpenStack Summit, Tokyo 2015',
      Language: 'en',
    })
  })
})
