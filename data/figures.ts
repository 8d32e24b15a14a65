import type { Stat } from './schema.ts'
import { sources } from './sources.ts'
import { attendanceStats, event, innovationCenter, neutronUsage } from './summit.ts'

/** Small whole numbers as words, for figures the slides write out ("four days"). */
const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
] as const

export function numberWord(value: number): string {
  return WORDS[value] ?? String(value)
}

function stat(id: string): Stat {
  const found: Stat | undefined = attendanceStats.find(s => s.id === id)
  if (!found)
    throw new Error(`data/figures.ts: no attendance stat "${id}" in data/summit.ts`)
  return found
}

/** The confreaks index's count of videos, as its source's title gives it. */
function confreaksCount(): number {
  const title = sources.find(s => s.id === 'confreaks')?.title ?? ''
  const match = /(\d+) available presentations/.exec(title)
  if (!match)
    throw new Error('data/figures.ts: the "confreaks" source title gives no count of available presentations')
  return Number(match[1])
}

/**
 * Each figure a slide shows in running text, as the slide shows it, with the source that gives it.
 * Built from the data modules, so a figure is typed once, there; <DataFigure of="id" /> shows one.
 */
export function figureTexts(): Record<string, { text: string, source: string }> {
  const attendees = stat('attendees')
  const days = stat('days')
  const cadence = stat('cadence')
  return {
    'attendees': {
      text: [attendees.prefix, attendees.value].filter(Boolean).join(' '),
      source: attendees.source,
    },
    'days': { text: `${numberWord(days.value)} days`, source: days.source },
    'dates': { text: event.dates, source: event.source },
    'cadence': { text: `${numberWord(cadence.value)} months`, source: cadence.source },
    'innovation-clusters': {
      text: `${numberWord(innovationCenter.clusters)} dedicated ${innovationCenter.nodesPerCluster} node clusters`,
      source: innovationCenter.source,
    },
    'neutron-usage': { text: `${neutronUsage.value}${neutronUsage.unit}`, source: neutronUsage.source },
    'confreaks-count': {
      text: String(confreaksCount()),
      source: 'confreaks',
    },
  }
}
