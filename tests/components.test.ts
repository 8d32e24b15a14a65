// @vitest-environment happy-dom
import type { RenderContext } from '@slidev/types'
import type { VueWrapper } from '@vue/test-utils'
import type { Company, Role, Talk } from '../data/schema.ts'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick, reactive, ref } from 'vue'
import { injectionCurrentPage, injectionRenderContext, injectionSlidevContext } from '../app/composables/useFinalState.ts'
import AttendanceStats from '../components/AttendanceStats.vue'
import CompanyGroups from '../components/CompanyGroups.vue'
import DensityClaim from '../components/DensityClaim.vue'
import TalkLinks from '../components/TalkLinks.vue'
import { companies, roles } from '../data/companies.ts'
import { density } from '../data/density.ts'
import { attendanceStats } from '../data/summit.ts'

interface SlidevState {
  print?: boolean
  renderContext?: RenderContext
  /** The slide on screen; the component sits on slide 5. */
  currentSlide?: number
}

const PAGE = 5

/** What Slidev provides to a component on slide PAGE, through the keys app/composables/useFinalState.ts injects. */
function slidevProvide({ print = false, renderContext = 'slide', currentSlide = PAGE }: SlidevState) {
  const context = reactive({
    nav: { isPrintMode: print, currentSlideNo: currentSlide },
  })
  return {
    nav: context.nav,
    provide: {
      [injectionSlidevContext as unknown as string]: context,
      [injectionRenderContext as unknown as string]: ref(renderContext),
      [injectionCurrentPage as unknown as string]: ref(PAGE),
    },
  }
}

function stubReducedMotion(reduce: boolean): void {
  vi.spyOn(window, 'matchMedia').mockImplementation(query => ({
    matches: reduce && /prefers-reduced-motion:\s*reduce/.test(query),
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }) as unknown as MediaQueryList)
}

/** The figures the component shows, as numbers, with the final value each declares. */
function figures(wrapper: VueWrapper): { shown: number, final: number }[] {
  return wrapper.findAll('[data-final]').map(el => ({
    shown: Number(el.text()),
    final: Number(el.attributes('data-final')),
  }))
}

const finals = attendanceStats.map(s => s.value)

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** AttendanceStats mounted with Slidev's context, reduced motion as given and animation frames faked. */
function mountWithFakeFrames(provide: Record<string | symbol, unknown>, reducedMotion: boolean) {
  stubReducedMotion(reducedMotion)
  vi.useFakeTimers({
    toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
  })
  return mount(AttendanceStats, {
    global: { provide },
  })
}

