import type { Plan } from './plan.ts'

// The pace log: time spent per slide, in pace-clock time.

/**
 * Time spent per slide, in pace-clock time (pauses excluded). `current` is the slide on screen and
 * the elapsed time when it was entered; its running time is added by `slideTimes`.
 */
export interface PaceLog {
  slideMs: Record<number, number>
  current: { slide: number, enteredMs: number } | null
}

export const EMPTY_LOG: PaceLog = { slideMs: {}, current: null }

/** Records that the speaker is on `slide` from pace time `atMs`: the time since the last move goes to the slide left. */
export function enterSlide(log: PaceLog, slide: number, atMs: number): PaceLog {
  if (log.current?.slide === slide)
    return log
  const slideMs = { ...log.slideMs }
  if (log.current)
    slideMs[log.current.slide] = (slideMs[log.current.slide] ?? 0) + Math.max(0, atMs - log.current.enteredMs)
  return {
    slideMs,
    current: { slide, enteredMs: atMs },
  }
}

/** Time per slide up to pace time `atMs`, the slide on screen included. */
export function slideTimes(log: PaceLog, atMs: number): Record<number, number> {
  if (!log.current)
    return log.slideMs
  const slideMs = { ...log.slideMs }
  slideMs[log.current.slide] = (slideMs[log.current.slide] ?? 0) + Math.max(0, atMs - log.current.enteredMs)
  return slideMs
}

/** Time per section (by index into the plan's sections) from the time per slide. */
export function sectionTimes(plan: Plan, slideMs: Record<number, number>): number[] {
  const times = plan.sections.map(() => 0)
  for (const slide of plan.slides)
    times[slide.section] = (times[slide.section] ?? 0) + (slideMs[slide.no] ?? 0)
  return times
}
