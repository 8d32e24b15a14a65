import { describe, expect, it } from 'vitest'
import { readerSections, targetSlide, whereLabel } from './reader-model'

function slide(no: number, frontmatter: Record<string, unknown> = {}, title?: string) {
  return {
    no,
    title,
    frontmatter,
    noteHTML: `<p>${no}</p>`,
  }
}

/** Each section as [title, its slides' numbers]. */
function outlineOf(sections: ReturnType<typeof readerSections>): [string, number[]][] {
  return sections.map(s => [
    s.title,
    s.slides.map(x => x.no),
  ])
}

describe('readerSections', () => {
  it('groups slides by the section their frontmatter opens, in order', () => {
    const sections = readerSections([
      slide(1, { section: 'Opening' }, 'Cover'),
      slide(2),
      slide(3, { section: 'Scale' }),
      slide(4),
    ])
    expect(outlineOf(sections)).toEqual([
      [
        'Opening',
        [1, 2],
      ],
      [
        'Scale',
        [3, 4],
      ],
    ])
    expect(sections[0]!.slides[0]).toEqual({
      no: 1,
      title: 'Cover',
      section: 'Opening',
      noteHTML: '<p>1</p>',
    })
    expect(sections[1]!.slides[0]!.title).toBe('Slide 3')
  })

  it('leaves hidden and disabled slides out; a hidden slide still opens its section', () => {
    const sections = readerSections([
      slide(1, { section: 'A' }),
      slide(2, { section: 'B', hide: true }),
      slide(3),
      slide(4, { disabled: true }),
    ])
    expect(outlineOf(sections)).toEqual([
      [
        'A',
        [1],
      ],
      [
        'B',
        [3],
      ],
    ])
  })

  it('a section named twice in a row is two groups; slides before any section are untitled', () => {
    const sections = readerSections([
      slide(1),
      slide(2, { section: 'A' }),
      slide(3, { section: 'A' }),
    ], '')
    expect(outlineOf(sections)).toEqual([
      [
        '',
        [1],
      ],
      [
        'A',
        [2],
      ],
      [
        'A',
        [3],
      ],
    ])
  })
})

describe('targetSlide', () => {
  it('reads #N or the path parameter, for slides that exist', () => {
    expect(targetSlide('#7', undefined, 26)).toBe(7)
    expect(targetSlide('', '12', 26)).toBe(12)
    expect(targetSlide('', ['3'], 26)).toBe(3)
    expect(targetSlide('#7', '9', 26)).toBe(7)
  })

  it('ignores anything else', () => {
    expect(targetSlide('', undefined, 26)).toBeUndefined()
    expect(targetSlide('#0', '', 26)).toBeUndefined()
    expect(targetSlide('#27', '', 26)).toBeUndefined()
    expect(targetSlide('#reader-search-input', '', 26)).toBeUndefined()
    expect(targetSlide('#7a', '', 26)).toBeUndefined()
  })
})

describe('whereLabel', () => {
  it('names the section and the position', () => {
    expect(whereLabel('Scale', 7, 26)).toBe('Scale · 7 of 26')
    expect(whereLabel('', 1, 26)).toBe('1 of 26')
  })
})
