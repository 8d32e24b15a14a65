// The reader's plan of the deck: sections in running order, which slide a deep link names, where the
// reader is. Pure: no DOM and no Slidev imports (which slides are shown, and in which section, is
// shared/slide-facts.ts, shared with the print route), so the page and the tests share it. (What
// the deck itself decides, whether to offer the reader, is offer.ts: it loads with the deck.)
import type { SlideFacts } from './slide-facts.ts'
import { shownSlides } from './slide-facts.ts'

export type { SlideFacts }

/** What the reader needs of one slide. */
export interface ReaderSlide {
  no: number
  title: string
  section: string
  noteHTML: string
}

export interface ReaderSection {
  title: string
  slides: ReaderSlide[]
}

/**
 * The slides the reader shows, grouped by section in running order: a slide's `section:` frontmatter
 * holds until the next slide that sets one; hidden and disabled slides are left out (as in the
 * handout and Slidev's own export). Slides before the first `section:` go under `untitled`.
 */
export function readerSections(slides: readonly SlideFacts[], untitled = ''): ReaderSection[] {
  const sections: ReaderSection[] = []
  for (const { opensSection, ...slide } of shownSlides(slides, untitled)) {
    if (opensSection || sections.at(-1)?.title !== slide.section)
      sections.push({ title: slide.section, slides: [] })
    sections.at(-1)!.slides.push(slide)
  }
  return sections
}

/**
 * The slide a reader address names: `/read#7`, `/read/7` (the path parameter) or nothing. Only
 * numbers of slides that exist count; anything else is undefined (the top of the page).
 */
export function targetSlide(hash: string, param: unknown, total: number): number | undefined {
  const fromParam = Array.isArray(param)
    ? param[0]
    : param
  const candidates = [
    hash.replace(/^#/, ''),
    typeof fromParam === 'string'
      ? fromParam
      : '',
  ]
  for (const raw of candidates) {
    if (!/^\d+$/.test(raw))
      continue
    const no = Number(raw)
    if (no >= 1 && no <= total)
      return no
  }
  return undefined
}

/** "Scale · 7 of 26", or "7 of 26" for a slide outside any section. */
export function whereLabel(section: string, position: number, total: number): string {
  const count = `${position} of ${total}`
  return section
    ? `${section} · ${count}`
    : count
}
