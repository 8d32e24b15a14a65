import type { SlideWithContent } from './support/deck.ts'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { companies, roles } from '../data/companies.ts'
import { density } from '../data/density.ts'
import { figureTexts, numberWord } from '../data/figures.ts'
import { sources } from '../data/sources.ts'
import { attendanceStats, event, innovationCenter, neutronUsage, week } from '../data/summit.ts'
import { talks } from '../data/talks.ts'
import { talksAppendixSummary } from '../shared/print-model.ts'
import { loadDeckWithContent } from './support/deck.ts'
import { ROOT } from './support/paths.ts'

const deck = await loadDeckWithContent()
const where = (slide: SlideWithContent): string => `slide ${slide.number} "${slide.title}" (${slide.file})`

/** The sources of truth, the report and the research notes, copied into sources/ (sources/README.md). */
const SOURCES_DIR = resolve(ROOT, 'sources')
const REPORT = readFileSync(resolve(SOURCES_DIR, 'report.txt'), 'utf8')
const RESEARCH = readFileSync(resolve(SOURCES_DIR, 'talks.md'), 'utf8')
const TRUTH = `${REPORT}\n${RESEARCH}`

describe('the sources (sources/)', () => {
  const readme = readFileSync(resolve(SOURCES_DIR, 'README.md'), 'utf8')
  it.each(['report.txt', 'talks.md'])('%s is the copy sources/README.md records, byte for byte', (name) => {
    const recorded = new RegExp(`^\\| \`${name.replace('.', '\\.')}\` \\|.*\`([0-9a-f]{64})\` \\|$`, 'm').exec(readme)?.[1]
    expect(recorded, `sources/README.md: no SHA-256 for ${name}`).toMatch(/^[0-9a-f]{64}$/)
    expect(createHash('sha256').update(readFileSync(resolve(SOURCES_DIR, name))).digest('hex'), `sources/${name} differs from the copy recorded in sources/README.md`).toBe(recorded)
  })
})

