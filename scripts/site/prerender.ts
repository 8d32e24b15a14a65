// Every page of the built deck drawn once after `slidev build`, for two things: the Open Graph image
// of slide 1 (og-image.ts) and the prerendered pages (first-paint.ts): slide 1 in index.html, each
// other slide in N.html, the reader in read.html, so that every address paints from its HTML. One
// offline Chromium for all: the built site on loopback, and no host but 127.0.0.1 resolves, so
// nothing leaves the machine.
import type { Page } from 'playwright-chromium'
import type { Plugin, ResolvedConfig } from 'vite'
import type { CaptureTarget, FirstPaintCapture } from './first-paint-capture.client.ts'
import type { PageAssets } from './page-assets.ts'
import { existsSync } from 'node:fs'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { runMain } from '../lib/main.ts'
import { fontsAndImagesReady, readerSettled, readerState, routeToSlide, twoFrames } from '../lib/page.client.ts'
import { waitForSlide } from '../lib/slide-wait.ts'
import { captureFirstPaint, firstPaintScript, pageFile, withFirstPaint } from './first-paint.ts'
import { OG_IMAGE_FILE, OG_IMAGE_SIZE, writeOgImage } from './og-image.ts'

export interface SlideOneOptions {
  /** The base the deck was built for; "/" unless set. */
  base?: string
  colorScheme?: 'light' | 'dark'
  timeout?: number
}

/**
 * Opens slide 1 of a built deck in an offline headless Chromium, at the Open Graph image's size, once
 * its fonts and images are in and it is painted, and runs `work` on the page. The browser and the
 * server are closed afterwards, whatever happens. Browser and server code load on first use, so
 * the Vite config that registers prerenderAtBuild stays light.
 */
export async function withSlideOne<T>(distDir: string, options: SlideOneOptions, work: (page: Page) => Promise<T>): Promise<T> {
  const { launchOfflineChromium } = await import('../lib/offline.ts')
  const { serveStatic } = await import('../lib/serve.ts')
  const timeout = options.timeout ?? 60_000
  const server = await serveStatic(distDir, { base: options.base ?? '/' })
  try {
    const browser = await launchOfflineChromium()
    try {
      const context = await browser.newContext({
        viewport: OG_IMAGE_SIZE,
        deviceScaleFactor: 1,
        colorScheme: options.colorScheme ?? 'light',
        reducedMotion: 'reduce',
        serviceWorkers: 'block',
      })
      const page = await context.newPage()
      page.setDefaultTimeout(timeout)
      await page.goto(`${server.url}1`, { waitUntil: 'networkidle', timeout })
      await page.locator('#app .slidev-page-1').first().waitFor({ state: 'visible' })
      await page.evaluate(fontsAndImagesReady)
      // Two frames, so what was just laid out is painted.
      await page.evaluate(twoFrames)
      const result = await work(page)
      await context.close()
      return result
    }
    finally {
      await browser.close()
    }
  }
  finally {
    await server.close()
  }
}

export interface PrerenderOptions {
  /** Slidev's colorSchema: "auto" lets the script follow the viewer's preference as Slidev does. */
  colorSchema?: string
  /** How many slides the deck shows (hidden and disabled ones are not routes). */
  slides: number
  /** The files each page needs, filled in by setup/vite-plugins.ts's preloadFirstSlide while the HTML is written. */
  assets: PageAssets
}

/** Shows slide `no` through the deck's own router (as a reader moving on would) and waits until it is drawn. */
async function showSlide(page: Page, no: number): Promise<void> {
  if (no !== 1)
    await page.evaluate(routeToSlide, no)
  await waitForSlide(page, no)
  await page.evaluate(fontsAndImagesReady)
  await page.evaluate(twoFrames)
}

/**
 * Runs `work` until it ends or the page reports an error (an uncaught one, or one logged to the
 * console, as Slidev logs a slide component's): a page that cannot draw is not waited for.
 */
async function unlessPageFails<T>(page: Page, work: () => Promise<T>): Promise<T> {
  let fail = (_error: Error): void => {}
  const failed = new Promise<never>((_, reject) => {
    fail = reject
  })
  const onError = (error: Error): void => fail(error)
  const onConsole = (message: { type: () => string, text: () => string }): void => {
    if (message.type() === 'error')
      fail(new Error(message.text()))
  }
  page.on('pageerror', onError)
  page.on('console', onConsole)
  try {
    return await Promise.race([
      work(),
      failed,
    ])
  }
  finally {
    page.off('pageerror', onError)
    page.off('console', onConsole)
  }
}

/**
 * Every page's capture: each slide in running order, then the reader once it says it is laid out. A
 * page that fails to draw (a slide whose component throws) is left out with a warning: its address
 * falls back to the app, which reports the error as it would without prerendering (and the PDF
 * exports refuse the deck, naming the slide).
 */
