import type { Deck, DeckSlide } from '../../scripts/lib/deck.ts'
import { load } from '@slidev/parser/fs'
import { DECK_ENTRY, DECK_ROOT, loadDeck } from '../../scripts/lib/deck.ts'

/** The deck's sections, in order, as their `section:` keys name them (the slides PDF's outline has the same). */
export const SECTIONS: readonly string[] = [
  'Opening',
  'Scale',
  'Containers',
  'Integration',
  'Talks worth watching',
  'Takeaways',
]

/** A slide with its markdown content as Slidev parsed it, for checks on what the slide contains. */
export interface SlideWithContent extends DeckSlide {
  content: string
}

export interface DeckWithContent extends Omit<Deck, 'slides'> {
  slides: SlideWithContent[]
}

/** loadDeck() plus each slide's markdown content (the two walk Slidev's parser output in the same order). */
export async function loadDeckWithContent(entry: string = DECK_ENTRY): Promise<DeckWithContent> {
  const deck = await loadDeck(entry)
  const data = await load({
    roots: [DECK_ROOT],
    userRoot: DECK_ROOT,
  }, entry)
  if (data.slides.length !== deck.slides.length)
    throw new Error(`loadDeck found ${deck.slides.length} slides but the parser ${data.slides.length}`)
  return {
    ...deck,
    slides: deck.slides.map((slide, i) => ({ ...slide, content: data.slides[i]?.content ?? '' })),
  }
}

/** The full sentences of a text: starting with a capital or digit, ending with . ! or ?, three words or more. */
export function fullSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?]["”’)]?)\s+/)
    .map(sentence => sentence.trim())
    .filter(sentence => /^["“‘(]?[A-Z0-9]/.test(sentence) && /[.!?]["”’)]?$/.test(sentence) && sentence.split(' ').length >= 3)
}
