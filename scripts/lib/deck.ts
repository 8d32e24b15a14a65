import type { SlideInfo } from '@slidev/types'
import type { SlideFacts } from '../../shared/slide-facts.ts'
import { dirname, relative, resolve } from 'node:path'
import { load } from '@slidev/parser/fs'
import { parseAspectRatio } from '@slidev/parser/utils'
import { opensSection } from '../../shared/slide-facts.ts'
import { slideTitle } from '../../shared/slides.ts'

/** The repository root: this file lives in scripts/lib/. */
export const DECK_ROOT = resolve(import.meta.dirname, '../..')
export const DECK_ENTRY = resolve(DECK_ROOT, 'slides.md')

/** Slidev's own defaults, used when the headmatter leaves them out. */
const DEFAULT_CANVAS_WIDTH = 980
const DEFAULT_ASPECT_RATIO = 16 / 9

export interface DeckHeadmatter {
  title: string
  author: string | undefined
  /** The `info` text with its line breaks folded, as one paragraph. */
  info: string | undefined
  keywords: string[]
  /** `htmlAttrs.lang`, the language the deck declares for its pages. */
  lang: string | undefined
  exportFilename: string | undefined
  canvas: { width: number, height: number, aspectRatio: number }
  /** Everything in the headmatter, as parsed, for keys not lifted out above. */
  raw: Record<string, unknown>
}

export interface DeckSlide {
  /** 1-based position in the presentation (hidden and disabled slides are not counted, as in Slidev). */
  number: number
  /** Slidev's title: the `title:` frontmatter key, else the first heading; `Slide N` if there is neither. */
  title: string
  /** The first level-1 heading of the content as written, i.e. what the slide shows; may differ from `title`. */
  heading: string | undefined
  level: number | undefined
  /** The section this slide belongs to; undefined only for slides before the first `section:` key. */
  section: string | undefined
  /** Whether this slide's frontmatter opens its section. */
  startsSection: boolean
  /** The speaker notes as written in the markdown comment, trimmed; '' when there are none. */
  note: string
  frontmatter: Record<string, unknown>
  /** The markdown file the slide comes from, relative to the repository root. */
  file: string
  /** The 1-based line in `file` where Slidev's parser starts the slide: its frontmatter's opening `---`, else the line after the `---` separator. */
  line: number
}

export interface DeckSection {
  title: string | undefined
  slides: DeckSlide[]
}

export interface Deck {
  entry: string
  headmatter: DeckHeadmatter
  slides: DeckSlide[]
  sections: DeckSection[]
}

export class DeckError extends Error {
  override name = 'DeckError'
}

function optionalString(value: unknown): string | undefined {
  if (value === undefined || value === null)
    return undefined
  const text = String(value).trim()
  return text === ''
    ? undefined
    : text
}

function keywordList(value: unknown): string[] {
  const items = Array.isArray(value)
    ? value.map(String)
    : String(value ?? '').split(',')
  return items.map(item => item.trim()).filter(item => item !== '')
}

const FENCE = /^\s*(?:```|~~~)/
const H1 = /^#\s+(\S.*)$/

/** The first `# ` heading outside code fences, without inline markdown emphasis. */
export function firstHeading(markdown: string): string | undefined {
  let fenced = false
  for (const line of markdown.split(/\r?\n/)) {
    if (FENCE.test(line)) {
      fenced = !fenced
      continue
    }
    const match = fenced
      ? null
      : H1.exec(line)
    if (match?.[1]) {
      // An ATX heading may be closed by a run of #, which is not part of its text.
      const words = match[1].trim().split(/\s+/)
      if (words.length > 1 && /^#+$/.test(words.at(-1) ?? ''))
        words.pop()
      return words.join(' ').replace(/\*\*|__|[*_`]/g, '')
    }
  }
  return undefined
}

function headmatterOf(raw: Record<string, unknown>, firstTitle: string | undefined): DeckHeadmatter {
  const width = Number(raw.canvasWidth ?? DEFAULT_CANVAS_WIDTH)
  const aspectRatio = raw.aspectRatio === undefined
    ? DEFAULT_ASPECT_RATIO
    : parseAspectRatio(raw.aspectRatio as string | number)
  if (!Number.isFinite(width) || width <= 0 || !Number.isFinite(aspectRatio) || aspectRatio <= 0)
    throw new DeckError(`headmatter has an unusable canvasWidth (${String(raw.canvasWidth)}) or aspectRatio (${String(raw.aspectRatio)})`)
  const htmlAttrs = (raw.htmlAttrs ?? {}) as Record<string, unknown>
  return {
    title: optionalString(raw.title) ?? firstTitle ?? 'Slidev',
    author: optionalString(raw.author),
    info: optionalString(raw.info)?.replace(/\s+/g, ' '),
    keywords: keywordList(raw.keywords),
    lang: optionalString(htmlAttrs.lang),
    exportFilename: optionalString(raw.exportFilename),
    // Same rounding as Slidev's exporter, so PDF pages match the slides it would make.
    canvas: {
      width,
      height: Math.round(width / aspectRatio),
      aspectRatio,
    },
    raw,
  }
}

/** A slide as the deck model has it (shared/slide-facts.ts), which the pacing plan and the views share. */
export function deckSlideFacts(slide: DeckSlide): SlideFacts {
  return {
    no: slide.number,
    title: slide.title,
    frontmatter: slide.frontmatter,
    file: slide.file,
  }
}

/** Groups consecutive slides by section, in order; a section named twice is two groups. */
export function groupSections(slides: readonly DeckSlide[]): DeckSection[] {
  const sections: DeckSection[] = []
  for (const slide of slides) {
    const last = sections.at(-1)
    if (last && !slide.startsSection && last.title === slide.section) {
      last.slides.push(slide)
    }
    else {
      sections.push({
        title: slide.section,
        slides: [slide],
      })
    }
  }
  return sections
}

/**
 * Loads the deck as Slidev does (following `src:` imports, dropping hidden and disabled slides)
 * and gives each slide its number, title, section and notes. Parse errors, such as an import that
 * does not exist, throw instead of silently shortening the deck.
 */
export async function loadDeck(entry: string = DECK_ENTRY): Promise<Deck> {
  const file = resolve(entry)
  const root = dirname(file)
  const data = await load({
    roots: [root],
    userRoot: root,
    allowedRoots: [root],
  }, file)

  const errors = Object.values(data.markdownFiles)
    .flatMap(md => (md.errors ?? []).map(error => `${relative(root, md.filepath)}:${error.row + 1}: ${error.message}`))
  if (errors.length > 0)
    throw new DeckError(`cannot load the deck: ${errors.join('; ')}`)
  if (data.slides.length === 0)
    throw new DeckError(`no slides in ${file}`)

  let section: string | undefined
  const slides = data.slides.map((info: SlideInfo, index): DeckSlide => {
    const frontmatter = { ...info.frontmatter } as Record<string, unknown>
    const named = opensSection(frontmatter)
    if (named !== undefined)
      section = named
    const number = index + 1
    return {
      number,
      title: slideTitle(optionalString(info.title), number),
      heading: firstHeading(info.content),
      level: info.level ?? (typeof frontmatter.level === 'number'
        ? frontmatter.level
        : undefined),
      section,
      startsSection: named !== undefined,
      note: info.note?.trim() ?? '',
      frontmatter,
      file: relative(root, info.source.filepath),
      line: info.source.start + 1,
    }
  })

  return {
    entry: file,
    headmatter: headmatterOf({ ...data.headmatter }, slides[0]?.title),
    slides,
    sections: groupSections(slides),
  }
}
