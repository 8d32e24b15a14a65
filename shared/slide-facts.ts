// The deck model every view of the whole deck adapts to: a slide's facts (from Slidev's route in the
// browser, from Slidev's parser in Node), the one rule for which section a slide is in, and the
// slides shown. The print route, the reader, the pacing plan (shared/pacing.ts) and the Node deck
// loader (scripts/lib/deck.ts) all take sections from here. Pure but for a type.
import type { SlideRoute } from '../setup/slidev-client.js'
import { slideTitle } from './slides.ts'

/** What the views of the whole deck take from a slide. */
export interface SlideFacts {
  no: number
  title?: string | undefined
  noteHTML?: string | undefined
  frontmatter: Record<string, unknown>
  /** The markdown file the slide comes from, where Node knows it: errors name it. */
  file?: string | undefined
}

/**
 * The section a slide opens: its frontmatter's `section:` key, trimmed, when it is a non-empty
 * string. A section holds until the next slide that opens one.
 */
export function opensSection(frontmatter: Record<string, unknown>): string | undefined {
  const declared = frontmatter.section
  return typeof declared === 'string' && declared.trim() !== ''
    ? declared.trim()
    : undefined
}

/** Whether Slidev shows the slide: hidden and disabled slides are left out, as in its own export. */
export function isShown(frontmatter: Record<string, unknown>): boolean {
  return frontmatter.hide !== true && frontmatter.disabled !== true
}

/** A slide that is shown, with the section it belongs to. */
export interface ShownSlide {
  no: number
  title: string
  section: string
  noteHTML: string
  /** Whether a `section:` key was set since the slide shown before it: a section opens here. */
  opensSection: boolean
}

export function slideFacts(route: SlideRoute): SlideFacts {
  return {
    no: route.no,
    title: route.meta.slide.title,
    noteHTML: route.meta.slide.noteHTML,
    frontmatter: route.meta.slide.frontmatter,
  }
}

/**
 * The slides shown, in running order, each with its section: a slide's `section:` frontmatter holds
 * until the next slide that sets one (slides before the first are under `untitled`). Hidden and
 * disabled slides are left out, as in Slidev's own export.
 */
export function shownSlides(slides: readonly SlideFacts[], untitled = ''): ShownSlide[] {
  let section = untitled
  let opens = true
  const shown: ShownSlide[] = []
  for (const slide of slides) {
    const declared = opensSection(slide.frontmatter)
    if (declared !== undefined) {
      section = declared
      opens = true
    }
    if (!isShown(slide.frontmatter))
      continue
    shown.push({
      no: slide.no,
      title: slideTitle(slide.title, slide.no),
      section,
      noteHTML: slide.noteHTML ?? '',
      opensSection: opens,
    })
    opens = false
  }
  return shown
}
