import type { ComputedRef, Ref } from 'vue'
import type { Pace, Plan } from '../../shared/pacing.ts'
import { useIntervalFn } from '@vueuse/core'
import { computed, ref } from 'vue'
import { configs, useNav } from '../../setup/slidev-client.js'
import { buildPlan, elapsedMs, paceAt, slideTimes } from '../../shared/pacing.ts'
import { slideFacts } from '../../shared/slide-facts.ts'
import { live, sendCommand, serverNow } from './connection.ts'

/** Pause or resume the pace clock for a question (the `p` key and the pause buttons). */
export function togglePauseClock(): void {
  sendCommand({ type: 'clock', action: 'toggle' })
}

/** The deck's plan from the slides' frontmatter; the build has checked it, so undefined only for a deck without budgets. */
export function deckPlan(): Plan | undefined {
  const { slides } = useNav()
  try {
    return buildPlan(slides.value.map(slideFacts), configs.duration)
  }
  catch {
    return undefined
  }
}

export interface LivePace {
  plan: Plan | undefined
  pace: ComputedRef<Pace | undefined>
  /** Time on the slide shown, this run, and in the last saved rehearsal. */
  slideMs: ComputedRef<number>
  rehearsedMs: ComputedRef<number | undefined>
  now: Ref<number>
}

/** The live pace at `slide`, recomputed twice a second from the relay's clock (the server's time). */
export function usePace(slide: () => number): LivePace {
  const plan = deckPlan()
  const now = ref(serverNow())
  useIntervalFn(() => {
    now.value = serverNow()
  }, 500)
  const pace = computed(() => plan && live.pace
    ? paceAt(plan, live.pace.clock, live.pace.log, slide(), now.value)
    : undefined)
  const slideMs = computed(() => live.pace
    ? slideTimes(live.pace.log, elapsedMs(live.pace.clock, now.value))[slide()] ?? 0
    : 0)
  const rehearsedMs = computed(() => live.lastRehearsal[slide()])
  return {
    plan,
    pace,
    slideMs,
    rehearsedMs,
    now,
  }
}
