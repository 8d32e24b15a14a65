// `npm run slides` (`./deck slides`): the running order. Each section on a line of its own with its
// time budget and planned start (the pacing plan of scripts/present/plan.ts), then its slides, one
// line each: number, source file and line, title. "Where is slide 7?" takes one command.
// Usage: node scripts/slides.ts [ENTRY]
import type { Plan } from '../shared/pacing.ts'
import type { Deck } from './lib/deck.ts'
import { formatBudget, formatClock } from '../shared/pacing.ts'
import { loadDeck } from './lib/deck.ts'
import { runMain } from './lib/main.ts'
import { loadPlan } from './present/plan.ts'

/** The running order as plain text: a line per section (start, title, budget), then its slides, padded to the widest cell. */
export function runningOrder(deck: Deck, plan: Plan): string {
  const numberWidth = String(deck.slides.length).length
  const sourceWidth = Math.max(...deck.slides.map(slide => `${slide.file}:${slide.line}`.length))
  const clockWidth = formatClock(plan.totalMs).length
  const lines: string[] = []
  for (const section of plan.sections) {
    lines.push(`${formatClock(section.startMs).padStart(clockWidth)}  ${section.title} (budget ${formatBudget(section.budgetMs)})`)
    for (const slide of deck.slides.filter(s => s.number >= section.first && s.number <= section.last)) {
      lines.push([
        ' '.repeat(clockWidth),
        String(slide.number).padStart(numberWidth),
        `${slide.file}:${slide.line}`.padEnd(sourceWidth),
        slide.title,
      ].join('  '))
    }
  }
  lines.push(`${formatClock(plan.totalMs).padStart(clockWidth)}  end (duration ${formatBudget(plan.totalMs)})`)
  return lines.join('\n')
}

if (import.meta.main) {
  runMain('slides', async (argv) => {
    console.log(runningOrder(await loadDeck(argv[0]), await loadPlan(argv[0])))
  })
}
