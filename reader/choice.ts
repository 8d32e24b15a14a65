// The reader choice as stored on this device (localStorage). Where storage is unavailable (private
// modes, sandboxed frames), nothing is remembered and the deck offers the reader again.
import type { ReaderChoice } from './model'
import { parseChoice, READER_CHOICE_KEY } from './model'

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
