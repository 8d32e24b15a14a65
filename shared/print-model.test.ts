// The print route's page planning, tested as plain functions: no DOM, no browser, no build.
import { describe, expect, it } from 'vitest'
import { contentsOf, isHandout, manifestPages, outlineFromManifest, pageRules, pageSizePx, paginate, parseLayout, planSheets, toHandoutSlides } from './print-model'

/** A slide as the route sees it: number, title and frontmatter. */
function slide(no: number, title: string, frontmatter: Record<string, unknown>): { no: number, title: string, frontmatter: Record<string, unknown> } {
  return { no, title, frontmatter }
}

describe('handout page plan', () => {
  it('carries a section forward to the slides after it and leaves out hidden slides', () => {
    const slides = toHandoutSlides([
      slide(1, 'One', { section: 'Opening' }),
      { no: 2, title: 'Two', frontmatter: {} },
      slide(3, 'Hidden', { hide: true, section: 'Scale' }),
      { no: 4, frontmatter: {}, noteHTML: '<p>n</p>' },
    ])
    expect(slides).toEqual([
      {
        no: 1,
        title: 'One',
        section: 'Opening',
        noteHTML: '',
      },
      {
        no: 2,
        title: 'Two',
        section: 'Opening',
        noteHTML: '',
      },
      {
        no: 4,
        title: 'Slide 4',
        section: 'Scale',
        noteHTML: '<p>n</p>',
      },
    ])
  })

  it('fills appendix pages in order, the first with less room for its heading', () => {
    expect(paginate([40, 40, 40, 40], 90, 100)).toEqual([
      [0, 1],
      [2, 3],
    ])
    expect(paginate([150, 10], 100, 100)).toEqual([
      [0],
      [1],
    ])
    expect(paginate([], 100, 100)).toEqual([[]])
  })

  it('plans a cover, the slide sheets of the layout, then the appendix', () => {
    const slides = toHandoutSlides([1, 2, 3, 4].map(no => ({ no, title: `S${no}`, frontmatter: {} })))
    expect(planSheets(slides, parseLayout('3up'), [
      [0],
      [1],
    ]).map(s => s.kind)).toEqual([
      'cover',
      'slides',
      'slides',
      'appendix',
      'appendix',
    ])
    expect(planSheets(slides, parseLayout(undefined), [
      [0],
    ])).toHaveLength(1 + 4 + 1)
    expect(parseLayout(['3up'])).toBe('3up')
    expect(parseLayout('4up')).toBe('notes')
  })
})

describe('the slides layout', () => {
  const slides = toHandoutSlides([
    slide(1, 'Cover', { section: 'Opening' }),
    { no: 2, title: 'Agenda', frontmatter: {} },
    slide(3, 'Scale', { section: 'Scale' }),
  ])

  it('is one page per slide, in order, with no cover and no appendix: page N is slide N', () => {
    expect(parseLayout('slides')).toBe('slides')
    expect(isHandout('slides')).toBe(false)
    const sheets = planSheets(slides, 'slides', [
      [0, 1],
    ])
    expect(sheets.map(s => s.kind)).toEqual(['slides', 'slides', 'slides'])
    expect(sheets.map(s => s.kind === 'slides'
      ? s.slides.map(x => x.no)
      : [])).toEqual([
      [1],
      [2],
      [3],
    ])
  })

  it('prints at the canvas size with no margin; the handouts print on A4', () => {
    expect(pageSizePx('slides', { width: 980, height: 552 })).toEqual({ width: 980, height: 552 })
    expect(pageRules('slides', { width: 980, height: 552 })).toContain('size: 980px 552px; margin: 0;')
    const a4 = pageSizePx('notes', { width: 980, height: 552 })
    expect(a4.width).toBeCloseTo(793.7, 1)
    expect(a4.height).toBeCloseTo(1122.5, 1)
    expect(pageRules('3up', { width: 980, height: 552 })).toContain('size: A4 portrait;')
  })

  it('outlines each section with its slides, numbered as on the site, and no cover entry', () => {
    const pages = manifestPages(planSheets(slides, 'slides', []), [])
    expect(outlineFromManifest({
      layout: 'slides',
      pageSize: { width: 980, height: 552 },
      lang: 'en',
      hasNotes: false,
      pages,
    })).toEqual([
      {
        title: 'Opening',
        pageIndex: 0,
        children: [
          { title: '1. Cover', pageIndex: 0 },
          { title: '2. Agenda', pageIndex: 1 },
        ],
      },
      {
        title: 'Scale',
        pageIndex: 2,
        children: [
          { title: '3. Scale', pageIndex: 2 },
        ],
      },
    ])
  })

  it('lists the contents of a handout by section with the page each starts on', () => {
    expect(contentsOf(planSheets(slides, 'notes', [
      [0],
    ]))).toEqual([
      { title: 'Opening', page: 2 },
      { title: 'Scale', page: 4 },
      { title: 'Appendix: talks worth watching', page: 5 },
    ])
  })
})
