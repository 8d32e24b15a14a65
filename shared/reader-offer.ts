// Whether the deck offers the reader view on this screen, and what it does with the choice the
// device remembers: pure, for the deck's root setup (app/reader/offer-setup.ts, global-top.vue) and
// for the prerendered pages' script, which first-paint.ts hands the key and the query.

/** The reader's choice, stored on the device: read the deck as a page, or keep the slides. */
export type ReaderChoice = 'reader' | 'slides'
export const READER_CHOICE_KEY = 'recap-reader-choice'

export function parseChoice(value: string | null | undefined): ReaderChoice | undefined {
  return value === 'reader' || value === 'slides'
    ? value
    : undefined
}

/** A narrow portrait screen: where a 16:9 slide shrinks to unreadable text. */
export const NARROW_PORTRAIT_QUERY = '(max-width: 600px) and (orientation: portrait)'

export type DeckOffer = 'redirect' | 'offer' | 'none'

/**
 * What the deck does when opened on a slide: on a narrow portrait screen, open the reader if the
 * reader was chosen before, offer it if nothing was chosen yet, and nothing once the slides were
 * chosen; elsewhere, nothing.
 */
export function deckOffer(narrowPortrait: boolean, choice: ReaderChoice | undefined): DeckOffer {
  if (!narrowPortrait || choice === 'slides')
    return 'none'
  return choice === 'reader'
    ? 'redirect'
    : 'offer'
}
