import { describe, expect, it } from 'vitest'
import { wrapWords } from '../components/wrap.ts'

describe('wrapWords (the companies chart laid out for a narrow width)', () => {
  it('breaks at spaces, each line at most the given length', () => {
    const lines = wrapWords('IBM, HP, Red Hat, Rackspace, Canonical, EMC, VMware, Cisco, and many others', 40)
    expect(lines).toEqual([
      'IBM, HP, Red Hat, Rackspace, Canonical,',
      'EMC, VMware, Cisco, and many others',
    ])
    expect(lines.every(line => line.length <= 40)).toBe(true)
  })

  it('keeps every word, in order, and gives a longer word a line of its own', () => {
    expect(wrapWords('a verylongwordindeed b', 5)).toEqual(['a', 'verylongwordindeed', 'b'])
    expect(wrapWords('  spaced   out  ', 20)).toEqual(['spaced out'])
    expect(wrapWords('', 10)).toEqual([])
  })
})
