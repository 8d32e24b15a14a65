import type { Plan } from '../../shared/pacing.ts'
import type { Rehearsal } from '../../shared/rehearsal.ts'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatBudget, formatClock } from '../../shared/pacing.ts'
import { isRehearsal, suggestBudgets, summarizeRuns } from '../../shared/rehearsal.ts'
import { DECK_ROOT } from '../lib/deck.ts'
import { runMain } from '../lib/main.ts'
import { loadPlan } from './plan.ts'

/**
 * Every well-formed rehearsal in `dir`, oldest first (their file names are dated); files that are not
 * are named to `skipped` (stderr unless given) and left out. The one reader of rehearsals: this
 * command's report and the presenting server's last run.
 */
export function readRehearsals(dir: string, skipped: (line: string) => void = line => console.error(line)): Rehearsal[] {
  if (!existsSync(dir))
    return []
  const runs: Rehearsal[] = []
  for (const name of readdirSync(dir).filter(n => n.endsWith('.json')).sort()) {
    try {
      const run: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'))
      if (isRehearsal(run))
        runs.push(run)
      else
        skipped(`rehearsal: ${name} is not a rehearsal, skipped`)
    }
    catch {
      skipped(`rehearsal: ${name} is not JSON, skipped`)
    }
  }
  return runs
}

/** A table of the last runs per section against the budgets, and the budgets the runs suggest. */
export function rehearsalReport(plan: Plan, runs: readonly Rehearsal[], last = 3): string {
  if (runs.length === 0)
    return 'No rehearsals yet: present with ./deck present, then "Save rehearsal" in the presenter view.'
  const summary = summarizeRuns(plan, runs, last)
  const suggested = suggestBudgets(plan, runs, last)
  const dates = [...runs].sort((a, b) => b.date.localeCompare(a.date)).slice(0, last).map(run => run.date.slice(0, 16).replace('T', ' '))
  const header = [
    'Section',
    'Budget',
    ...dates,
    'Suggested',
  ]
  const rows = summary.map((section, i) => [
    section.title,
    formatClock(section.budgetMs),
    ...section.runsMs.map(ms => ms === undefined
      ? '-'
      : formatClock(ms)),
    formatClock(suggested[i] ?? 0),
  ])
  const totals = [
    'Total',
    formatClock(plan.totalMs),
    ...summary[0]!.runsMs.map((_, r) => formatClock(summary.reduce((sum, s) => sum + (s.runsMs[r] ?? 0), 0))),
    formatClock(plan.totalMs),
  ]
  const table = [header, ...rows, totals]
  const widths = header.map((_, c) => Math.max(...table.map(row => (row[c] ?? '').length)))
  const lines = table.map(row => row.map((cell, c) => c === 0
    ? cell.padEnd(widths[c]!)
    : cell.padStart(widths[c]!)).join('  '))
  const frontmatter = summary.map((section, i) => `  ${section.title}: budget: ${formatBudget(suggested[i] ?? 0)}`)
  return [
    `Last ${dates.length} rehearsal${dates.length === 1
      ? ''
      : 's'}, newest first, against the budgets (duration ${formatBudget(plan.totalMs)}):`,
    '',
    ...lines,
    '',
    'Suggested budgets (median of these runs, scaled to the duration, in half minutes), for each section\'s first slide:',
    ...frontmatter,
  ].join('\n')
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: {
        type: 'string',
        default: join(DECK_ROOT, 'rehearsals'),
      },
      last: { type: 'string', default: '3' },
    },
  })
  const plan = await loadPlan()
  console.log(rehearsalReport(plan, readRehearsals(resolve(values.dir)), Math.max(1, Number(values.last) || 3)))
}

if (import.meta.main)
  runMain('rehearsal', main)
