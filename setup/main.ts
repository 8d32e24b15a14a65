import { defineAppSetup } from '@slidev/types'
import { nextTick } from 'vue'

/**
 * A main landmark for the deck's pages. Slidev's views (slides, presenter, overview) render into
 * `<div id="app">` with no landmark, so screen readers have nothing to jump to and Lighthouse and
 * axe report "Document does not have a main landmark". The app root becomes the main landmark,
 * except on a page that renders its own `<main>` (two would be as wrong as none).
 */
export default defineAppSetup(({ router }) => {
  if (typeof document === 'undefined')
    return
  const mark = (): void => {
    const root = document.getElementById('app')
    if (!root)
      return
    const own = root.querySelector('main, [role="main"]')
    if (own && own !== root)
      root.removeAttribute('role')
    else
      root.setAttribute('role', 'main')
  }
  mark()
  router.afterEach(async () => {
    await nextTick()
    mark()
  })
})
