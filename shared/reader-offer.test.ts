import { describe, expect, it } from 'vitest'
import { deckOffer, parseChoice } from './reader-offer.ts'

describe('the deck\'s offer', () => {
  it('parses only the two choices', () => {
    expect(parseChoice('reader')).toBe('reader')
    expect(parseChoice('slides')).toBe('slides')
    expect(parseChoice('yes')).toBeUndefined()
    expect(parseChoice(null)).toBeUndefined()
  })

  it('offers the reader on a narrow portrait screen until a choice is made, then follows it', () => {
    expect(deckOffer(true, undefined)).toBe('offer')
    expect(deckOffer(true, 'reader')).toBe('redirect')
    expect(deckOffer(true, 'slides')).toBe('none')
    expect(deckOffer(false, undefined)).toBe('none')
    expect(deckOffer(false, 'reader')).toBe('none')
  })
})
