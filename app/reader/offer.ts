// The reader's choice remembered on this device (localStorage); what the deck does with it is
// shared/reader-offer.ts's. Kept apart from the reader's own modules because the deck loads it
// before its first slide (setup/root.ts): it must stay this small. Where storage is unavailable
// (private modes, sandboxed frames), nothing is remembered and the deck offers the reader again.
import type { ReaderChoice } from '../../shared/reader-offer.ts'
import { parseChoice, READER_CHOICE_KEY } from '../../shared/reader-offer.ts'

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
