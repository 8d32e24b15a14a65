// printPdf: every PDF of the deck, from one route and one Chromium print pass. The deck's /handout
// route lays the slides out in a layout (shared/print-model.ts): `slides`, one page per slide at the canvas
// size; `notes`, the A4 handout with speaker notes; `3up`, A4 with three slides a page. This serves the
// build, opens /handout?layout=…, waits for the route to say it is laid out, stops on any error a slide
// threw or the page logged, prints once (a tagged PDF), then adds links, metadata and the outline with
// pdf-lib (which keeps the tag tree, as it does not copy pages) and writes the file atomically.
import type { Browser } from 'playwright-chromium'
import type { HandoutLayout, HandoutManifest, HandoutState, MeetingQuestions, SlideError } from '../../shared/print-model.ts'
import type { Deck } from './deck.ts'
import { existsSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { PDFDocument } from 'pdf-lib'
import { firstLine } from '../../shared/errors.ts'
import { HANDOUT_GLOBAL, HANDOUT_LAYOUTS, isHandout, outlineFromManifest, pageSizePx, QUESTIONS_GLOBAL } from '../../shared/print-model.ts'
import { printedQuestions } from '../../shared/questions.ts'
import { QUESTIONS_FILE } from '../present/questions-log.ts'
import { loadQuestionsFile } from '../present/questions.ts'
import { writeFileAtomic } from './atomic.ts'
import { launchChromium } from './browser.ts'
import { printableBuild } from './build.ts'
import { DECK_ROOT, loadDeck } from './deck.ts'
import { handoutSettled, pageGlobal, setPageGlobal } from './page.client.ts'
import { addPdfOutline, pdfUriLinks, retargetLocalLinks, setPdfMetadata } from './pdf-document.ts'
import { waitForFontsAndImages, withPdfPage } from './pdf-page.ts'
import { serveStatic } from './serve.ts'

export type PrintLayout = HandoutLayout
export const PRINT_LAYOUTS = HANDOUT_LAYOUTS

export type PrintStage = 'build' | 'render' | 'post-process' | 'write'

export interface PrintOptions {
  layout: PrintLayout
  /** An existing `slidev build`; without it the deck is built into a temporary folder first. */
  distDir?: string
  /** Where the PDF goes; defaultPdfPath() unless set. */
  out?: string
  /** The base the build was made for (`slidev build --base`); "/" unless set. */
  base?: string
  /** The deck's markdown entry, to check the build against and to name slides' sources. */
  entry?: string
  /** The made-on date the handout's cover shows and the PDF carries (YYYY-MM-DD); today unless set. */
  made?: string
  /** Reuse a running Chromium (tests and the benchmark do); otherwise one is launched and closed. */
  browser?: Browser
  /** A meeting's questions (`./deck questions`): the handouts print those shown to the room under their slides and on closing pages. */
  questions?: MeetingQuestions
  /** Told when each stage starts; throwing from it aborts the print (tests force failures so). */
  onStage?: (stage: PrintStage, detail: string) => void | Promise<void>
  timeout?: number
}

export interface PrintResult {
  out: string
  layout: PrintLayout
  pages: number
  bytes: number
  /** External URI link annotations in the PDF. */
  links: string[]
  manifest: HandoutManifest
  milliseconds: number
}

export class PrintError extends Error {
  override name = 'PrintError'
}

/** exports/<exportFilename>.pdf for the slides, -handout.pdf and -handout-3up.pdf for the handouts. */
export function defaultPdfPath(exportFilename: string | undefined, layout: PrintLayout): string {
  const suffix = { 'slides': '', 'notes': '-handout', '3up': '-handout-3up' }[layout]
  return resolve(DECK_ROOT, 'exports', `${exportFilename ?? 'slides'}${suffix}.pdf`)
}

/** A path as the user would type it: relative when under the working directory. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel === '' || rel.startsWith('..') || isAbsolute(rel)
    ? path
    : rel
}

function madeDate(made: string | undefined): Date | undefined {
  if (made === undefined)
    return undefined
  if (!/^\d{4}-\d{2}-\d{2}$/.test(made) || Number.isNaN(new Date(`${made}T12:00:00Z`).getTime()))
    throw new PrintError(`--made must be a date as YYYY-MM-DD, not "${made}"`)
  return new Date(`${made}T12:00:00Z`)
}

/** One line naming the slide as a maintainer finds it: number, title, source file and line. */
export function describeSlideError(deck: Deck, error: SlideError): string {
  const slide = deck.slides[error.slide - 1]
  const where = slide
    ? `slide ${error.slide} ("${slide.title}", ${slide.file}:${slide.line})`
    : `slide ${error.slide}`
  return `${where} has an error: ${error.message.replace(/\s+/g, ' ').trim()}`
}

interface Rendered {
  bytes: Uint8Array
  manifest: HandoutManifest
  /** Per page, the targets of the outside links it shows. */
  links: string[][]
  chromium: string
}

/** Opens the print route in `layout`, waits until it has laid itself out, checks it and prints it once. */
async function render(browser: Browser, url: string, deck: Deck, options: PrintOptions): Promise<Rendered> {
  const { width, height } = pageSizePx(options.layout, deck.headmatter.canvas)
  return withPdfPage({
    browser,
    width,
    height,
    viewport: { width: 1000, height: 1200 },
    media: 'print',
    tagged: true,
    timeout: options.timeout,
  }, async (session) => {
    const { page } = session
    const query = new URLSearchParams({ print: 'true', layout: options.layout })
    if (options.made)
      query.set('made', options.made)
    // The meeting's questions, those shown to the room only: the route reads them as it plans its pages.
    const shown = options.questions && isHandout(options.layout)
      ? printedQuestions(options.questions.questions)
      : []
    if (shown.length > 0) {
      await page.addInitScript(setPageGlobal, {
        name: QUESTIONS_GLOBAL,
        value: { meeting: options.questions!.meeting, questions: shown } satisfies MeetingQuestions,
      })
    }
    await page.goto(`${url}handout?${query}`, { waitUntil: 'load' })
    // The route lays itself out (slides mounted, fonts in, appendix paginated, notes fitted) and says so.
    await page.waitForFunction(handoutSettled)
    const state = await page.evaluate(pageGlobal, HANDOUT_GLOBAL) as HandoutState
    if (state.slideErrors.length > 0)
      throw new PrintError(state.slideErrors.map(error => describeSlideError(deck, error)).join('; '))
    if (state.status === 'error')
      throw new PrintError(`the /handout route failed: ${state.error}`)
    if (session.pageErrors.length > 0)
      throw new PrintError(`the deck threw while printing: ${session.pageErrors[0]}`)
    if (session.blockedRequests.length > 0)
      throw new PrintError(`the deck requested a non-local URL while printing: ${session.blockedRequests[0]}`)
    if (session.consoleErrors.length > 0)
      throw new PrintError(`the deck logged an error while printing: ${firstLine(session.consoleErrors[0])}`)
    if (state.overflow.length > 0)
      throw new PrintError(`the notes of slide ${state.overflow.join(', ')} do not fit on their page even at the smallest size: shorten them`)
    await waitForFontsAndImages(page)
    const links = await Promise.all(state.manifest.pages.map(p => session.visibleLinks(`.handout-root > [data-page="${p.index + 1}"]`)))
    const bytes = await session.print()
    // Anything logged while printing counts too.
    const late = session.pageErrors[0] ?? session.consoleErrors[0]
    if (late)
      throw new PrintError(`the deck logged an error while printing: ${firstLine(late)}`)
    return {
      bytes,
      manifest: state.manifest,
      links,
      chromium: browser.version(),
    }
  })
}

/** The slides PDF carries the deck's title; a handout says it is one. */
function metadataTitle(title: string, layout: PrintLayout): string {
  return isHandout(layout)
    ? `${title}: handout`
    : title
}

/**
 * Builds (unless given a build), prints the /handout route in `options.layout` to PDF in one pass,
 * finishes it (in-deck links, metadata, outline) and writes it atomically. Any error a slide throws or
 * the page logs stops it before anything is written, naming the slide, its source and the error.
 */
export async function printPdf(options: PrintOptions): Promise<PrintResult> {
  const started = performance.now()
  const { layout } = options
  if (!PRINT_LAYOUTS.includes(layout))
    throw new PrintError(`unknown layout "${String(layout)}": use ${PRINT_LAYOUTS.join(', ')}`)
  const base = options.base ?? '/'
  const made = madeDate(options.made)
  const stage = async (name: PrintStage, detail: string): Promise<void> => {
    await options.onStage?.(name, detail)
  }

  const deck = await loadDeck(options.entry)
  const out = resolve(options.out ?? defaultPdfPath(deck.headmatter.exportFilename, layout))

  const build = await printableBuild(options.distDir, {
    tempPrefix: `recap-print-${layout}-`,
    onStage: detail => stage('build', detail),
    fail: message => new PrintError(message),
    entry: options.entry,
  })

  try {
    await stage('render', `printing /handout?layout=${layout} with Chromium`)
    const server = await serveStatic(build.distDir, { base })
    let rendered: Rendered
    try {
      const browser = options.browser ?? await launchChromium()
      try {
        rendered = await render(browser, server.url, deck, options)
      }
      finally {
        if (!options.browser)
          await browser.close()
      }
    }
    finally {
      await server.close()
    }
    const { manifest } = rendered
    const slidesShown = manifest.pages.reduce((sum, p) => sum + p.slides.length, 0)
    if (slidesShown !== deck.slides.length)
      throw new PrintError(`the build has ${slidesShown} slides but ${relative(DECK_ROOT, deck.entry)} has ${deck.slides.length}: rebuild it`)

    await stage('post-process', 'links, metadata and outline with pdf-lib')
    const doc = await PDFDocument.load(rendered.bytes)
    if (doc.getPageCount() !== manifest.pages.length)
      throw new PrintError(`Chromium printed ${doc.getPageCount()} pages but the route laid out ${manifest.pages.length}: a page overflows`)
    const expected = { width: manifest.pageSize.width * 0.75, height: manifest.pageSize.height * 0.75 }
    const odd = doc.getPages().findIndex(p => Math.abs(p.getWidth() - expected.width) > 1 || Math.abs(p.getHeight() - expected.height) > 1)
    if (odd >= 0)
      throw new PrintError(`page ${odd + 1} is ${doc.getPage(odd).getWidth()}x${doc.getPage(odd).getHeight()} pt, not ${expected.width.toFixed(1)}x${expected.height.toFixed(1)}`)

    const origin = new URL(server.url).origin
    const pageOfSlide = new Map(manifest.pages.flatMap(p => p.slides.map(s => [s.no, p.index] as const)))
    retargetLocalLinks(doc, `${origin}/`, base, slide => pageOfSlide.get(slide))
    const annotated = pdfUriLinks(doc)
    const external: string[] = []
    rendered.links.forEach((links, pageIndex) => {
      for (const link of links.filter(l => !l.startsWith(`${origin}/`))) {
        if (!annotated.some(a => a.pageIndex === pageIndex && a.uri === link))
          throw new PrintError(`the link to ${link} on page ${pageIndex + 1} did not become a PDF link`)
        external.push(link)
      }
    })
    const stray = annotated.find(link => link.uri.startsWith(`${origin}/`))
    if (stray)
      throw new PrintError(`page ${stray.pageIndex + 1} links to the print server (${stray.uri})`)

    const { headmatter } = deck
    setPdfMetadata(doc, {
      title: metadataTitle(headmatter.title, layout),
      author: headmatter.author,
      subject: headmatter.info,
      keywords: isHandout(layout)
        ? [...headmatter.keywords, 'handout']
        : headmatter.keywords,
      language: headmatter.lang ?? manifest.lang,
      creator: `Slidev /handout?layout=${layout} (scripts/lib/print.ts)`,
      producer: `Chromium ${rendered.chromium} and pdf-lib`,
      creationDate: made,
    })
    addPdfOutline(doc, outlineFromManifest(manifest))
    const bytes = await doc.save()

    await stage('write', `${bytes.length} bytes to ${shown(out)}`)
    await writeFileAtomic(out, bytes)
    return {
      out,
      layout,
      pages: doc.getPageCount(),
      bytes: bytes.length,
      links: [
        ...new Set(external),
      ],
      manifest,
      milliseconds: Math.round(performance.now() - started),
    }
  }
  finally {
    await build.dispose()
  }
}

/**
 * The questions a handout prints: from `--questions FILE` (a session's log or `./deck questions
 * --json`), else the last `./deck present` session's when there is one, unless `--no-questions`.
 */
function questionsFor(layout: PrintLayout, file: string | undefined, none: boolean): MeetingQuestions | undefined {
  if (none || !isHandout(layout))
    return undefined
  if (file)
    return loadQuestionsFile(resolve(file))
  const session = resolve(DECK_ROOT, '.present', QUESTIONS_FILE)
  if (!existsSync(session))
    return undefined
  console.log(`questions: the last session's, from ${shown(session)} (--no-questions to leave them out)`)
  return loadQuestionsFile(session)
}

/**
 * The command line of scripts/export.ts and scripts/handout.ts: `[--layout L] [--dist DIR] [--out PATH]
 * [--base /] [--made YYYY-MM-DD] [--entry slides.md] [--questions FILE | --no-questions]` (questions: the
 * handouts only). It throws on failure; the scripts run it with
 * runMain (scripts/lib/main.ts), which reports one line, "<name> failed: …", and a non-zero exit code.
 */
export async function printCommand(defaultLayout: PrintLayout, argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'layout': { type: 'string', default: defaultLayout },
      'dist': { type: 'string' },
      'out': { type: 'string' },
      'base': { type: 'string' },
      'made': { type: 'string' },
      'entry': { type: 'string' },
      'questions': { type: 'string' },
      'no-questions': { type: 'boolean', default: false },
    },
  })
  const layout = values.layout as PrintLayout
  if (!PRINT_LAYOUTS.includes(layout))
    throw new PrintError(`unknown layout "${values.layout}": use ${PRINT_LAYOUTS.join(', ')}`)
  const result = await printPdf({
    layout,
    distDir: values.dist,
    out: values.out,
    base: values.base,
    made: values.made,
    entry: values.entry,
    questions: questionsFor(layout, values.questions, values['no-questions']),
    onStage: (stage, detail) => console.log(`${stage}: ${detail}`),
  })
  console.log(`done: ${shown(result.out)}, ${result.pages} pages, ${(result.bytes / 1024).toFixed(0)} KiB, ${result.links.length} links, ${(result.milliseconds / 1000).toFixed(1)} s`)
}
