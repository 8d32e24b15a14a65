import { describe, expect, it } from 'vitest'
import { median } from './stats.ts'

describe('median', () => {
  it('is the middle value of an odd count, in any order', () => {
    expect(median([5, 1, 3])).toBe(3)
  })
  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
  it('leaves out what is not a finite number', () => {
    expect(median([
      1,
      Number.NaN,
      3,
      Number.POSITIVE_INFINITY,
      2,
    ])).toBe(2)
  })
  it('is NaN for nothing', () => {
    expect(median([])).toBeNaN()
    expect(median([Number.NaN])).toBeNaN()
  })
})
