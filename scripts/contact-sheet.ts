// `npm run contact-sheet`: every slide on one picture, to see the whole deck at a glance (and how it
// reads from the back of a room): each slide at 1280x720 with every click revealed, once its
// transition has ended and its fonts are in, as 320x180 thumbnails numbered in a grid. One sheet in
// the light colour scheme and one in the dark (the deck follows the system's).
// Usage: node scripts/contact-sheet.ts [--dist DIR] [--base /] [--out-dir docs/images]
import type { Browser } from 'playwright-chromium'
import type { Deck } from './lib/deck.ts'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { PNG } from 'pngjs'
import { writeFileAtomic } from './lib/atomic.ts'
import { printableBuild } from './lib/build.ts'
import { DECK_ROOT, loadDeck } from './lib/deck.ts'
import { runMain } from './lib/main.ts'
import { guardNetwork, launchOfflineChromium } from './lib/offline.ts'
import { animationsDone, imagesDecoded, screenState, twoFrames } from './lib/page.client.ts'
import { downscale } from './lib/png.ts'
import { serveStatic } from './lib/serve.ts'
import { waitForSlide } from './lib/slide-wait.ts'

export const SCREEN = { width: 1280, height: 720 } as const
/** Thumbnails are the screen averaged down by this: 320x180. */
const SHRINK = 4
const COLUMNS = 4
const GAP = 16
/** Height of the number under each thumbnail (digits 7 rows at 2x, and space around). */
const LABEL = 22
const DIGIT_SCALE = 2

export type Scheme = 'light' | 'dark'

const SHEET_COLOURS: Record<Scheme, { background: Rgb, frame: Rgb, ink: Rgb }> = {
  light: {
    background: [229, 231, 235],
    frame: [156, 163, 175],
    ink: [17, 24, 39],
  },
  dark: {
    background: [3, 7, 18],
    frame: [75, 85, 99],
    ink: [229, 231, 235],
  },
}

type Rgb = readonly [number, number, number]

/** 5x7 digits, one string of five columns per row ('#' is ink). */
const DIGITS: Record<string, readonly string[]> = {
  0: [
    ' ### ',
    '#   #',
    '#  ##',
    '# # #',
    '##  #',
    '#   #',
    ' ### ',
  ],
  1: [
    '  #  ',
    ' ##  ',
    '  #  ',
    '  #  ',
    '  #  ',
    '  #  ',
    ' ### ',
  ],
  2: [
    ' ### ',
    '#   #',
    '    #',
    '   # ',
    '  #  ',
    ' #   ',
    '#####',
  ],
  3: [
    '#####',
    '   # ',
    '  #  ',
    '   # ',
    '    #',
    '#   #',
    ' ### ',
  ],
  4: [
    '   # ',
    '  ## ',
    ' # # ',
    '#  # ',
    '#####',
    '   # ',
    '   # ',
  ],
  5: [
    '#####',
    '#    ',
    '#### ',
    '    #',
    '    #',
    '#   #',
    ' ### ',
  ],
  6: [
    '  ## ',
    ' #   ',
    '#    ',
    '#### ',
    '#   #',
    '#   #',
    ' ### ',
  ],
  7: [
    '#####',
    '    #',
    '   # ',
    '  #  ',
    ' #   ',
    ' #   ',
    ' #   ',
  ],
  8: [
    ' ### ',
    '#   #',
    '#   #',
    ' ### ',
    '#   #',
    '#   #',
    ' ### ',
  ],
  9: [
    ' ### ',
    '#   #',
    '#   #',
    ' ####',
    '    #',
    '   # ',
    ' ##  ',
  ],
}

function fill(png: PNG, x: number, y: number, width: number, height: number, [r, g, b]: Rgb): void {
  for (let row = Math.max(0, y); row < Math.min(png.height, y + height); row++) {
    for (let col = Math.max(0, x); col < Math.min(png.width, x + width); col++) {
      const at = (row * png.width + col) * 4
      png.data[at] = r
      png.data[at + 1] = g
      png.data[at + 2] = b
      png.data[at + 3] = 255
    }
  }
}

/** Draws `text` (digits only) with its top left corner at x, y. */
function drawNumber(png: PNG, text: string, x: number, y: number, ink: Rgb): void {
  let left = x
  for (const digit of text) {
    const rows = DIGITS[digit]
    if (!rows)
      throw new Error(`contact sheet: no glyph for "${digit}"`)
    rows.forEach((line, row) => {
      for (let col = 0; col < line.length; col++) {
        if (line[col] === '#')
          fill(png, left + col * DIGIT_SCALE, y + row * DIGIT_SCALE, DIGIT_SCALE, DIGIT_SCALE, ink)
      }
    })
    left += 6 * DIGIT_SCALE
  }
}

