import type { RenderContext } from '@slidev/types'
import type { InjectionKey, Ref } from 'vue'
import { usePreferredReducedMotion } from '@vueuse/core'
import { computed, inject, onBeforeUnmount, onMounted, ref, watch } from 'vue'

/** The part of Slidev's context these composables read. */
export interface SlidevNavContext {
  nav: { isPrintMode: boolean, currentSlideNo: number }
}

// Slidev's own injection keys, as in @slidev/client/constants.ts (tests/slidev-contract.test.ts checks they
// still match). Importing that module instead would type-check all of Slidev's client sources.
export const injectionSlidevContext = '$$slidev-context' as unknown as InjectionKey<SlidevNavContext>
export const injectionRenderContext = '$$slidev-render-context' as unknown as InjectionKey<Ref<RenderContext>>
export const injectionCurrentPage = '$$slidev-page' as unknown as InjectionKey<Ref<number>>

/**
 * Only the slide show the room sees counts up: the presenter's preview of the current slide shows
 * the final values at once, so that a presenter who glances down never reads a figure mid-count.
 */
const ANIMATED_CONTEXTS: readonly RenderContext[] = ['slide']

/**
 * Whether a component must show its final state at once: in print and export, in the overview, in
 * the presenter's previews of the current and next slides, with reduced motion, and outside a
 * running deck (tests, SSR).
 */
export function useFinalState(): Ref<boolean> {
  const slidev = inject(injectionSlidevContext, undefined)
  const renderContext = inject(injectionRenderContext, undefined)
  // Followed as it changes, not only read once.
  const motion = usePreferredReducedMotion()
  return computed(() => {
    if (!slidev || !renderContext)
      return true
    return slidev.nav.isPrintMode || !ANIMATED_CONTEXTS.includes(renderContext.value) || motion.value === 'reduce'
  })
}

/** Whether the slide holding the component is the one on screen (always true outside a deck). */
export function useSlideActive(): Ref<boolean> {
  const slidev = inject(injectionSlidevContext, undefined)
  const page = inject(injectionCurrentPage, undefined)
  return computed(() => !slidev || !page || slidev.nav.currentSlideNo === page.value)
}

/**
 * Counts from 0 up to each target while the slide is on screen; shows the targets themselves
 * whenever useFinalState() says so.
 */
export function useCountUp(targets: Ref<readonly number[]>, durationMs = 1200): Ref<readonly number[]> {
  const final = useFinalState()
  const active = useSlideActive()
  const progress = ref(0)
  let frame = 0

  function stop(): void {
    if (frame)
      cancelAnimationFrame(frame)
    frame = 0
  }

  function start(): void {
    stop()
    progress.value = 0
    const started = performance.now()
    const step = (now: number): void => {
      progress.value = Math.min(1, (now - started) / durationMs)
      frame = progress.value < 1
        ? requestAnimationFrame(step)
        : 0
    }
    frame = requestAnimationFrame(step)
  }

  onMounted(() => {
    watch(active, (isActive) => {
      if (isActive && !final.value)
        start()
    }, { immediate: true })
  })
  onBeforeUnmount(stop)

  return computed(() => {
    if (final.value)
      return targets.value
    const eased = 1 - (1 - progress.value) ** 3
    return targets.value.map(target => Math.round(target * eased))
  })
}
