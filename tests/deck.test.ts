import type { SlideWithContent } from './support/deck.ts'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { extractImagesUsage } from '@slidev/parser'
import { parseTimeString } from '@slidev/parser/utils'
import { describe, expect, it } from 'vitest'
import { talks } from '../data/talks.ts'
import { fullSentences, loadDeckWithContent, SECTIONS } from './support/deck.ts'
import { ROOT } from './support/paths.ts'

const deck = await loadDeckWithContent()
const where = (slide: SlideWithContent): string => `slide ${slide.number} "${slide.title}" (${slide.file})`

/** Every `<Name ...>` tag of a component in a slide's markdown, with its attributes as written. */
function componentTags(content: string, name: string): string[] {
  return [
    ...content.matchAll(new RegExp(`<${name}(?![\\w-])([^>]*?)/?>`, 'g')),
  ].map(m => m[1] ?? '')
}

/** A bound number prop such as `:from="5"`; undefined when absent. An unbound `from="5"` would pass a string, so it throws. */
function numberProp(attrs: string, name: string): number | undefined {
  const match = new RegExp(`(?:^|\\s)(:?)${name}="\\s*([^"]*?)\\s*"`).exec(attrs)
  if (!match)
    return undefined
  const value = Number(match[2])
  if (match[1] !== ':' || !Number.isInteger(value) || value < 0)
    throw new Error(`<TalkLinks${attrs}>: ${name} must be bound to a whole number, as :${name}="5"`)
  return value
}

function stringProp(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1]
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i

describe('deck structure (slides.md and its src: imports)', () => {
  it('parses without errors', () => {
    // loadDeck throws on parser errors; here we only check that something was loaded.
    expect(deck.slides.length).toBeGreaterThan(1)
  })

  it('has the sections in order, the first slide opening the first', () => {
    expect(deck.slides[0]?.startsSection, 'slide 1 has no section: frontmatter').toBe(true)
    expect(deck.slides.filter(s => s.startsSection).map(s => s.section)).toEqual(SECTIONS)
    // Each section is one run of slides: no section name is opened twice.
    expect(deck.sections.map(s => s.title)).toEqual([
      ...new Set(deck.sections.map(s => s.title)),
    ])
  })

  it.each(deck.slides.map(s => [s.number, s] as const))('slide %i has a title and a visible heading', (_n, slide) => {
    expect(slide.title, `${where(slide)}: Slidev fell back to a placeholder title`).not.toBe(`Slide ${slide.number}`)
    expect(slide.title.length, `${where(slide)}: empty title`).toBeGreaterThan(2)
    expect(slide.heading, `${where(slide)}: no "# " heading in the slide`).toBeTruthy()
  })

  it.each(deck.slides.map(s => [s.number, s] as const))('slide %i has speaker notes of at least two full sentences', (_n, slide) => {
    const sentences = fullSentences(slide.note)
    expect(sentences.length, `${where(slide)}: notes are ${JSON.stringify(slide.note.slice(0, 120))}`).toBeGreaterThanOrEqual(2)
  })
})

describe('talks', () => {
  const uses = deck.slides.flatMap(slide => componentTags(slide.content, 'TalkLinks').map(attrs => ({ slide, attrs })))

  it('are listed by TalkLinks on the talks slides, covering every talk of data/talks.ts exactly once', () => {
    expect(uses.length, 'no <TalkLinks> in the deck').toBeGreaterThan(0)
    const shown: number[] = []
    for (const { slide, attrs } of uses) {
      expect(attrs, `${where(slide)}: TalkLinks is given its own talks, so coverage of data/talks.ts cannot be checked`).not.toMatch(/(?:^|\s):?talks=/)
      expect(slide.section, `${where(slide)}: TalkLinks outside the talks section`).toBe('Talks worth watching')
      const from = numberProp(attrs, 'from') ?? 0
      const count = numberProp(attrs, 'count') ?? Number.POSITIVE_INFINITY
      const indices = talks.map((_t, i) => i).filter(i => i >= from && i < from + count)
      expect(indices.length, `${where(slide)}: <TalkLinks${attrs}> shows no talk (data/talks.ts has ${talks.length})`).toBeGreaterThan(0)
      if (Number.isFinite(count))
        expect(from + count, `${where(slide)}: <TalkLinks${attrs}> runs past the ${talks.length} talks of data/talks.ts`).toBeLessThanOrEqual(talks.length)
      shown.push(...indices)
    }
    const missing = talks.filter((_t, i) => !shown.includes(i)).map(t => t.id)
    const twice = talks.filter((_t, i) => shown.filter(j => j === i).length > 1).map(t => t.id)
    expect(missing, 'talks of data/talks.ts on no slide').toEqual([])
    expect(twice, 'talks listed on more than one slide').toEqual([])
  })

  it('are referred to by existing ids wherever a slide links one talk', () => {
    for (const slide of deck.slides) {
      for (const attrs of componentTags(slide.content, 'TalkLink')) {
        const talkId = stringProp(attrs, 'talk')
        const linkId = stringProp(attrs, 'link')
        const talk = talks.find(t => t.id === talkId)
        expect(talk, `${where(slide)}: <TalkLink${attrs}> names no talk of data/talks.ts`).toBeDefined()
        expect(talk?.links.some(l => 'id' in l && l.id === linkId), `${where(slide)}: <TalkLink${attrs}> names no link of talk "${talkId}"`).toBe(true)
      }
    }
  })
})

