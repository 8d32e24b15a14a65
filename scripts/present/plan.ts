import type { Plan } from '../../present/pacing.ts'
import { relative } from 'node:path'
import process from 'node:process'
import { buildPlan, formatBudget, formatClock } from '../../present/pacing.ts'
import { DECK_ENTRY, DECK_ROOT, loadDeck } from '../lib/deck.ts'

/**
 * The deck's pacing plan: each section's `budget:` from its first slide's frontmatter, checked
 * against the headmatter's `duration`. Throws a PlanError naming the file and field when they are
 * missing, malformed or do not add up; the build runs this (vite.config.ts), so a bad budget fails it.
 */
export async function loadPlan(entry: string = DECK_ENTRY): Promise<Plan> {
  const deck = await loadDeck(entry)
  return buildPlan(deck.slides.map(slide => ({
    no: slide.number,
    title: slide.title,
    frontmatter: slide.frontmatter,
    file: slide.file,
  })), deck.headmatter.raw.duration, relative(DECK_ROOT, deck.entry) || 'slides.md')
}

/** The running order: each section with its budget and planned start, then its slides. */
export function runningOrder(plan: Plan): string {
  const lines: string[] = []
  for (const section of plan.sections) {
    lines.push(`${formatClock(section.startMs).padStart(5)}  ${section.title} (budget ${formatBudget(section.budgetMs)})`)
    for (const slide of plan.slides.filter(s => s.no >= section.first && s.no <= section.last))
      lines.push(`       ${String(slide.no).padStart(2)}. ${slide.title}`)
  }
  lines.push(`${formatClock(plan.totalMs).padStart(5)}  end (duration ${formatBudget(plan.totalMs)})`)
  return lines.join('\n')
}

if (import.meta.main) {
  loadPlan().then(plan => console.log(runningOrder(plan)), (error: unknown) => {
    console.error(error instanceof Error
      ? error.message
      : String(error))
    process.exit(1)
  })
}
