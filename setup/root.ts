import type { PageView } from '../app/composables/usePageTitle.ts'
import { defineRootSetup } from '@slidev/types'
import { computed } from 'vue'
import { useRoute } from 'vue-router'
import { usePageTitle, VIEW_NAMES } from '../app/composables/usePageTitle.ts'
import { useSlideAnnouncer } from '../app/composables/useSlideAnnouncer.ts'
import { installPresentSync } from '../app/present/sync.ts'
import { useReaderRedirect } from '../app/reader/offer-setup.ts'
import { configs, useNav } from './slidev-client.js'

/**
 * Each slide is a page of its own to assistive technology and in a browser tab: the document
 * title names the slide (or the view: presenter, overview, handout), and moving to another slide is
 * announced in a live region. Slidev does neither (one title for the whole deck).
 */
function useSlidesAsPages(): void {
  const route = useRoute()
  const { currentSlideNo, currentSlideRoute, total, isPlaying, isPresenter, isPrintMode } = useNav()

  const view = computed<PageView>(() => {
    if (isPrintMode.value)
      return { kind: 'deck' }
    if (isPlaying.value)
      return { kind: 'slide', no: currentSlideNo.value, title: currentSlideRoute.value?.meta.slide?.title }
    const name = typeof route.name === 'string'
      ? VIEW_NAMES[route.name]
      : undefined
    return name
      ? { kind: 'view', name }
      : { kind: 'deck' }
  })
  usePageTitle(view, configs.titleTemplate, configs.title)

  useSlideAnnouncer(() => (isPlaying.value || isPresenter.value) && !isPrintMode.value
    ? { no: currentSlideNo.value, total: total.value, title: currentSlideRoute.value?.meta.slide?.title }
    : undefined)
}

export default defineRootSetup(() => {
  useSlidesAsPages()
  // Live presenting (`./deck present`): the relay joins Slidev's sync; on any other server, nothing happens.
  if (typeof window !== 'undefined')
    installPresentSync()
  useReaderRedirect()
})
