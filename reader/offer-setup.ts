import { useRouter } from 'vue-router'
import { deckOffer, NARROW_PORTRAIT_QUERY, storedChoice } from './offer.ts'

/**
 * The deck leads to the reader view (`/read`): on a narrow portrait screen, a deck opened on a slide
 * goes straight to the reader if it was chosen before on this device; otherwise the offer and the
 * go-to dialog's search link (deck-hooks.ts) load once the first slide has had its frame, in their
 * own chunk, so that nothing but these lines comes before the first slide. Called from the root setup.
 */
export function useReaderOffer(): void {
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
      void import('./deck-hooks.ts').then(hooks => hooks.attachReaderHooks(router))
    })
  })
}
