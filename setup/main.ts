import { defineAppSetup } from '@slidev/types'
import { nextTick } from 'vue'
import { whenIdle } from '../app/composables/whenIdle'
import { slides } from './slidev-client.js'

/**
 * A main landmark for the deck's pages. Slidev's views (slides, presenter, overview) render into
 * `<div id="app">` with no landmark, so screen readers have nothing to jump to and Lighthouse and
 * axe report "Document does not have a main landmark". The app root becomes the main landmark,
 * except on a page that renders its own `<main>` (two would be as wrong as none).
 */
function markMain(): void {
  const root = document.getElementById('app')
  if (!root)
    return
  const own = root.querySelector('main, [role="main"]')
  if (own && own !== root)
    root.removeAttribute('role')
  else
    root.setAttribute('role', 'main')
}

/**
 * The headmatter sets `defaults: { preload: false }`, which stops Slidev 53 from mounting every
 * slide of the deck, hidden, three seconds after the first one shows (on a phone, seconds of
 * blocked main thread for slides nobody is looking at yet). Instead, after each navigation the
 * code of the previous and next slides is fetched and evaluated, not mounted, so moving to them is
 * as quick as before. A slide that is shown is still rendered as usual.
 */
function loadNeighbours(slideNo: number): void {
  const all = slides.value
  for (const no of [slideNo - 1, slideNo + 1]) {
    const route = all[no - 1]
    if (route)
      void route.load().catch(() => {})
  }
}

function currentSlideNo(param: unknown): number | undefined {
  const value = Array.isArray(param)
    ? param[0]
    : param
  if (value === undefined || value === '')
    return 1
  const all = slides.value
  const route = all.find(r => String(r.no) === String(value) || (r.meta.slide as { frontmatter?: { routeAlias?: string } } | undefined)?.frontmatter?.routeAlias === value)
  return route?.no
}

export default defineAppSetup(({ router }) => {
  if (typeof document === 'undefined')
    return
  markMain()
  router.afterEach(async (to) => {
    await nextTick()
    markMain()
    const no = currentSlideNo(to.params.no)
    if (no !== undefined) {
      // After the shown slide has had its frame.
      whenIdle(() => loadNeighbours(no))
    }
  })
})
