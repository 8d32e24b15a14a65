// The slides as the deck's own views of the whole deck (the print route, the reader) see them.
// Pure but for a type: the route pages and their tests share it.
import type { SlideRoute } from '../setup/slidev-client.js'
import { slideTitle } from './slides.ts'

/** What those views take from a slide's route. */
export interface SlideFacts {
  no: number
  title?: string | undefined
  noteHTML?: string | undefined
  frontmatter: Record<string, unknown>
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
    const declared = slide.frontmatter.section
    if (typeof declared === 'string' && declared.trim() !== '') {
      section = declared.trim()
      opens = true
    }
    if (slide.frontmatter.hide === true || slide.frontmatter.disabled === true)
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
