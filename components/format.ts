import type { Stat } from '../data/schema'

/** A figure as its source words it: "over 5000 attendees", "every 6 months, a new summit". */
export function formatStat(stat: Pick<Stat, 'prefix' | 'value' | 'label'>): string {
  return [
    stat.prefix,
    String(stat.value),
    stat.label,
  ].filter(Boolean).join(' ')
}
