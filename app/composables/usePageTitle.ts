import type { MaybeRefOrGetter } from 'vue'
import { useHead } from '@unhead/vue'
import { computed, toValue } from 'vue'
import { slideTitle } from '../../shared/slides.ts'

/** What the page shows: one slide (play), or one of the deck's other views. */
export type PageView
  = | { kind: 'slide', no: number, title?: string }
    | { kind: 'view', name: string }
    | { kind: 'deck' }

/** Names of the deck's views other than a slide, by route name. */
export const VIEW_NAMES: Readonly<Record<string, string>> = {
  presenter: 'Presenter',
  overview: 'Overview',
  notes: 'Speaker notes',
  handout: 'Handout',
  entry: 'Start',
}

/**
 * The document title of a page: the slide's title (or "Slide N" for a slide without one) or the
 * view's name, in the headmatter's `titleTemplate`, e.g. "Who was there · Tokyo 2015 recap" or
 * "Presenter · Tokyo 2015 recap". Any other page (print, export) keeps the deck's title.
 */
export function pageTitle(view: PageView, template: string, deckTitle: string): string {
  const apply = (text: string): string => template.includes('%s')
    ? template.replace('%s', text)
    : `${text} · ${deckTitle}`
  switch (view.kind) {
    case 'slide':
      return apply(slideTitle(view.title, view.no))
    case 'view':
      return apply(view.name)
    default:
      return template.replace('%s', deckTitle)
  }
}

/**
 * Sets the document title from `view`. Slidev sets one title for the whole deck in its root setup
 * (and "Presenter - …", "Overview - …" in those pages); this entry is given a higher priority, so it
 * wins over all of them while it is active.
 */
export function usePageTitle(view: MaybeRefOrGetter<PageView>, template: string, deckTitle: string): void {
  useHead({
    title: computed(() => pageTitle(toValue(view), template, deckTitle)),
  }, { tagPriority: 'high' })
}
