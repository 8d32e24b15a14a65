import type { ClockState } from './clock.ts'
import type { PaceLog } from './log.ts'
import type { Plan } from './plan.ts'
import { elapsedMs } from './clock.ts'
import { sectionTimes, slideTimes } from './log.ts'
import { plannedWindow } from './plan.ts'
import { MINUTE, SECOND } from './time.ts'

// How far ahead or behind plan the speaker is, in figures and in words.

/** Closer to plan than this reads as "on pace": a pace that flips every few seconds helps no one. */
export const ON_PACE_MS = 30 * SECOND

export type PaceStatus = 'not-started' | 'ahead' | 'on-pace' | 'behind'

export interface Pace {
  running: boolean
  paused: boolean
  elapsedMs: number
  /** Time left to the end of the talk (the duration, or the end time); negative when over. */
  remainingMs: number
  section: { title: string, budgetMs: number, spentMs: number, leftMs: number } | undefined
  /** Positive: ahead of plan; negative: behind; 0 within the current slide's planned window. */
  deltaMs: number
  status: PaceStatus
}

/**
 * Where the speaker stands at `now` on `slide`. The plan gives the slide a window of elapsed time;
 * time left to the end is compared with the work left: more time than the slide's whole remaining
 * plan is ahead, less than what follows it is behind. In duration mode that is elapsed time against
 * the window; in end-time mode, the wall clock against the end time, so a pause spends slack.
 */
export function paceAt(plan: Plan, clock: ClockState, log: PaceLog, slide: number, now: number): Pace {
  const elapsed = elapsedMs(clock, now)
  const remainingMs = clock.endAt !== null
    ? clock.endAt - now
    : plan.totalMs - elapsed
  const window = plannedWindow(plan, slide)
  const sectionIndex = plan.slides.find(s => s.no === slide)?.section
  const section = sectionIndex === undefined
    ? undefined
    : plan.sections[sectionIndex]
  const spent = sectionIndex === undefined
    ? 0
    : sectionTimes(plan, slideTimes(log, elapsed))[sectionIndex] ?? 0
  let deltaMs = 0
  if (window && clock.startedAt !== null) {
    const workLeftMost = plan.totalMs - window.fromMs
    const workLeftLeast = plan.totalMs - window.toMs
    if (remainingMs > workLeftMost)
      deltaMs = remainingMs - workLeftMost
    else if (remainingMs < workLeftLeast)
      deltaMs = remainingMs - workLeftLeast
  }
  const started = clock.startedAt !== null
  let status: PaceStatus = 'on-pace'
  if (!started)
    status = 'not-started'
  else if (deltaMs >= ON_PACE_MS)
    status = 'ahead'
  else if (deltaMs <= -ON_PACE_MS)
    status = 'behind'
  return {
    running: started && clock.pausedAt === null,
    paused: started && clock.pausedAt !== null,
    elapsedMs: elapsed,
    remainingMs,
    section: section && {
      title: section.title,
      budgetMs: section.budgetMs,
      spentMs: spent,
      leftMs: section.budgetMs - spent,
    },
    deltaMs,
    status,
  }
}

/** "3 min ahead", "1 min behind", "on pace", "not started": the pace in words, never colour alone. */
export function describePace(pace: Pick<Pace, 'status' | 'deltaMs'>): string {
  if (pace.status === 'not-started')
    return 'not started'
  if (pace.status === 'on-pace')
    return 'on pace'
  const minutes = Math.max(1, Math.round(Math.abs(pace.deltaMs) / MINUTE))
  return `${minutes} min ${pace.status}`
}
