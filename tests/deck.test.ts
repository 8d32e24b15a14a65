import type { SlideWithContent } from './support/deck.ts'
import { existsSync } from 'node:fs'
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
  const uses = deck.slides.flatMap(slide => componentTags(slide.content, 'TalkBoard').map(attrs => ({ slide, attrs })))
  /** The ids a `<TalkBoard :ids="['a', 'b']" />` shows. */
  const idsOf = (attrs: string): string[] => {
    const list = /(?:^|\s):ids="\[([^\]]*)\]"/.exec(attrs)?.[1]
    if (list === undefined)
      throw new Error(`<TalkBoard${attrs}>: ids must be bound to a list, as :ids="['keynote']"`)
    return [
      ...list.matchAll(/'([^']+)'/g),
    ].map(m => m[1]!)
  }

  it('are shown by TalkBoard on the talks slides, covering every talk of data/talks.ts exactly once', () => {
    expect(uses.length, 'no <TalkBoard> in the deck').toBeGreaterThan(0)
    const shown: string[] = []
    for (const { slide, attrs } of uses) {
      expect(attrs, `${where(slide)}: TalkBoard is given its own talks, so coverage of data/talks.ts cannot be checked`).not.toMatch(/(?:^|\s):?talks=/)
      expect(slide.section, `${where(slide)}: TalkBoard outside the talks section`).toBe('Talks worth watching')
      const ids = idsOf(attrs)
      expect(ids.length, `${where(slide)}: <TalkBoard${attrs}> shows no talk`).toBeGreaterThan(0)
      for (const id of ids)
        expect(talks.some(t => t.id === id), `${where(slide)}: <TalkBoard> names "${id}", which is not in data/talks.ts`).toBe(true)
      shown.push(...ids)
    }
    const missing = talks.filter(t => !shown.includes(t.id)).map(t => t.id)
    const twice = talks.filter(t => shown.filter(id => id === t.id).length > 1).map(t => t.id)
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

describe('slide topics (frontmatter `topic`, what <SlideRef>, <DeckQr> and data/talks.ts point at)', () => {
  const topics = deck.slides.flatMap(slide => typeof slide.frontmatter.topic === 'string'
    ? [
        { slide, topic: slide.frontmatter.topic },
      ]
    : [])

  it('are unique', () => {
    const names = topics.map(t => t.topic)
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
  })

  it('exist for every talk\'s theme slide and every <SlideRef to> and <DeckQr topic>', () => {
    const known = new Set(topics.map(t => t.topic))
    const wanted = [
      ...talks.map(t => ({ where: `data/talks.ts "${t.id}" slide`, topic: t.slide })),
      ...deck.slides.flatMap(slide => [
        ...componentTags(slide.content, 'SlideRef').map(attrs => ({
          where: where(slide),
          topic: stringProp(attrs, 'to'),
        })),
        ...componentTags(slide.content, 'DeckQr').flatMap(attrs => stringProp(attrs, 'topic') === undefined
          ? []
          : [
              {
                where: where(slide),
                topic: stringProp(attrs, 'topic'),
              },
            ]),
      ]),
      // TalkBoard's code opens the reader at the slide with `topic: talks`.
      { where: 'components/TalkBoard.vue', topic: 'talks' },
    ]
    expect(wanted.filter(w => !known.has(w.topic ?? '')).map(w => `${w.where}: "${w.topic}"`)).toEqual([])
  })

  it('tie each talk to a slide outside the talks section', () => {
    for (const talk of talks) {
      const slide = topics.find(t => t.topic === talk.slide)?.slide
      expect(slide?.section, `talk "${talk.id}"`).not.toBe('Talks worth watching')
    }
  })
})

describe('code', () => {
  it('the Liberty-era Magnum commands are in the Magnum slide\'s notes, as Magnum\'s quickstart gives them', () => {
    const magnum = deck.slides.find(slide => slide.frontmatter.topic === 'magnum')!
    const block = /```bash\n([\s\S]*?)```/.exec(magnum.note)?.[1] ?? ''
    expect(block).toContain('magnum baymodel-create --name k8sbaymodel')
    expect(block).toContain('--coe kubernetes')
    expect(block).toContain('magnum bay-create --name k8sbay --baymodel k8sbaymodel --node-count 1')
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
