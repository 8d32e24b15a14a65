import type { SlideFacts } from './slide-facts.ts'
import { opensSection } from './slide-facts.ts'
import { slideTitle } from './slides.ts'

/**
 * Pacing: section budgets, the pace clock (pauses shift the plan, they never reset it) and how far
 * ahead or behind plan the speaker is. Pure functions of their arguments and an explicit `now`, so
 * the server, the presenter view, the remote and the tests all compute the same figures.
 */

export const SECOND = 1000
export const MINUTE = 60 * SECOND

/** Closer to plan than this reads as "on pace": a pace that flips every few seconds helps no one. */
export const ON_PACE_MS = 30 * SECOND

const DURATION = /^(?:(\d+(?:\.\d+)?)\s*min(?:\s*(\d+)\s*s)?|(\d+)\s*s)$/

/** "25min", "4min", "1.5min", "2min 30s", "90s" in milliseconds; undefined for anything else. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string')
    return undefined
  const match = DURATION.exec(value.trim())
  if (!match)
    return undefined
  const [, minutes, extraSeconds, seconds] = match
  const ms = minutes !== undefined
    ? Number(minutes) * MINUTE + Number(extraSeconds ?? 0) * SECOND
    : Number(seconds) * SECOND
  return Number.isFinite(ms) && ms > 0
    ? Math.round(ms)
    : undefined
}

/** "4min", "2min 30s", "45s": a duration as a budget is written. */
export function formatBudget(ms: number): string {
  const seconds = Math.round(ms / SECOND)
  const min = Math.floor(seconds / 60)
  const sec = seconds % 60
  if (min === 0)
    return `${sec}s`
  return sec === 0
    ? `${min}min`
    : `${min}min ${sec}s`
}

export interface PlanSection {
  title: string
  budgetMs: number
  /** First and last slide numbers, inclusive. */
  first: number
  last: number
  /** Planned elapsed time when the section starts. */
  startMs: number
  file?: string
}

export interface PlanSlide {
  no: number
  title: string
  /** Index into `Plan.sections`. */
  section: number
}

export interface Plan {
  totalMs: number
  sections: PlanSection[]
  slides: PlanSlide[]
}

export class PlanError extends Error {
  override name = 'PlanError'
}

function where(file: string | undefined): string {
  return file ?? 'the deck'
}

/**
 * The plan of a deck: its sections (a slide whose frontmatter has `section:` opens one) with the
 * `budget:` written on that first slide. Every section needs a budget and the budgets must sum to
 * the headmatter's `duration`; a PlanError names the file and field that are wrong.
 */
export function buildPlan(slides: readonly SlideFacts[], duration: unknown, headmatterFile = 'slides.md'): Plan {
  const totalMs = parseDuration(duration)
  if (totalMs === undefined)
    throw new PlanError(`${headmatterFile}: duration ${JSON.stringify(duration)} is not a duration such as 25min`)
  const sections: PlanSection[] = []
  const planSlides: PlanSlide[] = []
  for (const slide of slides) {
    const named = opensSection(slide.frontmatter)
    const budget = slide.frontmatter.budget
    if (named === undefined && budget !== undefined)
      throw new PlanError(`${where(slide.file)}: slide ${slide.no} has budget ${JSON.stringify(budget)} but opens no section: put budget beside a section: key`)
    if (named !== undefined) {
      const budgetMs = parseDuration(budget)
      if (budget === undefined)
        throw new PlanError(`${where(slide.file)}: section "${named}" (slide ${slide.no}) has no budget: add e.g. budget: 4min to its frontmatter`)
      if (budgetMs === undefined)
        throw new PlanError(`${where(slide.file)}: budget ${JSON.stringify(budget)} of section "${named}" is not a duration such as 4min, 90s or 2min 30s`)
      const previous = sections.at(-1)
      sections.push({
        title: named,
        budgetMs,
        first: slide.no,
        last: slide.no,
        startMs: previous
          ? previous.startMs + previous.budgetMs
          : 0,
        file: slide.file,
      })
    }
    const current = sections.at(-1)
    if (!current)
      throw new PlanError(`${where(slide.file)}: slide ${slide.no} comes before the first section: give the first slide a section: and a budget:`)
    current.last = slide.no
    planSlides.push({
      no: slide.no,
      title: slideTitle(slide.title, slide.no),
      section: sections.length - 1,
    })
  }
  const sum = sections.reduce((total, section) => total + section.budgetMs, 0)
  if (sum !== totalMs) {
    const list = sections.map(s => `${s.title} ${formatBudget(s.budgetMs)} (${where(s.file)})`).join(', ')
    throw new PlanError(`${headmatterFile}: the section budgets sum to ${formatBudget(sum)} but duration is ${formatBudget(totalMs)}: ${list}`)
  }
  return { totalMs, sections, slides: planSlides }
}

