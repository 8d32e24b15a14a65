// A Chromium page set up to print a PDF: fixed size and scheme, offline, with what the page threw
// or logged collected. What is done to the PDF afterwards is pdf-document.ts's.
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import { guardNetwork } from './offline.ts'
import { fontsReady, imagesComplete, visibleWebLinks } from './page.client.ts'

export interface PdfPageOptions {
  /** The running browser the session opens its context in. */
  browser: Browser
  /** Page size in CSS pixels; also the viewport unless `viewport` is given. */
  width: number
  height: number
  viewport?: { width: number, height: number }
  colorScheme?: 'light' | 'dark'
  /** Which CSS media to lay out for; Slidev's print view expects "screen". */
  media?: 'screen' | 'print'
  /** Milliseconds allowed for each navigation or wait. */
  timeout?: number
  /** Chromium's tagged (accessible) PDF: a structure tree screen readers can follow. */
  tagged?: boolean
}

export interface PdfSession {
  page: Page
  /** Prints the current document with the session's page size (the page's @page rule wins), zero margins and backgrounds. */
  print: () => Promise<Uint8Array>
  /** Absolute http(s) and mailto targets of the `<a href>` elements inside `scope` that are rendered. */
  visibleLinks: (scope?: string) => Promise<string[]>
  /** Uncaught exceptions on the page so far. */
  pageErrors: string[]
  /** What the page logged with console.error so far (Vue logs errors a component throws so). */
  consoleErrors: string[]
  /** Requests to anything but loopback so far, which were refused so that rendering stays offline. */
  blockedRequests: string[]
}

/** Waits until web fonts and every image have finished loading, as a condition, not a delay. */
export async function waitForFontsAndImages(page: Page): Promise<void> {
  await page.evaluate(fontsReady)
  await page.waitForFunction(imagesComplete)
}

/**
 * Runs `work` with a Chromium page set up for printing: fixed viewport, light or dark scheme,
 * screen media, service workers blocked and every non-loopback request refused. The page and its
 * context are closed afterwards, whatever happens.
 */
export async function withPdfPage<T>(options: PdfPageOptions, work: (session: PdfSession) => Promise<T>): Promise<T> {
  const timeout = options.timeout ?? 60_000
  const { browser } = options
  let context: BrowserContext | undefined
  try {
    context = await browser.newContext({
      viewport: options.viewport ?? { width: options.width, height: options.height },
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: 'reduce',
      // A PWA's service worker could answer from its cache instead of the build being printed.
      serviceWorkers: 'block',
    })
    context.setDefaultTimeout(timeout)
    context.setDefaultNavigationTimeout(timeout)
    const { outside: blockedRequests } = await guardNetwork(context)
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', error => pageErrors.push(error.message))
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error')
        consoleErrors.push(message.text())
    })
    await page.emulateMedia({ media: options.media ?? 'screen', colorScheme: options.colorScheme ?? 'light' })

    const session: PdfSession = {
      page,
      pageErrors,
      consoleErrors,
      blockedRequests,
      print: async () => new Uint8Array(await page.pdf({
        width: `${options.width}px`,
        height: `${options.height}px`,
        margin: { top: 0, right: 0, bottom: 0, left: 0 },
        printBackground: true,
        preferCSSPageSize: true,
        tagged: options.tagged ?? true,
      })),
      visibleLinks: async (scope = 'body') => page.locator(scope).evaluateAll(visibleWebLinks),
    }
    return await work(session)
  }
  finally {
    await context?.close()
  }
}
