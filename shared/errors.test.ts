import { describe, expect, it } from 'vitest'
import { errorMessage, firstLine } from './errors.ts'

describe('error messages', () => {
  it('take an Error\'s message, or the thrown value as text', () => {
    expect(errorMessage(new Error('no build'))).toBe('no build')
    expect(errorMessage('plain')).toBe('plain')
    expect(errorMessage(42)).toBe('42')
  })
  it('firstLine is the first line with text, trimmed', () => {
    expect(firstLine(new Error('\n  page.goto: timeout  \nCall log:\n  - navigating'))).toBe('page.goto: timeout')
    expect(firstLine(new Error(' \n '))).toBe('unknown error')
  })
})
