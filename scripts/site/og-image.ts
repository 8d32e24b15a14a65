// The Open Graph image: slide 1 of the built deck as a PNG, the preview a chat shows for a shared link.
// slideOneAtBuild (slide-one.ts) writes it after every build; social-meta.ts describes it in the tags.
//
// By hand, for an existing build: node scripts/site/og-image.ts [DIST] [--base /recap/] [--out FILE] [--dark]
import type { Page } from 'playwright-chromium'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { writeFileAtomic } from '../lib/atomic.ts'
import { runMain } from '../lib/main.ts'

export const OG_IMAGE_FILE = 'og-image.png'
/** 16:9 like the slides, so the slide fills the picture; chats scale it down. */
export const OG_IMAGE_SIZE = { width: 1200, height: 675 } as const
export const OG_IMAGE_ALT = 'Title slide: OpenStack Summit Tokyo, October 2015: a recap'

/** Screenshots the page (slide 1, at OG_IMAGE_SIZE) into `out`; returns the file written. */
export async function writeOgImage(page: Page, out: string): Promise<string> {
  const file = resolve(out)
  // Written whole or not at all: a failed run never leaves half a PNG behind.
  await writeFileAtomic(file, await page.screenshot({ type: 'png' }))
  return file
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
  const { withSlideOne } = await import('./slide-one.ts')
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

// Not a top-level await: slide-one.ts imports this module, which must have finished evaluating first.
if (import.meta.main)
  runMain('og-image', main)
