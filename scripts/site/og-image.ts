// The Open Graph image: slide 1 of the built deck as a PNG, the preview a chat shows for a shared link.
// slideOneAtBuild (slide-one.ts) writes it after every build; social-meta.ts describes it in the tags.
//
// By hand, for an existing build: node scripts/site/slide-one.ts [DIST] [--base /recap/] [--out FILE] [--dark]
import type { Page } from 'playwright-chromium'
import { resolve } from 'node:path'
import { writeFileAtomic } from '../lib/atomic.ts'

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
