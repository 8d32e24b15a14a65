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

/**
 * What a viewer's first key press does on a prerendered page (scripts/site/first-paint.client.ts):
 * starts the app, which waits for one there (elsewhere it has started already, and this does
 * nothing). Shift, a modifier, which the page does not play again to the app.
 */
export async function startApp(page: Page): Promise<void> {
  await page.keyboard.press('Shift')
}
