import { useRouter } from 'vue-router'
import { deckOffer, NARROW_PORTRAIT_QUERY } from '../../shared/reader-offer.ts'
import { storedChoice } from './offer.ts'

/**
 * The deck leads to the reader view (`/read`): on a narrow portrait screen, a deck opened on a slide
 * goes straight to the reader if it was chosen before on this device. (Otherwise global-top.vue
 * offers it, and links the go-to dialog to its search.) Called from the root setup.
 */
export function useReaderRedirect(): void {
  if (typeof window === 'undefined')
    return
  const router = useRouter()
  void router.isReady().then(() => {
    const route = router.currentRoute.value
    const narrow = window.matchMedia(NARROW_PORTRAIT_QUERY).matches
    if (route.name === 'play' && deckOffer(narrow, storedChoice()) === 'redirect') {
      void router.replace({ path: '/read', hash: `#${String(route.params.no ?? 1)}` })
    }
  })
}
