// The pace clock: started, paused and resumed in wall-clock milliseconds; pauses shift the plan,
// they never reset it.

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
