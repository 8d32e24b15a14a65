import type { PaceLog, Plan } from './pacing.ts'
import { describeDowntime, SECOND, sectionTimes, slideTimes } from './pacing.ts'
import { median } from './stats.ts'

/** A rehearsal as saved in rehearsals/<date>.json. */
export interface Rehearsal {
  /** ISO date and time the run was saved. */
  date: string
  /** The talk's duration then. */
  durationMs: number
  sections: { title: string, budgetMs: number, ms: number }[]
  slides: { no: number, title: string, ms: number }[]
  /** Time the relay was down mid-run (a crash): in the run, in no slide's or section's time. */
  downtime?: { slide: number, ms: number, note: string }[]
}

/** The run so far: time per slide and per section up to pace time `elapsedMs`. */
export function rehearsalOf(plan: Plan, log: PaceLog, elapsedMs: number, date: Date): Rehearsal {
  const perSlide = slideTimes(log, elapsedMs)
  const perSection = sectionTimes(plan, perSlide)
  return {
    date: date.toISOString(),
    durationMs: plan.totalMs,
    sections: plan.sections.map((section, i) => ({ title: section.title, budgetMs: section.budgetMs, ms: perSection[i] ?? 0 })),
    slides: plan.slides.map(slide => ({ no: slide.no, title: slide.title, ms: perSlide[slide.no] ?? 0 })),
    ...(log.downtime?.length
      ? {
          downtime: log.downtime.map(span => ({
            ...span,
            note: describeDowntime(span),
          })),
        }
      : {}),
  }
}

/** The file name a run is saved under: its date, sortable, without characters Windows refuses. */
export function rehearsalFileName(date: Date): string {
  return `${date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`
}

/** Whether a parsed JSON value has the shape of a Rehearsal (files are hand-editable). */
export function isRehearsal(value: unknown): value is Rehearsal {
  const run = value as Rehearsal
  return typeof run === 'object' && run !== null
    && typeof run.date === 'string'
    && typeof run.durationMs === 'number'
    && Array.isArray(run.sections) && run.sections.every(s => typeof s?.title === 'string' && typeof s.ms === 'number')
    && Array.isArray(run.slides) && run.slides.every(s => typeof s?.no === 'number' && typeof s.ms === 'number')
}

function newestFirst(runs: readonly Rehearsal[]): Rehearsal[] {
  return [...runs].sort((a, b) => b.date.localeCompare(a.date))
}

export interface SectionRuns {
  title: string
  budgetMs: number
  /** The section's time in each of the last runs, newest first; undefined where a run lacks the section. */
  runsMs: (number | undefined)[]
}

/** Per section of the plan, its time in the `last` newest runs. */
export function summarizeRuns(plan: Plan, runs: readonly Rehearsal[], last = 3): SectionRuns[] {
  const recent = newestFirst(runs).slice(0, last)
  return plan.sections.map(section => ({
    title: section.title,
    budgetMs: section.budgetMs,
    runsMs: recent.map(run => run.sections.find(s => s.title === section.title)?.ms),
  }))
}

const STEP_MS = 30 * SECOND

/**
 * Budgets suggested by rehearsals: each section's median time over the last `last` runs (its budget
 * where no run has it), scaled so that they sum to the duration, in steps of 30 seconds (largest
 * remainders get the spare steps, so the sum is exact).
 */
export function suggestBudgets(plan: Plan, runs: readonly Rehearsal[], last = 3): number[] {
  const summary = summarizeRuns(plan, runs, last)
  const typical = summary.map((s) => {
    const ms = median(s.runsMs.filter((ms): ms is number => ms !== undefined && ms > 0))
    return Number.isNaN(ms)
      ? s.budgetMs
      : ms
  })
  const sum = typical.reduce((a, b) => a + b, 0)
  const steps = Math.round(plan.totalMs / STEP_MS)
  const exact = typical.map(ms => sum > 0
    ? ms / sum * steps
    : steps / typical.length)
  const whole = exact.map(Math.floor)
  let spare = steps - whole.reduce((a, b) => a + b, 0)
  const order = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.i - b.i)
  for (const { i } of order) {
    if (spare <= 0)
      break
    whole[i] = (whole[i] ?? 0) + 1
    spare--
  }
  return whole.map(n => n * STEP_MS)
}
