// What the deck itself shows of the reader: on a narrow portrait screen, an offer to read the deck as
// a page (ReaderOffer.vue); in the go-to dialog, a link to search the full text (GotoSearch.vue).
// Loaded by setup/root.ts after the first slide, each mounted as a small app of its own beside
// Slidev's, and only while a slide is shown.
import type { App } from 'vue'
import type { Router } from 'vue-router'
import type { ReaderChoice } from './offer'
import { createApp, nextTick } from 'vue'
import { routerKey } from 'vue-router'
import GotoSearch from './GotoSearch.vue'
import { deckOffer, NARROW_PORTRAIT_QUERY, storeChoice, storedChoice } from './offer'
import ReaderOffer from './ReaderOffer.vue'

interface Mounted {
  app: App
  host: HTMLElement
}

/** A small app of its own, beside Slidev's, that shares Slidev's router (for useRouter()). */
function mount(component: Parameters<typeof createApp>[0], props: Record<string, unknown>, parent: HTMLElement, router: Router): Mounted {
  const host = document.createElement('div')
  host.dataset.recapReaderHook = ''
  parent.append(host)
  const app = createApp(component, props)
  app.provide(routerKey, router)
  app.mount(host)
  return { app, host }
}

function unmount(mounted: Mounted | undefined): undefined {
  mounted?.app.unmount()
  mounted?.host.remove()
  return undefined
}

export function attachReaderHooks(router: Router): void {
  let offer: Mounted | undefined
  let goto: Mounted | undefined
  let dismissed = false
  const narrow = window.matchMedia(NARROW_PORTRAIT_QUERY)

  function dismiss(choice: ReaderChoice): void {
    storeChoice(choice)
    dismissed = true
    offer = unmount(offer)
  }

  function update(): void {
    const onSlide = router.currentRoute.value.name === 'play'
    const wantsOffer = onSlide && !dismissed && deckOffer(narrow.matches, storedChoice()) === 'offer'
    if (wantsOffer && !offer)
      offer = mount(ReaderOffer, { onChoose: dismiss }, document.body, router)
    else if (!wantsOffer && offer)
      offer = unmount(offer)

    const dialog = document.getElementById('slidev-goto-dialog')
    if (goto && (!onSlide || !dialog?.contains(goto.host)))
      goto = unmount(goto)
    if (onSlide && dialog && !goto)
      goto = mount(GotoSearch, {}, dialog, router)
  }

  router.afterEach(() => {
    void nextTick(update)
  })
  narrow.addEventListener('change', update)
  update()
}
