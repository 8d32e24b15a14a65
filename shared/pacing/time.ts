// Pacing's units and how its times are written and read: durations ("4min", "2min 30s"), clock
// times ("12:05") and end times ("14:30").

export const SECOND = 1000
export const MINUTE = 60 * SECOND

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
