// Slide 1 of the built deck, drawn once after `slidev build` for two things: the Open Graph image
// (og-image.ts) and the static first paint in index.html (first-paint.ts). One offline Chromium for
// both: the built site on loopback, and no host but 127.0.0.1 resolves, so nothing leaves the machine.
import type { Page } from 'playwright-chromium'
import type { Plugin, ResolvedConfig } from 'vite'
import type { FirstPaintCapture } from './first-paint-capture.client.ts'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { runMain } from '../lib/main.ts'
import { fontsAndImagesReady, twoFrames } from '../lib/page.client.ts'
import { captureFirstPaint, firstPaintScript, withFirstPaint } from './first-paint.ts'
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
 * the Vite config that registers slideOneAtBuild stays light.
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

export interface SlideOneAtBuildOptions {
  /** Slidev's colorSchema: "auto" lets the script follow the viewer's preference as Slidev does. */
  colorSchema?: string
}

/**
 * After `slidev build` has written the site (before the service worker's precache list is made, so
 * both files are in it): og-image.png of slide 1, and slide 1's markup in index.html as its static
 * first paint. RECAP_OG_IMAGE=0 skips the picture (the tags still point at it), RECAP_FIRST_PAINT=0
 * the first paint. Without a Chromium the build still succeeds, with a warning, without either.
 */
export function slideOneAtBuild(options: SlideOneAtBuildOptions = {}): Plugin {
  let config: ResolvedConfig | undefined
  let failed = false
  return {
    name: 'recap:slide-one',
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
        let result: { ogImage?: string, firstPaint?: FirstPaintCapture }
        try {
          result = await withSlideOne(outDir, { base: config.base }, async page => ({
            ogImage: og
              ? await writeOgImage(page, join(outDir, OG_IMAGE_FILE))
              : undefined,
            firstPaint: firstPaint
              ? await captureFirstPaint(page)
              : undefined,
          }))
        }
        catch (error) {
          const { BrowserNotFoundError } = await import('../lib/browser.ts')
          if (!(error instanceof BrowserNotFoundError))
            throw error
          config.logger.warn(`[recap:slide-one] no ${OG_IMAGE_FILE} and no first paint: ${error.message}`)
          return
        }
        if (result.firstPaint) {
          const { code, hash } = await firstPaintScript()
          const script = `${config.build.assetsDir}/first-paint-${hash}.js`
          await writeFile(join(outDir, script), code)
          const html = await readFile(indexHtml, 'utf8')
          await writeFile(indexHtml, withFirstPaint(html, result.firstPaint, { base: config.base, colorSchema: options.colorSchema ?? 'auto', script }))
        }
        config.logger.info(`[recap:slide-one] ${[result.ogImage, result.firstPaint && 'first paint in index.html'].filter(Boolean).join(', ')} (${Math.round(performance.now() - started)} ms)`)
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