/** What a slide shows as typed text: no notes, scripts, styles, code, snippet imports, tags or {{ }} interpolations. */
function slideBody(content: string): string {
  return content
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/^(```|~~~)[\s\S]+?^\1/gm, ' ')
    .replace(/^<<<.*$/gm, ' ')
    .replace(/\{\{[\s\S]*?\}\}/g, ' ')
    .replace(/<[^>]*>/g, ' ')
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A number as a slide might type it: "5000", "5,000"; not part of a longer number. */
function numberPattern(value: number): RegExp {
  const forms = [
    String(value),
    value.toLocaleString('en-US'),
  ].map(escape)
  return new RegExp(`(?<![\\d.,])(?:${[
    ...new Set(forms),
  ].join('|')})(?![\\d]|[.,]\\d)`)
}

/** Every figure typed in data/, with the ways a slide body could type it by hand. */
const dataFigures: { name: string, patterns: RegExp[] }[] = [
  ...attendanceStats.map((stat) => {
    const unit = /^\w+/.exec(stat.label)![0]
    return {
      name: `data/summit.ts attendanceStats "${stat.id}" (${stat.value})`,
      // Small values also in words and with their unit: "four days", "6 months".
      patterns: stat.value <= 10
        ? [
            new RegExp(`\\b(?:${stat.value}|${numberWord(stat.value)})\\s+${escape(unit)}\\b`, 'i'),
          ]
        : [
            numberPattern(stat.value),
          ],
    }
  }),
  {
    name: 'data/summit.ts event.dates',
    patterns: [
      new RegExp(escape(event.dates), 'i'),
    ],
  },
  {
    name: 'data/summit.ts innovationCenter.nodesPerCluster',
    patterns: [
      numberPattern(innovationCenter.nodesPerCluster),
    ],
  },
  {
    name: 'data/summit.ts neutronUsage',
    patterns: [
      numberPattern(neutronUsage.value),
    ],
  },
  {
    name: 'data/density.ts report.value',
    patterns: [
      numberPattern(density.report.value),
      /\bten-?fold\b/i,
    ],
  },
  ...density.vendor.claims.map(claim => ({
    name: `data/density.ts vendor claim "${claim.value}"`,
    patterns: [
      numberPattern(Number.parseFloat(claim.value)),
    ],
  })),
  {
    name: 'data/sources.ts confreaks count',
    patterns: [
      numberPattern(Number(figureTexts()['confreaks-count']!.text)),
    ],
  },
]

describe('figures on slides', () => {
  it('the figure list covers the figures the brief names', () => {
    const all = dataFigures.flatMap(f => f.patterns)
    for (const text of [
      '5000',
      '5,000',
      '56',
      '14',
      '1000',
      '14.5',
      '94',
      '57',
      '307',
      '89',
      '10',
      'four days',
      'six months',
      event.dates,
    ])
      expect(all.some(p => p.test(text)), `no pattern for "${text}"`).toBe(true)
    expect(all.some(p => p.test('October 2015')), 'a pattern matches a year').toBe(false)
  })

  it.each(deck.slides.map(s => [s.number, s] as const))('slide %i types no figure that lives in data/', (_n, slide) => {
    const body = slideBody(slide.content)
    const typed = dataFigures.filter(f => f.patterns.some(p => p.test(body))).map(f => f.name)
    expect(typed, `${where(slide)} types these figures by hand; show them with <DataFigure of="..."> or a component`).toEqual([])
  })

  it('every <DataFigure> names a figure of data/figures.ts, on a slide whose source line cites its source', () => {
    const figures = figureTexts()
    const used = deck.slides.flatMap(slide => [
      ...slide.content.matchAll(/<DataFigure\s+of="([^"]+)"/g),
    ].map(m => ({ slide, id: m[1]! })))
    expect(used.length).toBeGreaterThan(0)
    for (const { slide, id } of used) {
      expect(figures[id], `${where(slide)}: <DataFigure of="${id}"> is not in data/figures.ts`).toBeDefined()
      const cited = /<SourceLine\s+:ids="\[([^\]]*)\]"/.exec(slide.content)?.[1] ?? ''
      const ids = [
        ...cited.matchAll(/'([^']+)'/g),
      ].map(m => m[1])
      expect(ids, `${where(slide)}: shows figure "${id}" but its source line does not cite "${figures[id]!.source}"`).toContain(figures[id]!.source)
    }
  })

  /** The sources of the figures each drawing component shows, from the data it draws. */
  const drawn: Record<string, (attrs: string) => string[]> = {
    AttendanceStats: (attrs) => {
      const ids = [
        ...(/:ids="\[([^\]]*)\]"/.exec(attrs)?.[1] ?? '').matchAll(/'([^']+)'/g),
      ].map(m => m[1]!)
      return attendanceStats.filter(stat => ids.length === 0 || ids.includes(stat.id)).map(stat => stat.source)
    },
    DensityClaim: () => [density.report.source, density.vendor.source],
    InnovationClusters: () => [innovationCenter.source],
    SummitWeek: () => [week.source],
    CompanyGroups: () => roles.map(role => role.source),
    CompanyTiles: () => roles.map(role => role.source),
  }

  it.each(Object.keys(drawn))('every slide drawing <%s> cites the sources of what it draws', (name) => {
    const uses = deck.slides.flatMap(slide => [
      ...slide.content.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'g')),
    ].map(m => ({ slide, attrs: m[1]! })))
    expect(uses.length, `no slide draws <${name}>: take it out of this list`).toBeGreaterThan(0)
    for (const { slide, attrs } of uses) {
      const cited = /<SourceLine\s+:ids="\[([^\]]*)\]"/.exec(slide.content)?.[1] ?? ''
      const ids = [
        ...cited.matchAll(/'([^']+)'/g),
      ].map(m => m[1])
      for (const source of new Set(drawn[name]!(attrs)))
        expect(ids, `${where(slide)}: draws <${name}> from "${source}" but its source line does not cite it`).toContain(source)
    }
  })
})

/** Words a shown name is made of: capitalised words and domain-like tokens, without a trailing 's. */
function nameWords(text: string): string[] {
  return text
    .split(/[\s,;:()"“”!?]+/)
    .flatMap(token => token.split('/'))
    .map(token => token.replace(/['’]s$/, '').replace(/\.$/, ''))
    .filter(token => /^[A-Z]/.test(token) || /\w\.\w/.test(token))
}

function inTruth(word: string): boolean {
  return new RegExp(`(?<![\\w])${escape(word)}(?![\\w])`, 'i').test(TRUTH)
}

/** Text in double quotes claims to be a title as written, so it must be in a source as written. */
function quoted(text: string): string[] {
  return [
    ...text.matchAll(/["“]([^"”]+)["”]/g),
  ].map(m => m[1]!)
}

describe('source names and titles shown by the deck', () => {
  const shown = [
    ...sources.flatMap(s => [
      { where: `data/sources.ts "${s.id}" title`, text: s.title },
      ...('short' in s
        ? [
            { where: `data/sources.ts "${s.id}" short`, text: s.short },
          ]
        : []),
    ]),
    ...talks.flatMap(t => [
      { where: `data/talks.ts "${t.id}" title`, text: t.title },
      ...('speakers' in t
        ? [
            { where: `data/talks.ts "${t.id}" speakers`, text: t.speakers },
          ]
        : []),
      ...('when' in t
        ? [
            { where: `data/talks.ts "${t.id}" when`, text: t.when },
          ]
        : []),
      ...t.links.map(l => ({ where: `data/talks.ts "${t.id}" link "${l.label}"`, text: l.label })),
    ]),
  ]

  it.each(shown.map(s => [s.where, s] as const))('%s names only what the report or the research names', (_w, { text }) => {
    const missing = nameWords(text).filter(word => !inTruth(word))
    expect(missing, `"${text}" names words found in neither the report nor talks.md`).toEqual([])
    const titles = quoted(text).filter(title => !TRUTH.toLowerCase().includes(title.toLowerCase()))
    expect(titles, `"${text}" quotes titles found in neither source`).toEqual([])
  })

  it('no old reconstruction survives', () => {
    const all = shown.map(s => s.text).join('\n')
    for (const gone of [
      'Rivard',
      'Cloud Albania',
      'LXD crushes KVM',
      'Kuryr: OpenShift',
      'Mitaka OpenStack Summit at Tokyo',
      'OpenStack Summit Tokyo 2015 Recap',
    ])
      expect(all).not.toContain(gone)
  })

  it('gives each talk the title the research read, or the report\'s own label', () => {
    for (const talk of talks) {
      const ok = talk.title === talk.label || RESEARCH.includes(`**"${talk.title}"**`)
      expect(ok, `talk "${talk.id}": title "${talk.title}" is neither its label nor a title the research gives in bold quotes`).toBe(true)
    }
  })

  it('does not name the recap video by its URL slug', () => {
    const recap = talks.find(t => t.id === 'recap')!
    expect(recap.title).toBe(recap.label)
  })
})

/** The string values of a data module, without ids, URLs and source references. */
function dataStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    return [
      'id',
      'url',
      'source',
      'confidence',
      'roles',
      // A slide's topic, an id too.
      'slide',
    ].includes(key)
      ? []
      : [value]
  }
  if (Array.isArray(value))
    return value.flatMap(v => dataStrings(v, key))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => dataStrings(v, k))
  return []
}

function templateOf(file: string): string {
  const text = readFileSync(file, 'utf8')
  const start = text.indexOf('<template>')
  const end = text.lastIndexOf('</template>')
  return start >= 0 && end > start
    ? text.slice(start, end)
    : ''
}

const vueFiles = ['components', 'app/print'].flatMap(dir => readdirSync(resolve(ROOT, dir))
  .filter(f => f.endsWith('.vue'))
  .map(f => `${dir}/${f}`))

const texts: { where: string, text: string }[] = [
  ...deck.slides.flatMap(slide => [
    {
      where: `${where(slide)} body`,
      text: slideBody(slide.content),
    },
    { where: `${where(slide)} notes`, text: slide.note },
  ]),
  ...[
    ['data/sources.ts', sources],
    ['data/talks.ts', talks],
    [
      'data/summit.ts',
      [
        event,
        attendanceStats,
        innovationCenter,
        neutronUsage,
      ],
    ],
    [
      'data/companies.ts',
      [roles, companies],
    ],
    ['data/density.ts', density],
  ].flatMap(([file, value]) => dataStrings(value).map(text => ({ where: file as string, text }))),
  ...vueFiles.map(file => ({
    where: file,
    text: templateOf(resolve(ROOT, file)),
  })),
  {
    where: 'shared/print-model.ts talksAppendixSummary',
    text: talksAppendixSummary(talks),
  },
]

/** The deck's spelling rules, each with what to write instead. */
const RULES: { bad: RegExp, fix: string }[] = [
  // The proper name "OpenStack Innovation Center" keeps its spelling; the common noun is "centre".
  { bad: /(?<!Innovation )\b[Cc]enter\b/, fix: 'centre (only the proper name "OpenStack Innovation Center" keeps -er)' },
  { bad: /\bnear to ready\b|\bnear production\b/i, fix: 'near to being ready (for production)' },
  { bad: /\bday[ -]?(?:\d|one|two)\b/, fix: 'Day 1, Day 2' },
  { bad: /\bDay-\d|\bDay (?:one|two)\b/i, fix: 'Day 1, Day 2' },
]

describe('spelling', () => {
  it.each(RULES.map(r => [r.fix, r] as const))('writes "%s" everywhere', (_fix, rule) => {
    const found = texts
      .map(({ where, text }) => ({
        where,
        text: text.replace(/https?:\/\/\S+/g, ' '),
      }))
      .flatMap(({ where, text }) => {
        const match = rule.bad.exec(text)
        return match
          ? [`${where}: "${text.slice(Math.max(0, match.index - 30), match.index + 30)}"`]
          : []
      })
    expect(found).toEqual([])
  })

  it('the rules catch what they are for', () => {
    const bad = (text: string): boolean => RULES.some(r => r.bad.test(text))
    expect(bad('the center is in San Antonio')).toBe(true)
    expect(bad('the OpenStack Innovation Center')).toBe(false)
    expect(bad('look near to ready')).toBe(true)
    expect(bad('in the day 2 keynote')).toBe(true)
    expect(bad('a day-one write-up')).toBe(true)
    expect(bad('in the Day 2 keynote')).toBe(false)
  })
})

describe('what the deck says about itself', () => {
  it('the handout cover counts the talks with and without links from data/talks.ts', () => {
    const linked = talks.filter(t => t.links.length > 0).length
    const summary = talksAppendixSummary(talks)
    expect(summary).toContain(`the ${talks.length} talks`)
    expect(summary).toContain(`${linked} of them have at least one link`)
    expect(summary).toContain(`${talks.length - linked} has no link`)
    expect(talksAppendixSummary([
      {
        links: [
          { label: 'Video' },
        ],
      },
      {
        links: [
          { label: 'Slides' },
        ],
      },
    ])).toMatch(/Each has at least one link/)
  })

  it('the opening notes do not claim a source line on every slide', () => {
    const opening = deck.slides[0]!
    expect(opening.note).toMatch(/talk slides have no source line/i)
    for (const slide of deck.slides.filter(s => s.section === 'Talks worth watching'))
      expect(slide.content, `${where(slide)} has a source line, which the opening notes deny`).not.toContain('<SourceLine')
  })

  it('labels the takeaways as the deck\'s own reading, each pointing at a slide', () => {
    const takeaways = deck.slides.find(s => s.section === 'Takeaways')!
    expect(takeaways.title).toMatch(/^Our reading/)
    expect(takeaways.note).toMatch(/this deck's own conclusions/)
    expect(takeaways.note).not.toMatch(/each one comes from the report/i)
    const items = takeaways.content.match(/^\d+\. /gm)?.length ?? 0
    expect(items).toBeGreaterThan(0)
    expect(takeaways.content.match(/<SlideRef\b/g)?.length, 'a takeaway without a <SlideRef>').toBe(items)
  })

  it('never implies the links it shows are the report\'s own, which could not be read', () => {
    const all = texts.map(t => `${t.where}: ${t.text}`)
    expect(all.filter(line => /confirmed as the report.s link|the report.s links? (?:is|are) (?:shown|given)/i.test(line))).toEqual([])
    const inferredWords = texts.filter(t => /inferred/i.test(t.text) && /report.s link\b/i.test(t.text))
    expect(inferredWords.map(t => t.where)).toEqual([])
  })

  it('names every source in the closing notes, where the talk details come from included', () => {
    const last = deck.slides.at(-1)!
    expect(last.note).toMatch(/research notes/)
    for (const source of sources) {
      const name = source.short.replace(/ \(.*\)$/, '').replace(/^Canonical's figures, reposted on /, '')
      const key = /\b[\w-]+\.(?:org|com|dev|io|tv)\b/.exec(source.title)?.[0] ?? name.split(' ')[0]!
      expect(last.note, `closing notes do not name source "${source.id}" (${key})`).toContain(key)
    }
  })
})