describe('attendanceStats', () => {
  it('shows the final values outside a Slidev deck', () => {
    const wrapper = mount(AttendanceStats)
    expect(figures(wrapper).map(f => f.final)).toEqual(finals)
    expect(figures(wrapper).map(f => f.shown)).toEqual(finals)
    for (const stat of attendanceStats)
      expect(wrapper.find(`[data-stat="${stat.id}"]`).text()).toContain(stat.label)
  })

  it.each<[string, SlidevState, boolean]>([
    [
      'in print mode',
      { print: true, renderContext: 'slide' },
      false,
    ],
    [
      'in the overview',
      { renderContext: 'overview' },
      false,
    ],
    [
      'in the presenter\'s next-slide preview',
      { renderContext: 'previewNext' },
      false,
    ],
    [
      'in the presenter\'s preview of the current slide (the count-up is for the room)',
      { renderContext: 'presenter' },
      false,
    ],
    [
      'with prefers-reduced-motion',
      { renderContext: 'slide' },
      true,
    ],
  ])('shows the final values %s', async (_name, state, reduce) => {
    const wrapper = mountWithFakeFrames(slidevProvide(state).provide, reduce)
    await nextTick()
    expect(figures(wrapper).map(f => f.shown)).toEqual(finals)
    expect(vi.getTimerCount(), 'an animation frame was requested although the final state is due').toBe(0)
  })

  it('counts up to the final values while the slide is presented', async () => {
    const wrapper = mountWithFakeFrames(slidevProvide({ renderContext: 'slide' }).provide, false)
    await nextTick()

    const start = figures(wrapper)
    expect(start.map(f => f.final)).toEqual(finals)
    for (const { shown, final } of start)
      expect(shown).toBeLessThan(final)

    vi.advanceTimersByTime(300)
    await nextTick()
    const middle = figures(wrapper)
    const attendees = middle[0]!
    expect(attendees.shown, 'no progress after 300ms').toBeGreaterThan(start[0]!.shown)
    expect(attendees.shown, 'already final after 300ms').toBeLessThan(attendees.final)

    vi.advanceTimersByTime(5_000)
    await nextTick()
    expect(figures(wrapper).map(f => f.shown)).toEqual(finals)
    expect(vi.getTimerCount(), 'animation frames still requested after the count finished').toBe(0)
  })

  it('starts counting when its slide comes on screen', async () => {
    const slidev = slidevProvide({ renderContext: 'slide', currentSlide: PAGE - 1 })
    const wrapper = mountWithFakeFrames(slidev.provide, false)
    await nextTick()
    expect(vi.getTimerCount(), 'counting started on a slide that is not shown').toBe(0)

    slidev.nav.currentSlideNo = PAGE
    await nextTick()
    expect(vi.getTimerCount(), 'counting did not start when the slide came on screen').toBeGreaterThan(0)
    vi.advanceTimersByTime(5_000)
    await nextTick()
    expect(figures(wrapper).map(f => f.shown)).toEqual(finals)
  })
})

describe('companyGroups', () => {
  const customRoles: Role[] = [
    { id: 'alpha', label: 'Alpha role', source: 'report' },
    {
      id: 'beta',
      label: 'Beta role',
      others: 'and others',
      source: 'report',
    },
  ]
  const customCompanies: Company[] = [
    {
      name: 'Acme',
      roles: ['alpha'],
    },
    {
      name: 'Globex',
      roles: ['alpha', 'beta'],
    },
    {
      name: 'Initech',
      roles: ['alpha'],
    },
  ]
  const names = (wrapper: VueWrapper, role: string): string[] => wrapper.findAll(`[data-role="${role}"] li`).map(li => li.text().replace(/\s*●$/, ''))

  it('shows each group\'s companies as the report lists them, its open end kept, and no count', () => {
    const wrapper = mount(CompanyGroups, {
      props: {
        groups: ['represented', 'non-contributor'],
      },
    })
    for (const id of ['represented', 'non-contributor']) {
      const role = roles.find(r => r.id === id)!
      expect(names(wrapper, id)).toEqual([
        ...companies.filter(c => (c.roles as readonly string[]).includes(id)).map(c => c.name),
        ...('others' in role
          ? [role.others]
          : []),
      ])
      expect(wrapper.find(`[data-role="${id}"]`).text()).toContain(role.label)
    }
    // The report counts nothing here, so the picture shows no number and no bar.
    expect(wrapper.text()).not.toMatch(/\d/)
    expect(wrapper.find('rect').exists()).toBe(false)
  })

  it('marks the companies of a second role and names the mark, and follows the data it is given', async () => {
    const wrapper = mount(CompanyGroups, {
      props: {
        groups: ['alpha'],
        mark: 'beta',
        roles: customRoles,
        companies: customCompanies,
      },
    })
    expect(names(wrapper, 'alpha')).toEqual(['Acme', 'Globex', 'Initech'])
    expect(wrapper.findAll('li.marked').map(li => li.attributes('aria-label'))).toEqual(['Globex: Beta role'])
    expect(wrapper.find('.key').text()).toContain('Beta role, and others')
    await wrapper.setProps({
      companies: [
        ...customCompanies,
        {
          name: 'Umbrella',
          roles: ['alpha'],
        },
      ],
    })
    expect(names(wrapper, 'alpha')).toEqual([
      'Acme',
      'Globex',
      'Initech',
      'Umbrella',
    ])
  })

  it('fails naming the role when a group is not in the data', () => {
    expect(() => mount(CompanyGroups, {
      props: {
        groups: ['nope'],
      },
    })).toThrow(/CompanyGroups: no role "nope"/)
  })
})

