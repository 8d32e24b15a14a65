import type { Page } from 'playwright-chromium'

/**
 * Waits until slide `no` is the only slide shown (so any transition has ended), its component has
 * loaded, the URL names it and the web fonts are in. One wait for every script and test that
 * loads a slide of a built deck.
 */
export async function waitForSlide(page: Page, no: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction((n) => {
    const shown = [
      ...document.querySelectorAll<HTMLElement>('#slideshow .slidev-page'),
    ]
      .filter(el => getComputedStyle(el).display !== 'none')
    return shown.length === 1
      && shown[0]?.dataset.slidevNo === String(n)
      && shown[0].querySelector('.slidev-layout') !== null
      && document.querySelector('#slideshow .slidev-slide-loading') === null
      && new RegExp(`/${n}$`).test(location.pathname)
  }, no, { timeout })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
}
