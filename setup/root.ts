import { defineRootSetup } from '@slidev/types'
import { useRouter } from 'vue-router'
import { deckOffer, NARROW_PORTRAIT_QUERY, storedChoice } from '../reader/offer.ts'

/**
 * The deck leads to the reader view (`/read`, reader/): on a narrow portrait screen, a deck opened on
 * a slide goes straight to the reader if it was chosen before on this device; otherwise the offer
 * and the go-to dialog's search link (reader/deck-hooks.ts) load once the first slide has had its
 * frame, in their own chunk: before the first slide there are only these lines and reader/offer.ts.
 */
export default defineRootSetup(() => {
  if (typeof window === 'undefined')
    return
  const router = useRouter()
  void router.isReady().then(() => {
    const route = router.currentRoute.value
    const narrow = window.matchMedia(NARROW_PORTRAIT_QUERY).matches
    if (route.name === 'play' && deckOffer(narrow, storedChoice()) === 'redirect') {
      void router.replace({ path: '/read', hash: `#${String(route.params.no ?? 1)}` })
      return
    }
    const later = window.requestIdleCallback ?? ((work: () => void) => setTimeout(work, 200))
    later(() => {
      void import('../reader/deck-hooks.ts').then(hooks => hooks.attachReaderHooks(router))
    })
  })
})