describe('talkLinks', () => {
  const talk = (id: string, label: string, title: string, links: Talk['links'] = []): Talk => ({
    id,
    label,
    title,
    short: label,
    slide: 'x',
    links,
  })
  const custom: Talk[] = [
    talk('sure', 'A sure talk', 'A sure talk', [
      { label: 'Video', url: 'https://example.org/sure', confidence: 'verified' },
    ]),
    talk('guess', 'The report\'s label', 'Best match', [
      { label: 'Video', url: 'https://example.org/guess', confidence: 'inferred' },
      { label: 'Slides', url: 'https://example.org/guess-slides', confidence: 'verified' },
    ]),
    talk('lost', 'A lost talk', 'A lost talk'),
  ]

  const item = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-talk="${id}"]`)

  it('opens every link of the deck\'s talks in a new tab, without an opener', () => {
    const wrapper = mount(TalkLinks)
    const anchors = wrapper.findAll('a')
    expect(anchors.map(a => a.attributes('href'))).toEqual(
      (wrapper.props('talks') as readonly Talk[]).flatMap(t => t.links.map(l => l.url)),
    )
    for (const a of anchors) {
      expect(a.attributes('href'), a.html()).toMatch(/^https?:\/\//)
      expect(a.attributes('target'), a.html()).toBe('_blank')
      expect((a.attributes('rel') ?? '').split(/\s+/), a.html()).toContain('noopener')
      expect(a.text().trim().length, `${a.html()}: link without text`).toBeGreaterThan(0)
    }
  })

  it('marks inferred links visibly, and only those', () => {
    const wrapper = mount(TalkLinks, {
      props: { talks: custom },
    })
    const marker = (id: string) => item(wrapper, id).findAll('*').filter(el => el.element.children.length === 0 && /inferred/i.test(el.text()))
    const guessed = marker('guess')
    expect(guessed, 'no visible "inferred" marker on the talk with an inferred link').toHaveLength(1)
    expect(guessed[0]!.isVisible()).toBe(true)
    expect(guessed[0]!.attributes('aria-hidden')).not.toBe('true')
    expect(item(wrapper, 'guess').find('a[href="https://example.org/guess"]').attributes('data-confidence')).toBe('inferred')
    expect(marker('sure'), 'a verified link is marked as inferred').toHaveLength(0)
  })

  it('says so when a talk has no link', () => {
    const wrapper = mount(TalkLinks, {
      props: { talks: custom },
    })
    expect(item(wrapper, 'lost').findAll('a')).toHaveLength(0)
    expect(item(wrapper, 'lost').text()).toMatch(/no link/i)
    expect(item(wrapper, 'sure').text()).not.toMatch(/no link/i)
  })

  it('shows the slice from/count asks for, numbered from its place in the list', () => {
    const wrapper = mount(TalkLinks, {
      props: { talks: custom, from: 1, count: 1 },
    })
    expect(wrapper.findAll('[data-talk]').map(li => li.attributes('data-talk'))).toEqual(['guess'])
    expect(wrapper.find('li').attributes('value')).toBe('2')
  })

  it('numbers the deck\'s talks by their place in the report\'s list, whichever it shows', async () => {
    const { talks } = await import('../data/talks.ts')
    const wrapper = mount(TalkLinks, {
      props: {
        talks: [talks[7]!, talks[2]!],
      },
    })
    expect(wrapper.findAll('li[data-talk]').map(li => li.attributes('value'))).toEqual(['8', '3'])
  })
})

describe('densityClaim', () => {
  it('labels the vendor figures as a vendor claim in words, with the vendor and what they compare', () => {
    const wrapper = mount(DensityClaim)
    const block = wrapper.findAll('section').find(s => density.vendor.claims.every(c => s.text().includes(c.value)))
    expect(block, 'no block holds all the vendor\'s figures').toBeDefined()
    expect(block!.text()).toMatch(/vendor claim/i)
    expect(block!.text()).toContain(density.vendor.vendor)
    expect(block!.text()).toContain(density.vendor.versus)
    // Its source is cited by the slide's source line (tests/facts.test.ts).
  })

  it('keeps the report\'s own figure apart from the vendor claim', () => {
    const wrapper = mount(DensityClaim)
    const report = wrapper.findAll('section').find(s => s.text().includes(density.report.wording))
    expect(report, 'the report\'s wording is not shown').toBeDefined()
    expect(report!.text()).not.toMatch(/vendor claim/i)
  })
})

describe('dataFigure', () => {
  afterEach(() => {
    vi.doUnmock('../data/summit.ts')
    vi.resetModules()
  })

  it('shows each figure as data/figures.ts words it', async () => {
    const { default: DataFigure } = await import('../components/DataFigure.vue')
    const { figureTexts } = await import('../data/figures.ts')
    for (const [id, figure] of Object.entries(figureTexts())) {
      expect(mount(DataFigure, {
        props: { of: id },
      }).text()).toBe(figure.text)
    }
    expect(mount(DataFigure, {
      props: { of: 'attendees' },
    }).text()).toBe('over 5000')
    expect(() => mount(DataFigure, {
      props: { of: 'no-such-figure' },
    })).toThrow(/unknown figure "no-such-figure"/)
  })

  it('changes when the figure changes in data/, with no slide edited', async () => {
    vi.resetModules()
    vi.doMock('../data/summit.ts', async (importOriginal) => {
      const real = await importOriginal<typeof import('../data/summit.ts')>()
      return {
        ...real,
        attendanceStats: real.attendanceStats.map(s => s.id === 'attendees'
          ? { ...s, value: 6000 }
          : s),
        innovationCenter: { ...real.innovationCenter, nodesPerCluster: 2000 },
        neutronUsage: { ...real.neutronUsage, value: 91 },
      }
    })
    const { default: DataFigure } = await import('../components/DataFigure.vue')
    expect(mount(DataFigure, {
      props: { of: 'attendees' },
    }).text()).toBe('over 6000')
    expect(mount(DataFigure, {
      props: { of: 'innovation-clusters' },
    }).text()).toBe('two dedicated 2000 node clusters')
    expect(mount(DataFigure, {
      props: { of: 'neutron-usage' },
    }).text()).toBe('91%')
  })
})

describe('handoutCover', () => {
  const props = {
    title: 'T',
    author: 'A',
    abstract: 'Abstract.',
    made: '1 January 2026',
    layout: 'notes' as const,
    hasNotes: true,
    contents: [],
  }

  it('counts the talks with and without links, from data/talks.ts', async () => {
    const { default: HandoutCover } = await import('../app/print/HandoutCover.vue')
    const { talks } = await import('../data/talks.ts')
    const text = mount(HandoutCover, { props }).text()
    const linked = talks.filter(t => t.links.length > 0).length
    expect(text).toContain(`The last pages list the ${talks.length} talks worth watching.`)
    expect(text).toContain(`${linked} of them have at least one link`)
    expect(text).toContain(`${talks.length - linked} has no link`)
    expect(text).not.toMatch(/each with its link and a QR code/)
  })

  it('follows the talks it is given', async () => {
    const { default: HandoutCover } = await import('../app/print/HandoutCover.vue')
    const talk = (id: string, links: number): Talk => ({
      id,
      label: id,
      title: id,
      short: id,
      slide: 'x',
      links: Array.from({ length: links }, (_, i) => ({ label: 'Video', url: `https://example.org/${id}/${i}`, confidence: 'verified' as const })),
    })
    const text = mount(HandoutCover, {
      props: {
        ...props,
        talks: [
          talk('a', 1),
          talk('b', 0),
          talk('c', 0),
        ],
      },
    }).text()
    expect(text).toContain('the 3 talks worth watching')
    expect(text).toContain('1 of them has at least one link')
    expect(text).toContain('2 have no link')
  })
})
