import type { MaybeRefOrGetter } from 'vue'
import { onBeforeUnmount, onMounted, toValue, watch } from 'vue'
import { slidePosition } from '../../shared/slides.ts'

/** The slide on screen, or undefined on a page that does not announce slides (print, overview, handout). */
export interface AnnouncedSlide {
  no: number
  total: number
  title?: string
}

export const ANNOUNCER_ID = 'recap-slide-announcer'

/** What a screen reader says on moving to a slide, e.g. "Slide 4 of 26: Who was there". */
export function slideAnnouncement({ no, total, title }: AnnouncedSlide): string {
  return slidePosition(no, total, title)
}

/**
 * Announces each move to another slide in a polite live region, as reveal.js does: Slidev
 * swaps the slide in place, so a screen reader would otherwise say nothing. The region is one
 * visually hidden element at the end of <body> (a live region is a landmark of its own), empty
 * until the first move so that opening the deck is not announced twice, and hidden on pages that
 * show no single slide and in print (styles/recap.css).
 */
export function useSlideAnnouncer(slide: MaybeRefOrGetter<AnnouncedSlide | undefined>): void {
  let region: HTMLElement | undefined
  let stop: (() => void) | undefined

  onMounted(() => {
    region = document.getElementById(ANNOUNCER_ID) ?? document.createElement('div')
    region.id = ANNOUNCER_ID
    region.className = 'recap-announcer'
    region.setAttribute('role', 'status')
    region.setAttribute('aria-live', 'polite')
    region.setAttribute('aria-atomic', 'true')
    document.body.append(region)
    stop = watch(() => toValue(slide), (now, before) => {
      if (!region)
        return
      region.hidden = now === undefined
      if (now === undefined)
        region.textContent = ''
      else if (before !== undefined && now.no !== before.no)
        region.textContent = slideAnnouncement(now)
    }, { immediate: true })
  })

  onBeforeUnmount(() => {
    stop?.()
    region?.remove()
  })
}
