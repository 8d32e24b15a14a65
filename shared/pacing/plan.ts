import type { SlideFacts } from '../slide-facts.ts'
import { opensSection } from '../slide-facts.ts'
import { slideTitle } from '../slides.ts'
import { formatBudget, parseDuration } from './time.ts'

// The pacing plan: the deck's sections with the budget written on each one's first slide, checked
// against the headmatter's duration.

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
