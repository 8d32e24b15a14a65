import type { Page } from 'playwright-chromium'
import { fontsReady, slideShown } from './page.client.ts'

/**
 * Waits until slide `no` is the only slide shown (so any transition has ended), its component has
 * loaded, the URL names it and the web fonts are in. One wait for every script and test that
 * loads a slide of a built deck.
 */
export async function waitForSlide(page: Page, no: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(slideShown, no, { timeout })
  await page.evaluate(fontsReady)
}