export function sectionOf(plan: Plan, slide: number): PlanSection | undefined {
  const index = plan.slides.find(s => s.no === slide)?.section
  return index === undefined
    ? undefined
    : plan.sections[index]
}

/**
 * The planned window of a slide, in elapsed time: a section's budget is shared evenly by its slides,
 * so slide k of n starts at start + budget * k / n.
 */
export function plannedWindow(plan: Plan, slide: number): { fromMs: number, toMs: number } | undefined {
  const section = sectionOf(plan, slide)
  if (!section)
    return undefined
  const count = section.last - section.first + 1
  const at = (k: number): number => section.startMs + section.budgetMs * k / count
  const k = slide - section.first
  return {
    fromMs: at(k),
    toMs: at(k + 1),
  }
}

/** The pace clock, in wall-clock milliseconds. Pauses add to `pausedMs`; nothing is ever reset but by `resetClock`. */
export interface ClockState {
  startedAt: number | null
  /** Set while paused. */
  pausedAt: number | null
  pausedMs: number
  /** End-time mode: the wall-clock time the talk must end at. */
  endAt: number | null
}

export const STOPPED: ClockState = {
  startedAt: null,
  pausedAt: null,
  pausedMs: 0,
  endAt: null,
}

export function elapsedMs(clock: ClockState, now: number): number {
  if (clock.startedAt === null)
    return 0
  const until = clock.pausedAt ?? now
  return Math.max(0, until - clock.startedAt - clock.pausedMs)
}

export function startClock(clock: ClockState, now: number): ClockState {
  return clock.startedAt === null
    ? {
        ...clock,
        startedAt: now,
        pausedAt: null,
        pausedMs: 0,
      }
    : clock
}

export function pauseClock(clock: ClockState, now: number): ClockState {
  if (clock.startedAt === null || clock.pausedAt !== null)
    return clock
  return { ...clock, pausedAt: now }
}

export function resumeClock(clock: ClockState, now: number): ClockState {
  if (clock.startedAt === null)
    return startClock(clock, now)
  if (clock.pausedAt === null)
    return clock
  return { ...clock, pausedAt: null, pausedMs: clock.pausedMs + (now - clock.pausedAt) }
}

export function togglePause(clock: ClockState, now: number): ClockState {
  return clock.startedAt !== null && clock.pausedAt === null
    ? pauseClock(clock, now)
    : resumeClock(clock, now)
}

export function resetClock(clock: ClockState): ClockState {
  return { ...STOPPED, endAt: clock.endAt }
}

export function setEndAt(clock: ClockState, endAt: number | null): ClockState {
  return { ...clock, endAt }
}

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

/** "12:05", "1:02:03"; negative times as "-0:40". */
export function formatClock(ms: number): string {
  const sign = ms < 0
    ? '-'
    : ''
  const total = Math.floor(Math.abs(ms) / SECOND)
  const h = Math.floor(total / 3600)
  const m = Math.floor(total / 60) % 60
  const s = String(total % 60).padStart(2, '0')
  return h > 0
    ? `${sign}${h}:${String(m).padStart(2, '0')}:${s}`
    : `${sign}${m}:${s}`
}

/**
 * The wall-clock time of "14:30" (24-hour, local time of `now`'s day, or the next day if it has
 * passed by more than an hour, for a late talk); undefined if the text is no such time.
 */
export function parseEndTime(text: string, now: number): number | undefined {
  const match = /^(\d{1,2})[:.h](\d{2})$/.exec(text.trim())
  if (!match)
    return undefined
  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (hours > 23 || minutes > 59)
    return undefined
  const at = new Date(now)
  at.setHours(hours, minutes, 0, 0)
  let time = at.getTime()
  if (time < now - 60 * MINUTE)
    time += 24 * 60 * MINUTE
  return time
}
