// `npm run handout`: the handout PDF, printed by Chromium from the deck's own /handout route (one
// slide per page with its speaker notes, or `--layout 3up`), then given metadata and an outline.
// Usage: node scripts/handout.ts [--layout notes|3up] [--dist DIR] [--out PATH] [--base /] [--made YYYY-MM-DD]
import type { Browser } from 'playwright-chromium'
import type { HandoutLayout, HandoutManifest, HandoutState } from '../handout/model.ts'
import { relative, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { PDFDocument } from 'pdf-lib'
import { HANDOUT_GLOBAL, HANDOUT_LAYOUTS, outlineFromManifest, PAGE_MM, PX_PER_MM } from '../handout/model.ts'
import { writeFileAtomic } from './lib/atomic.ts'
import { launchChromium } from './lib/browser.ts'
import { firstLine, printableBuild, slidevBuild } from './lib/build.ts'
import { DECK_ROOT, loadDeck } from './lib/deck.ts'
import { addPdfOutline, pdfUriLinks, retargetLocalLinks, setPdfMetadata, waitForFontsAndImages, withPdfPage } from './lib/pdf.ts'
import { serveStatic } from './lib/serve.ts'

export type HandoutStage = 'build' | 'render' | 'post-process' | 'write'

export interface HandoutOptions {
  layout?: HandoutLayout
  /** An existing `slidev build`; without it the deck is built into a temporary folder first. */
  distDir?: string
  /** Where the PDF goes; `exports/<exportFilename>-handout[-3up].pdf` unless set. */
  out?: string
  /** The base the build was made for (`slidev build --base`); "/" unless set. */
  base?: string
  /** The deck's markdown entry, to check the build against. */
  entry?: string
  /** The made-on date the cover shows and the PDF carries (YYYY-MM-DD); today unless set. */
  made?: string
  /** Reuse a running Chromium (the benchmark does); otherwise one is launched and closed. */
  browser?: Browser
  /** Told when each stage starts; throwing from it aborts the handout (tests force failures so). */
  onStage?: (stage: HandoutStage, detail: string) => void | Promise<void>
  timeout?: number
}

export interface HandoutResult {
  out: string
  layout: HandoutLayout
  pages: number
  bytes: number
  /** External URI link annotations in the PDF. */
  links: string[]
  manifest: HandoutManifest
  milliseconds: number
}

export class HandoutError extends Error {
  override name = 'HandoutError'
}

/** A4 in CSS pixels, for Chromium's fallback page size; the route's @page rule decides. */
const A4_PX = {
  width: Math.round(PAGE_MM.width * PX_PER_MM),
  height: Math.round(PAGE_MM.height * PX_PER_MM),
}
/** A4 in PDF points, with a little tolerance for rounding. */
const A4_PT = { width: 595.28, height: 841.89 }

export function defaultHandoutOut(exportFilename: string | undefined, layout: HandoutLayout): string {
  const stem = exportFilename ?? 'slides'
  return resolve(DECK_ROOT, 'exports', `${stem}-handout${layout === '3up'
    ? '-3up'
    : ''}.pdf`)
}

/** Builds the deck with `slidev build` into `outDir`. */
export async function buildDeck(outDir: string): Promise<void> {
  try {
    await slidevBuild(['--out', outDir])
  }
  catch (error) {
    throw new HandoutError(firstLine(error))
  }
}

function madeDate(made: string | undefined): Date | undefined {
  if (made === undefined)
    return undefined
  if (!/^\d{4}-\d{2}-\d{2}$/.test(made) || Number.isNaN(new Date(`${made}T12:00:00Z`).getTime()))
    throw new HandoutError(`--made must be a date as YYYY-MM-DD, not "${made}"`)
  return new Date(`${made}T12:00:00Z`)
}

/** Builds (unless given a build), prints the /handout route to PDF, finishes it and writes it atomically. */
export async function exportHandoutPdf(options: HandoutOptions = {}): Promise<HandoutResult> {
  const started = performance.now()
  const layout = options.layout ?? 'notes'
  if (!HANDOUT_LAYOUTS.includes(layout))
    throw new HandoutError(`unknown layout "${String(layout)}": use ${HANDOUT_LAYOUTS.join(' or ')}`)
  const base = options.base ?? '/'
  const made = madeDate(options.made)
  const stage = async (name: HandoutStage, detail: string): Promise<void> => {
    await options.onStage?.(name, detail)
  }

  const deck = await loadDeck(options.entry)
  const out = resolve(options.out ?? defaultHandoutOut(deck.headmatter.exportFilename, layout))

  const build = await printableBuild(options.distDir, {
    tempPrefix: 'recap-handout-',
    onStage: detail => stage('build', detail),
    fail: message => new HandoutError(message),
  })
  const { distDir } = build

  try {
    await stage('render', `printing /handout (${layout}) with Chromium`)
    const server = await serveStatic(distDir, { base })
    let rendered: { bytes: Uint8Array, manifest: HandoutManifest, links: string[], pageErrors: string[], blockedRequests: string[], chromium: string }
    try {
      const browser = options.browser ?? await launchChromium()
      try {
        rendered = await withPdfPage({
          browser,
          ...A4_PX,
          viewport: { width: 1000, height: 1200 },
          media: 'print',
          tagged: true,
          timeout: options.timeout,
        }, async (session) => {
          const query = new URLSearchParams({ print: 'true', layout })
          if (options.made)
            query.set('made', options.made)
          await session.page.goto(`${server.url}handout?${query}`, { waitUntil: 'load' })
          // The route lays itself out (slides mounted, fonts in, appendix paginated, notes fitted) and says so.
          await session.page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.handout ?? ''))
          const state = await session.page.evaluate(name => (window as unknown as Record<string, unknown>)[name], HANDOUT_GLOBAL) as HandoutState
          if (state.status === 'error')
            throw new HandoutError(`the /handout route failed: ${state.error}`)
          if (state.overflow.length > 0)
            throw new HandoutError(`the notes of slide ${state.overflow.join(', ')} do not fit on their page even at the smallest size: shorten them`)
          await waitForFontsAndImages(session.page)
          const links = await session.visibleLinks('.handout-root')
          const bytes = await session.print()
          return {
            bytes,
            manifest: state.manifest,
            links,
            pageErrors: [...session.pageErrors],
            blockedRequests: [...session.blockedRequests],
            chromium: browser.version(),
          }
        })
      }
      finally {
        if (!options.browser)
          await browser.close()
      }
    }
    finally {
      await server.close()
    }
    if (rendered.pageErrors.length > 0)
      throw new HandoutError(`the deck threw while printing the handout: ${rendered.pageErrors[0]}`)
    if (rendered.blockedRequests.length > 0)
      throw new HandoutError(`the handout requested a non-local URL: ${rendered.blockedRequests[0]}`)
    const { manifest } = rendered
    const slidesShown = manifest.pages.reduce((sum, p) => sum + p.slides.length, 0)
    if (slidesShown !== deck.slides.length)
      throw new HandoutError(`the build has ${slidesShown} slides but ${relative(DECK_ROOT, deck.entry)} has ${deck.slides.length}: rebuild it`)

    await stage('post-process', 'metadata, outline and links with pdf-lib')
    const doc = await PDFDocument.load(rendered.bytes)
    if (doc.getPageCount() !== manifest.pages.length)
      throw new HandoutError(`Chromium printed ${doc.getPageCount()} pages but the route laid out ${manifest.pages.length}: a page overflows`)
    const odd = doc.getPages().findIndex(page => Math.abs(page.getWidth() - A4_PT.width) > 1 || Math.abs(page.getHeight() - A4_PT.height) > 1)
    if (odd >= 0)
      throw new HandoutError(`page ${odd + 1} is ${doc.getPage(odd).getWidth()}x${doc.getPage(odd).getHeight()} pt, not A4`)
    const origin = new URL(server.url).origin
    const pageOfSlide = new Map(manifest.pages.flatMap(p => p.slides.map(s => [s.no, p.index] as const)))
    retargetLocalLinks(doc, `${origin}/`, base, slide => pageOfSlide.get(slide))
    const annotated = pdfUriLinks(doc)
    const external = [
      ...new Set(rendered.links.filter(link => !link.startsWith(`${origin}/`))),
    ]
    const lost = external.find(link => !annotated.some(a => a.uri === link))
    if (lost)
      throw new HandoutError(`the link to ${lost} did not become a PDF link`)
    const stray = annotated.find(link => link.uri.startsWith(`${origin}/`))
    if (stray)
      throw new HandoutError(`page ${stray.pageIndex + 1} links to the handout's own server (${stray.uri})`)

    const { headmatter } = deck
    setPdfMetadata(doc, {
      title: `${headmatter.title}: handout`,
      author: headmatter.author,
      subject: headmatter.info,
      keywords: [...headmatter.keywords, 'handout'],
      language: headmatter.lang ?? manifest.lang,
      creator: 'Slidev /handout route (scripts/handout.ts)',
      producer: `Chromium ${rendered.chromium} and pdf-lib`,
      creationDate: made,
    })
    addPdfOutline(doc, outlineFromManifest(manifest))
    const bytes = await doc.save()

    await stage('write', `${bytes.length} bytes to ${relative(process.cwd(), out) || out}`)
    await writeFileAtomic(out, bytes)
    return {
      out,
      layout,
      pages: doc.getPageCount(),
      bytes: bytes.length,
      links: external,
      manifest,
      milliseconds: Math.round(performance.now() - started),
    }
  }
  finally {
    await build.dispose()
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      layout: { type: 'string', default: 'notes' },
      dist: { type: 'string' },
      out: { type: 'string' },
      base: { type: 'string' },
      made: { type: 'string' },
    },
  })
  const layout = values.layout as HandoutLayout
  if (!HANDOUT_LAYOUTS.includes(layout))
    throw new HandoutError(`unknown layout "${values.layout}": use ${HANDOUT_LAYOUTS.join(' or ')}`)
  const result = await exportHandoutPdf({
    layout,
    distDir: values.dist,
    out: values.out,
    base: values.base,
    made: values.made,
    onStage: (name, detail) => console.log(`${name}: ${detail}`),
  })
  console.log(`done: ${relative(process.cwd(), result.out)}, ${result.pages} pages, ${(result.bytes / 1024).toFixed(0)} KiB, ${result.links.length} links, ${(result.milliseconds / 1000).toFixed(1)} s`)
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`handout failed: ${firstLine(error)}`)
    process.exitCode = 1
  })
}
