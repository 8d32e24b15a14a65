import type { Plan } from './plan.ts'

// The pace log: time spent per slide, in pace-clock time.

/**
 * Time spent per slide, in pace-clock time (pauses excluded). `current` is the slide on screen and
 * the elapsed time when it was entered; its running time is added by `slideTimes`.
 */
export interface PaceLog {
  slideMs: Record<number, number>
  current: { slide: number, enteredMs: number } | null
  /**
   * Spans the relay was down while the talk went on (a crash, not a graceful stop): counted in the
   * run's time, given to no slide, each with the slide that was on screen.
   */
  downtime?: Downtime[]
}

/** Pace time the relay was down with `slide` on screen. */
export interface Downtime {
  slide: number
  ms: number
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
    ...log,
    slideMs,
    current: { slide, enteredMs: atMs },
  }
}

/**
 * The relay was down for `ms` of pace time (it crashed; the talk went on in the room) with the
 * current slide on screen: that time stays in the run but is not the slide's; it is kept as downtime.
 */
export function markDowntime(log: PaceLog, ms: number): PaceLog {
  if (!log.current || ms <= 0)
    return log
  return {
    ...log,
    current: { ...log.current, enteredMs: log.current.enteredMs + ms },
    downtime: [
      ...(log.downtime ?? []),
      { slide: log.current.slide, ms },
    ],
  }
}

/** "relay down 1:12 on slide 7": what a log or a rehearsal says of a span of downtime. */
export function describeDowntime(downtime: Downtime): string {
  const seconds = Math.round(downtime.ms / 1000)
  return `relay down ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} on slide ${downtime.slide}`
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
