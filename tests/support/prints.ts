import type { Browser } from 'playwright-chromium'
import type { PrintResult } from '../../scripts/lib/print.ts'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { printPdf } from '../../scripts/lib/print.ts'

/** The made-on date of the real deck's handouts, fixed so that the cover is checkable. */
export const HANDOUT_MADE = '2026-01-15'

/** The real deck's PDFs the tests read, each printed once per run by the global setup from its build. */
export interface RealDeckPrints {
  /** `npm run export`'s layout: one page per slide (export.test.ts, handout.test.ts). */
  slides: PrintResult
  /** The handout with speaker notes, made on HANDOUT_MADE (handout.test.ts). */
  notes: PrintResult
  /** The 3-up handout, made on HANDOUT_MADE (handout.test.ts). */
  threeUp: PrintResult
}

/** Prints the real deck's build `distDir` in each layout the tests read, one after another in `browser`, into a fresh `outDir`. */
export async function printRealDeck(distDir: string, outDir: string, browser: Browser): Promise<RealDeckPrints> {
  await rm(outDir, { recursive: true, force: true })
  await mkdir(outDir, { recursive: true })
  const slides = await printPdf({
    layout: 'slides',
    distDir,
    out: join(outDir, 'slides.pdf'),
    browser,
  })
  const notes = await printPdf({
    layout: 'notes',
    distDir,
    out: join(outDir, 'handout.pdf'),
    made: HANDOUT_MADE,
    browser,
  })
  const threeUp = await printPdf({
    layout: '3up',
    distDir,
    out: join(outDir, 'handout-3up.pdf'),
    made: HANDOUT_MADE,
    browser,
  })
  return { slides, notes, threeUp }
}
