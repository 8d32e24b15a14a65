/**
 * The median of the finite values (the mean of the two middle ones for an even count); NaN when there
 * are none. The one median of the project: benchmarks, rehearsals and the room check use it.
 */
export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).toSorted((a, b) => a - b)
  if (!sorted.length)
    return Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? sorted[mid]!
    : (sorted[mid - 1]! + sorted[mid]!) / 2
}
