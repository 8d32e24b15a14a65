// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { sentenceProbe } from '../../shared/search'
import { findText } from './dom'

describe('findText (where a search hit is on the page)', () => {
  it('finds a sentence the index joined from neighbouring elements that have no space between them', () => {
    const root = document.createElement('article')
    root.innerHTML = '<p class="flow"><span>Docker libnetwork</span><span>Kuryr</span><span>Neutron</span></p><p>Other text</p>'
    const found = findText(root, sentenceProbe('Docker libnetwork Kuryr Neutron'))
    expect(found?.className).toBe('flow')
  })

  it('takes the innermost element, folds quotes and case, and finds nothing that is not there', () => {
    const root = document.createElement('article')
    root.innerHTML = '<div><p>One “quoted” Line</p></div>'
    expect(findText(root, 'one "quoted" line')?.tagName).toBe('P')
    expect(findText(root, 'not here')).toBeUndefined()
  })
})
