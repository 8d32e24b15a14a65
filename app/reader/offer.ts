// Whether the deck offers the reader view, and the choice remembered on this device (localStorage).
// Kept apart from the reader's own modules because the deck loads it before its first slide
// (setup/root.ts): it must stay this small. Where storage is unavailable (private modes, sandboxed
// frames), nothing is remembered and the deck offers the reader again.

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

export function storedChoice(): ReaderChoice | undefined {
  try {
    return parseChoice(localStorage.getItem(READER_CHOICE_KEY))
  }
  catch {
    return undefined
  }
}

export function storeChoice(choice: ReaderChoice | undefined): void {
  try {
    if (choice)
      localStorage.setItem(READER_CHOICE_KEY, choice)
    else
      localStorage.removeItem(READER_CHOICE_KEY)
  }
  catch {
    // Storage unavailable: the choice holds for this page only.
  }
}