async function capturePages(page: Page, base: string, slides: number, warn: (message: string) => void): Promise<Map<CaptureTarget, FirstPaintCapture>> {
  const captures = new Map<CaptureTarget, FirstPaintCapture>()
  for (let no = 1; no <= slides; no++) {
    const target: CaptureTarget = { kind: 'slide', no }
    try {
      captures.set(target, await unlessPageFails(page, async () => {
        await showSlide(page, no)
        return captureFirstPaint(page, target)
      }))
    }
    catch (error) {
      warn(`slide ${no} is not prerendered: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  const reader: CaptureTarget = { kind: 'reader' }
  try {
    captures.set(reader, await unlessPageFails(page, async () => {
      await page.goto(new URL(`${base.replace(/^\//, '')}read`, `${new URL(page.url()).origin}/`).href)
      await page.waitForFunction(readerSettled)
      if (await page.evaluate(readerState) !== 'ready')
        throw new Error('the reader view failed to lay out (data-reader="error")')
      await page.evaluate(twoFrames)
      return captureFirstPaint(page, reader)
    }))
  }
  catch (error) {
    warn(`the reader is not prerendered: ${(error as Error).message.split('\n')[0]}`)
  }
  return captures
}

/**
 * After `slidev build` has written the site (before the service worker's precache list is made, so
 * every file written here is in it): og-image.png of slide 1, and every page prerendered: slide 1's
 * markup in index.html, slide N's in N.html, the reader's in read.html, each its static first paint.
 * RECAP_OG_IMAGE=0 skips the picture (the tags still point at it), RECAP_FIRST_PAINT=0 the
 * prerendered pages. Without a Chromium the build still succeeds, with a warning, without either.
 */
export function prerenderAtBuild(options: PrerenderOptions): Plugin {
  let config: ResolvedConfig | undefined
  let failed = false
  return {
    name: 'recap:prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    buildEnd(error) {
      failed ||= Boolean(error)
    },
    renderError() {
      failed = true
    },
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler(error?: Error) {
        // Vite calls closeBundle after a failed build too: then there is no site to picture.
        if (failed || error || !config || config.build.ssr)
          return
        const og = process.env.RECAP_OG_IMAGE !== '0'
        const firstPaint = process.env.RECAP_FIRST_PAINT !== '0'
        const outDir = resolve(config.root, config.build.outDir)
        const indexHtml = join(outDir, 'index.html')
        if ((!og && !firstPaint) || !existsSync(indexHtml))
          return
        const started = performance.now()
        // Pages prerendered by an earlier build into the same folder (Vite empties only a folder
        // inside the project) would answer the capture's addresses with that build's files.
        for (const name of await readdir(outDir)) {
          if (/^(?:\d+|read)\.html$/.test(name))
            await rm(join(outDir, name))
        }
        let result: { ogImage?: string, pages?: Map<CaptureTarget, FirstPaintCapture> }
        try {
          result = await withSlideOne(outDir, { base: config.base }, async page => ({
            ogImage: og
              ? await writeOgImage(page, join(outDir, OG_IMAGE_FILE))
              : undefined,
            pages: firstPaint
              ? await capturePages(page, config!.base, options.slides, message => config!.logger.warn(`[recap:prerender] ${message}`))
              : undefined,
          }))
        }
        catch (error) {
          const { BrowserNotFoundError } = await import('../lib/browser.ts')
          if (!(error instanceof BrowserNotFoundError))
            throw error
          config.logger.warn(`[recap:prerender] no ${OG_IMAGE_FILE} and no prerendered pages: ${error.message}`)
          return
        }
        if (result.pages) {
          const { code, hash } = await firstPaintScript()
          const script = `${config.build.assetsDir}/first-paint-${hash}.js`
          await writeFile(join(outDir, script), code)
          const html = await readFile(indexHtml, 'utf8')
          for (const [target, capture] of result.pages) {
            await writeFile(join(outDir, pageFile(target)), withFirstPaint(html, target, capture, {
              base: config.base,
              colorSchema: options.colorSchema ?? 'auto',
              script,
              assets: options.assets,
            }))
          }
        }
        config.logger.info(`[recap:prerender] ${[result.ogImage, result.pages && `${result.pages.size} pages prerendered (index.html, 2.html…, read.html)`].filter(Boolean).join(', ')} (${Math.round(performance.now() - started)} ms)`)
      },
    },
  }
}

export interface RenderOgImageOptions {
  /** The base the deck was built for; "/" unless set. */
  base?: string
  /** Where the PNG goes; DIST/og-image.png unless set. */
  out?: string
  colorScheme?: 'light' | 'dark'
}

/** Screenshots slide 1 of a built deck into a PNG; returns the file written. */
export async function renderOgImage(distDir: string, options: RenderOgImageOptions = {}): Promise<string> {
  return withSlideOne(distDir, options, page => writeOgImage(page, options.out ?? join(distDir, OG_IMAGE_FILE)))
}

async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      base: { type: 'string', default: '/' },
      out: { type: 'string' },
      dark: { type: 'boolean', default: false },
    },
  })
  console.log(await renderOgImage(resolve(positionals[0] ?? 'dist'), {
    base: values.base,
    out: values.out,
    colorScheme: values.dark
      ? 'dark'
      : 'light',
  }))
}

// By hand, the Open Graph image of an existing build: node scripts/site/slide-one.ts [DIST] [--base /recap/] [--out FILE] [--dark]
if (import.meta.main)
  runMain('og-image', main)
