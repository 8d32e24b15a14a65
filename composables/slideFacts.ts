import type { SlideRoute } from '../setup/slidev-client.js'

/** What the deck's own views of every slide (the print route, the reader) take from a slide's route. */
export interface SlideFacts {
  no: number
  title?: string | undefined
  noteHTML?: string | undefined
  frontmatter: Record<string, unknown>
}

export function slideFacts(route: SlideRoute): SlideFacts {
  return {
    no: route.no,
    title: route.meta.slide.title,
    noteHTML: route.meta.slide.noteHTML,
    frontmatter: route.meta.slide.frontmatter,
  }
}