describe('code snippets', () => {
  const imports = deck.slides.flatMap(slide => [
    ...slide.content.matchAll(/^<<<\s+([^\s#{]+)(?:#([\w-]+))?(?:\s+([\w-]+))?(?:\s*\{[^}]*\})?\s*$/gm),
  ]
    .map(m => ({
      slide,
      path: m[1]!,
      region: m[2],
      lang: m[3],
    })))

  it('include the Magnum bay snippet', () => {
    expect(imports.map(i => `${i.path}${i.region
      ? `#${i.region}`
      : ''}`)).toContain('@/snippets/magnum-k8s-bay.sh#bay')
  })

  it('resolve to existing files and non-empty regions', () => {
    expect(imports.length).toBeGreaterThan(0)
    for (const { slide, path, region } of imports) {
      const file = path.startsWith('@/')
        ? resolve(ROOT, path.slice(2))
        : resolve(ROOT, slide.file, '..', path)
      expect(existsSync(file), `${where(slide)}: <<< ${path}: no file at ${file}`).toBe(true)
      if (!region)
        continue
      const lines = readFileSync(file, 'utf8').split(/\r?\n/)
      const start = lines.findIndex(l => new RegExp(`^\\s*(?:#|//|<!--|/\\*)\\s*#region\\s+${region}\\b`).test(l))
      expect(start, `${where(slide)}: ${path} has no "#region ${region}"`).toBeGreaterThanOrEqual(0)
      const end = lines.findIndex((l, i) => i > start && /^\s*(?:#|\/\/|<!--|\/\*)\s*#endregion\b/.test(l))
      expect(end, `${where(slide)}: ${path} does not close "#region ${region}"`).toBeGreaterThan(start)
      const body = lines.slice(start + 1, end).filter(l => l.trim() && !/#(?:end)?region\b/.test(l))
      expect(body.length, `${where(slide)}: region "${region}" of ${path} is empty`).toBeGreaterThan(0)
    }
  })
})

describe('headmatter', () => {
  const raw = deck.headmatter.raw

  it('has a title, author and info', () => {
    for (const key of ['title', 'author', 'info']) {
      const value = raw[key]
      expect(typeof value === 'string' && value.trim().length > 3, `headmatter "${key}" is ${JSON.stringify(value)}`).toBe(true)
    }
  })

  it('has a duration the presenter timer understands', () => {
    const duration = raw.duration
    expect(['string', 'number'], `headmatter "duration" is ${JSON.stringify(duration)}`).toContain(typeof duration)
    // The presenter's timer reads the duration with this same function.
    const { seconds } = parseTimeString(duration as string | number)
    expect(seconds, `headmatter "duration" ${JSON.stringify(duration)} is not a talk length`).toBeGreaterThanOrEqual(60)
    expect(seconds, `headmatter "duration" ${JSON.stringify(duration)} is not a talk length`).toBeLessThanOrEqual(4 * 3600)
  })

  it('has a local favicon that exists', () => {
    const favicon = raw.favicon
    expect(typeof favicon, 'no favicon in the headmatter').toBe('string')
    const path = String(favicon)
    expect(path, 'the favicon is remote').not.toMatch(REMOTE)
    expect(path, 'the favicon is a data: URL, not a file').not.toMatch(/^data:/)
    const file = path.startsWith('/')
      ? resolve(ROOT, 'public', path.slice(1))
      : resolve(ROOT, path)
    expect(existsSync(file), `favicon ${path}: no file at ${file}`).toBe(true)
  })
})

describe('images', () => {
  it.each(deck.slides.map(s => [s.number, s] as const))('slide %i links no remote image', (_n, slide) => {
    const found = [
      ...extractImagesUsage(slide.content, slide.frontmatter),
      ...[
        ...slide.content.matchAll(/<(?:img|source|image)\b[^>]*?\s(?:src|srcset|href|xlink:href)=["']([^"']+)["']/gi),
      ].map(m => m[1]!),
      ...[
        ...slide.content.matchAll(/url\(\s*["']?([^"')]+)/gi),
      ].map(m => m[1]!),
    ]
    expect(found.filter(url => REMOTE.test(url.trim())), `${where(slide)} links remote images`).toEqual([])
  })
})
