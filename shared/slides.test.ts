import { describe, expect, it } from 'vitest'
import { slidePosition, slideTitle } from './slides.ts'

describe('slideTitle', () => {
  it('is the slide\'s own title, trimmed', () => {
    expect(slideTitle('  Scale  ', 4)).toBe('Scale')
  })
  it.each([undefined, null, '', '   '])('is "Slide N" for a title of %j', (title) => {
    expect(slideTitle(title, 4)).toBe('Slide 4')
  })
})

describe('slidePosition', () => {
  it('is "Slide N of M"', () => {
    expect(slidePosition(4, 23)).toBe('Slide 4 of 23')
    expect(slidePosition(4, 23, ' ')).toBe('Slide 4 of 23')
  })
  it('names the slide when given its title', () => {
    expect(slidePosition(4, 23, 'Who was there')).toBe('Slide 4 of 23: Who was there')
  })
})
