import type { Ref } from 'vue'
import { useResizeObserver } from '@vueuse/core'
import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { sentenceProbe } from '../../shared/search'
import { findText, slideAt } from './dom'

const BAR = '.reader-bar'
const ARTICLES = '[data-reader-slide]'
const HIT_MS = 2500

export interface ReaderPosition {
  /** The sticky bar's height, which depends on how its contents wrap: slides scrolled to stop under it. */
  barHeight: Ref<number>
  /** The slide at the top of the window, just under the bar. */
  current: Ref<number>
  /** Scrolls to slide `no`, or to the first words of `sentence` inside it (marked a moment), and moves focus there. */
  scrollToSlide: (no: number, sentence?: string) => void
  /** From now on, `current` follows the scrolling. */
  track: () => void
}

/** Where the reader is on the page, and moving there: the DOM side of the reader's position. */
export function useReaderPosition(first: number): ReaderPosition {
  const barHeight = ref(48)
  const current = ref(first)
  let frame = 0

  function onScroll(): void {
    if (frame)
      return
    frame = requestAnimationFrame(() => {
      frame = 0
      // Just under the sticky bar: where a deep link or a search hit puts the slide's top.
      const line = (document.querySelector(BAR)?.getBoundingClientRect().bottom ?? 0) + 16
      const no = slideAt(document.querySelectorAll<HTMLElement>(ARTICLES), line)
      if (no !== undefined)
        current.value = no
    })
  }

  function scrollToSlide(no: number, sentence?: string): void {
    const article = document.getElementById(String(no))
    if (!article)
      return
    const target = sentence
      ? findText(article, sentenceProbe(sentence)) ?? article
      : article
    // An article stops just under the sticky bar (its scroll-margin-top follows the bar's height).
    target.scrollIntoView({
      block: target === article
        ? 'start'
        : 'center',
    })
    article.focus({ preventScroll: true })
    current.value = no
    if (target !== article) {
      target.classList.add('reader-hit')
      setTimeout(() => target.classList.remove('reader-hit'), HIT_MS)
    }
  }

  /** Follows the reader's scrolling from now on, starting from where the page is (a prerendered page the browser scrolled to its #anchor). */
  function track(): void {
    window.addEventListener('scroll', onScroll, { passive: true })
    onScroll()
  }

  const bar = shallowRef<HTMLElement | null>(null)
  useResizeObserver(bar, ([entry]) => {
    if (entry)
      barHeight.value = entry.target.getBoundingClientRect().height
  })
  onMounted(() => {
    bar.value = document.querySelector<HTMLElement>(BAR)
  })

  onBeforeUnmount(() => {
    window.removeEventListener('scroll', onScroll)
    cancelAnimationFrame(frame)
  })

  return {
    barHeight,
    current,
    scrollToSlide,
    track,
  }
}
