import type { Browser, Page } from 'playwright-chromium'
// `npm run export`: the slides as a PDF, one page per slide with every click revealed, with
// metadata, a section outline and clickable talk links. Usage: node scripts/export.ts [--dist DIR] [--out PATH]
import type { Deck } from './lib/deck.ts'
import type { PdfOutlineEntry } from './lib/pdf.ts'
import { isAbsolute, relative, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { writeFileAtomic } from './lib/atomic.ts'
import { launchChromium } from './lib/browser.ts'
import { firstLine, printableBuild } from './lib/build.ts'
import { DECK_ROOT, loadDeck } from './lib/deck.ts'
import { addPdfOutline, concatPdfs, pdfUriLinks, retargetLocalLinks, setPdfMetadata, waitForFontsAndImages, withPdfPage } from './lib/pdf.ts'
import { serveStatic } from './lib/serve.ts'

export const DEFAULT_OUT = resolve(DECK_ROOT, 'exports/openstack-tokyo-2015.pdf')

export type ExportStage = 'build' | 'render' | 'post-process' | 'write'

export interface ExportOptions {
  /** An existing `slidev build`; without it the deck is built into a temporary folder first. */
  distDir?: string
  /** Where the PDF goes; DEFAULT_OUT unless set. */
  out?: string
  /** The base the build was made for (`slidev build --base`); "/" unless set. */
  base?: string
  /** The deck's markdown entry, for slide count, titles and sections. */
  entry?: string
  /** Told when each stage starts; throwing from it aborts the export (tests use this to force failures). */
  onStage?: (stage: ExportStage, detail: string) => void | Promise<void>
  timeout?: number
}

export interface ExportResult {
  out: string
  pages: number
  bytes: number
  /** External URI link annotations in the PDF. */
  links: string[]
  milliseconds: number
}

export class ExportError extends Error {
  override name = 'ExportError'
}

/** Sections at the top, each opening on its first slide, with all of its slides under it. */
export function sectionOutline(deck: Deck): PdfOutlineEntry[] {
  return deck.sections.flatMap((section): PdfOutlineEntry[] => {
    const slides = section.slides.map(slide => ({ title: slide.title, pageIndex: slide.number - 1 }))
    const first = slides[0]
    if (section.title === undefined || !first)
      return slides
    return [
      { title: section.title, pageIndex: first.pageIndex, children: slides },
    ]
  })
}

interface RenderedSlides {
  /** One single-page PDF per slide, in order. */
  pages: Uint8Array[]
  /** Per slide, the targets of the links it shows. */
  links: string[][]
  pageErrors: string[]
  blockedRequests: string[]
  chromium: string
}

/**
 * Slidev's own overlays that are not part of any slide but float over it in the play view: the
 * PWA's "Caching for offline…" badge would otherwise be printed on every page.
 */
const HIDE_APP_CHROME = '.slidev-pwa-indicator { display: none !important; }'

/**
 * The play view scales the slide to fit the viewport, and a canvas like 980 x 551.25 cannot fit an
 * integer viewport exactly: the sub-pixel gap shows the black letterbox as hairlines on the page's
 * edges. Painting the letterbox in the slide's own background hides them.
 */
async function matchLetterbox(page: Page): Promise<void> {
  await page.evaluate(() => {
    const content = document.querySelector('#slide-content')
    if (content)
      document.documentElement.style.setProperty('--slidev-slide-container-background', getComputedStyle(content).backgroundColor)
  })
}

/**
 * Links to other slides (the agenda's) are written "#/4" or "/4". Chromium drops a fragment link
 * whose target id does not exist, so each becomes an absolute link to that slide on the server,
 * which Chromium keeps and retargetLocalLinks later turns into a jump to the page.
 */
async function pointSlideLinksAtServer(page: Page, no: number, base: string): Promise<void> {
  await page.locator(`[data-slidev-no="${no}"] a[href]`).evaluateAll((anchors, base) => {
    for (const anchor of anchors as HTMLAnchorElement[]) {
      const raw = anchor.getAttribute('href') ?? ''
      const url = new URL(anchor.href)
      const path = raw.startsWith('#')
        ? `${base}${raw.replace(/^#\/?/, '')}`
        : url.pathname
      const target = url.origin === location.origin && path.startsWith(base)
        ? /^\d+$/.exec(path.slice(base.length))?.[0]
        : undefined
      if (target !== undefined)
        anchor.setAttribute('href', `${location.origin}${base}${target}`)
    }
  }, base)
}

/**
 * Prints each slide from the play route in print mode (`?print=true`: every click revealed, no
 * transitions). Slidev's one-piece /print route is compiled into a build only when the headmatter
 * allows downloads, so this works from any build. Slides after the first are reached through the
 * router, not by reloading, since the print view has already mounted every slide.
 */
async function renderSlides(browser: Browser, url: string, deck: Deck, timeout?: number): Promise<RenderedSlides> {
  const { width, height } = deck.headmatter.canvas
  const base = new URL(url).pathname
  return withPdfPage({
    browser,
    width,
    height,
    timeout,
    tagged: false,
  }, async (session) => {
    const { page } = session
    const pages: Uint8Array[] = []
    const links: string[][] = []
    await page.goto(`${url}1?print=true`, { waitUntil: 'networkidle' })
    // The print view mounts every slide of the build, lazily (the headmatter's `preload: false`), so
    // the count is taken once the network is idle, inside the app's slideshow (the static first paint
    // of index.html carries a copy of slide 1): a stale build shows up in it.
    await page.locator('#slideshow [data-slidev-no="1"]').waitFor()
    const built = await page.locator('#slideshow [data-slidev-no]').count()
    if (built !== deck.slides.length)
      throw new ExportError(`the build has ${built} slides but ${relative(DECK_ROOT, deck.entry)} has ${deck.slides.length}: rebuild it`)
    for (const slide of deck.slides) {
      if (slide.number > 1) {
        await page.evaluate((path) => {
          history.pushState(null, '', path)
          dispatchEvent(new PopStateEvent('popstate', { state: null }))
        }, `${base}${slide.number}?print=true`)
      }
      // Exactly this slide shown, mounted (no loading placeholder), with its fonts and images in.
      await page.waitForFunction((no) => {
        const shown = Array.from(document.querySelectorAll<HTMLElement>('[data-slidev-no]'))
          .filter(element => element.checkVisibility())
        return shown.length === 1 && shown[0]?.dataset.slidevNo === String(no)
          && shown[0].querySelector('.slidev-slide-loading') === null
      }, slide.number).catch((error: unknown) => {
        throw new ExportError(`slide ${slide.number} ("${slide.title}") was not shown: ${firstLine(error)}`)
      })
      await waitForFontsAndImages(page)
      if (slide.number === 1) {
        await matchLetterbox(page)
        await page.addStyleTag({ content: HIDE_APP_CHROME })
      }
      await pointSlideLinksAtServer(page, slide.number, base)
      links.push(await session.visibleLinks(`[data-slidev-no="${slide.number}"]`))
      pages.push(await session.print({ pageRanges: '1' }))
    }
    return {
      pages,
      links,
      pageErrors: [...session.pageErrors],
      blockedRequests: [...session.blockedRequests],
      chromium: browser.version(),
    }
  })
}

/** Builds (unless given a build), prints Slidev's print view to PDF, finishes it and writes it atomically. */
export async function exportSlidesPdf(options: ExportOptions = {}): Promise<ExportResult> {
  const started = performance.now()
  const out = resolve(options.out ?? DEFAULT_OUT)
  const base = options.base ?? '/'
  const stage = async (name: ExportStage, detail: string): Promise<void> => {
    await options.onStage?.(name, detail)
  }

  const deck = await loadDeck(options.entry)
  const { width, height } = deck.headmatter.canvas

  const build = await printableBuild(options.distDir, {
    tempPrefix: 'recap-export-',
    onStage: detail => stage('build', detail),
    fail: message => new ExportError(message),
  })
  const { distDir } = build

  try {
    await stage('render', `printing ${deck.slides.length} slides at ${width}x${height} with Chromium`)
    const server = await serveStatic(distDir, { base })
    let rendered: RenderedSlides
    try {
      const browser = await launchChromium()
      try {
        rendered = await renderSlides(browser, server.url, deck, options.timeout)
      }
      finally {
        await browser.close()
      }
    }
    finally {
      await server.close()
    }
    if (rendered.pageErrors.length > 0)
      throw new ExportError(`the deck threw while printing: ${rendered.pageErrors[0]}`)
    if (rendered.blockedRequests.length > 0)
      throw new ExportError(`the deck requested a non-local URL while printing: ${rendered.blockedRequests[0]}`)

    await stage('post-process', 'merging pages, links, metadata and outline with pdf-lib')
    const doc = await concatPdfs(rendered.pages)
    if (doc.getPageCount() !== deck.slides.length)
      throw new ExportError(`the PDF has ${doc.getPageCount()} pages but the deck has ${deck.slides.length} slides`)
    const origin = new URL(server.url).origin
    retargetLocalLinks(doc, `${origin}/`, base, slide => slide - 1)
    const annotated = pdfUriLinks(doc)
    const external: string[] = []
    rendered.links.forEach((links, pageIndex) => {
      for (const link of links.filter(link => !link.startsWith(`${origin}/`))) {
        if (!annotated.some(a => a.pageIndex === pageIndex && a.uri === link))
          throw new ExportError(`the link to ${link} on slide ${pageIndex + 1} did not become a PDF link`)
        external.push(link)
      }
    })
    const stray = annotated.find(link => link.uri.startsWith(`${origin}/`))
    if (stray)
      throw new ExportError(`slide ${stray.pageIndex + 1} links to the export's own server (${stray.uri})`)

    const { headmatter } = deck
    setPdfMetadata(doc, {
      title: headmatter.title,
      author: headmatter.author,
      subject: headmatter.info,
      keywords: headmatter.keywords,
      language: headmatter.lang ?? 'en',
      creator: 'Slidev (scripts/export.ts)',
      producer: `Chromium ${rendered.chromium} and pdf-lib`,
    })
    addPdfOutline(doc, sectionOutline(deck))
    const bytes = await doc.save()

    await stage('write', `${bytes.length} bytes to ${shown(out)}`)
    await writeFileAtomic(out, bytes)
    return {
      out,
      pages: doc.getPageCount(),
      bytes: bytes.length,
      links: [
        ...new Set(external),
      ],
      milliseconds: Math.round(performance.now() - started),
    }
  }
  finally {
    await build.dispose()
  }
}

/** A path as the user would type it: relative when under the working directory. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') || isAbsolute(rel)
    ? path
    : rel
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dist: { type: 'string' },
      out: { type: 'string' },
      base: { type: 'string' },
    },
  })
  const result = await exportSlidesPdf({
    distDir: values.dist,
    out: values.out,
    base: values.base,
    onStage: (name, detail) => console.log(`${name}: ${detail}`),
  })
  console.log(`done: ${shown(result.out)}, ${result.pages} pages, ${(result.bytes / 1024).toFixed(0)} KiB, ${result.links.length} links, ${(result.milliseconds / 1000).toFixed(1)} s`)
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`export failed: ${firstLine(error)}`)
    process.exitCode = 1
  })
}
