/** ours / starter, NaN when either is missing or the starter's is 0. */
export function ratio(ours: number, starter: number): number {
  if (!Number.isFinite(ours) || !Number.isFinite(starter) || starter === 0)
    return Number.NaN
  return ours / starter
}

export function formatRatio(value: number): string {
  if (!Number.isFinite(value))
    return 'n/a'
  if (value === 0)
    return '0'
  return value < 0.01
    ? value.toPrecision(1)
    : value.toFixed(2)
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes))
    return 'n/a'
  if (bytes >= 1024 * 1024)
    return `${(bytes / 1024 / 1024).toFixed(2)} MB`
  return `${(bytes / 1024).toFixed(0)} KB`
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms))
    return 'n/a'
  return ms >= 10_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.round(ms)} ms`
}

export function formatSeconds(ms: number): string {
  return Number.isFinite(ms)
    ? `${(ms / 1000).toFixed(1)} s`
    : 'n/a'
}

export function formatCount(value: number): string {
  return Number.isFinite(value)
    ? String(Math.round(value))
    : 'n/a'
}

/** Wall time of `work`, in milliseconds, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number, value: T }> {
  const started = performance.now()
  const value = await work()
  return { ms: performance.now() - started, value }
}