/** The grid: thumbnails in slide order, COLUMNS a row, each framed and numbered below. */
export function composeSheet(thumbs: readonly { number: number, image: PNG }[], scheme: Scheme): PNG {
  if (thumbs.length === 0)
    throw new Error('contact sheet: no slides')
  const { width: tw, height: th } = thumbs[0]!.image
  const rows = Math.ceil(thumbs.length / COLUMNS)
  const cellW = tw + 2
  const cellH = th + 2 + LABEL
  const sheet = new PNG({
    width: GAP + COLUMNS * (cellW + GAP),
    height: GAP + rows * (cellH + GAP),
  })
  const colours = SHEET_COLOURS[scheme]
  fill(sheet, 0, 0, sheet.width, sheet.height, colours.background)
  thumbs.forEach(({ number, image }, i) => {
    const x = GAP + (i % COLUMNS) * (cellW + GAP)
    const y = GAP + Math.floor(i / COLUMNS) * (cellH + GAP)
    fill(sheet, x, y, cellW, th + 2, colours.frame)
    PNG.bitblt(image, sheet, 0, 0, tw, th, x + 1, y + 1)
    drawNumber(sheet, String(number), x + 1, y + th + 2 + (LABEL - 7 * DIGIT_SCALE) / 2, colours.ink)
  })
  return sheet
}

/**
 * Each slide of the deck at SCREEN in `scheme`, all clicks revealed, as a PNG: loaded from its own
 * URL, shown alone, transitions ended, fonts and images in, painted, and nothing on top of it.
 */
async function screenshots(browser: Browser, url: string, deck: Deck, scheme: Scheme): Promise<{ number: number, png: Uint8Array }[]> {
  // No service worker: Slidev's PWA shows "Caching for offline" while one installs.
  const context = await browser.newContext({
    viewport: SCREEN,
    deviceScaleFactor: 1,
    colorScheme: scheme,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  })
  try {
    const guard = await guardNetwork(context, [url])
    const errors: string[] = []
    context.on('weberror', error => errors.push(error.error().message))
    context.on('console', (message) => {
      if (message.type() === 'error')
        errors.push(message.text())
    })
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    const shots: { number: number, png: Uint8Array }[] = []
    for (const slide of deck.slides) {
      const no = slide.number
      const what = `slide ${no} ("${slide.title}", ${slide.file}:${slide.line}) in ${scheme}`
      await page.goto(new URL(`${no}?clicks=999`, url).href, { waitUntil: 'load' })
      await waitForSlide(page, no)
      await page.evaluate(imagesDecoded)
      // Transitions and animations (the slide's entrance, a count-up) have finished: they are
      // Web Animations, so the page can say when none is running.
      await page.waitForFunction(animationsDone)
      await page.evaluate(twoFrames)
      const state = await page.evaluate(screenState)
      if (state.dark !== (scheme === 'dark'))
        throw new Error(`${what}: the deck shows its ${state.dark ? 'dark' : 'light'} scheme, not the system's ${scheme}`)
      if (state.notices.length > 0)
        throw new Error(`${what}: a notice is on screen: ${state.notices.join(', ')}`)
      if (errors.length > 0)
        throw new Error(`${what}: the page logged an error: ${errors[0]}`)
      if (guard.outside.length > 0)
        throw new Error(`${what}: the page asked for ${guard.outside[0]}, which is not on this machine`)
      shots.push({ number: no, png: await page.screenshot({ type: 'png' }) })
    }
    return shots
  }
  finally {
    await context.close()
  }
}

export interface ContactSheetOptions {
  /** An existing build to picture; a fresh `slidev build` unless given. */
  dist?: string
  /** The base the build was made for; "/" unless set. */
  base?: string
  /** Where contact-sheet.png and contact-sheet-dark.png go; docs/images unless set. */
  outDir?: string
}

/** Writes the light and dark contact sheets; returns their paths. */
export async function writeContactSheets(options: ContactSheetOptions = {}): Promise<string[]> {
  const deck = await loadDeck()
  const outDir = resolve(options.outDir ?? join(DECK_ROOT, 'docs/images'))
  const build = await printableBuild(options.dist, {
    tempPrefix: 'contact-sheet-',
    onStage: async detail => console.log(`contact sheet: ${detail}`),
    fail: message => new Error(message),
  })
  try {
    const server = await serveStatic(build.distDir, { base: options.base ?? '/' })
    try {
      const browser = await launchOfflineChromium()
      try {
        const written: string[] = []
        for (const scheme of ['light', 'dark'] as const) {
          const shots = await screenshots(browser, server.url, deck, scheme)
          const sheet = composeSheet(shots.map(shot => ({
            number: shot.number,
            image: downscale(shot.png, SHRINK),
          })), scheme)
          const file = join(outDir, scheme === 'light'
            ? 'contact-sheet.png'
            : 'contact-sheet-dark.png')
          await writeFileAtomic(file, PNG.sync.write(sheet))
          written.push(file)
        }
        return written
      }
      finally {
        await browser.close()
      }
    }
    finally {
      await server.close()
    }
  }
  finally {
    await build.dispose()
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'dist': { type: 'string' },
      'base': { type: 'string', default: '/' },
      'out-dir': { type: 'string' },
    },
  })
  const files = await writeContactSheets({ dist: values.dist, base: values.base, outDir: values['out-dir'] })
  console.log(`contact sheets: ${files.join(', ')}`)
}

if (import.meta.main)
  runMain('contact-sheet', main)
