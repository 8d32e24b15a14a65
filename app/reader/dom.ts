// Browser-side helpers of the reader route: finding where the reader is, and finding a search hit's
// sentence in the page. Waiting for the slides to draw is app/composables/useWholeDeck.ts's.

/** The slide the reader is at: the last one whose top has reached `line` (px from the top of the window). */
export function slideAt(articles: Iterable<HTMLElement>, line: number): number | undefined {
  let found: number | undefined
  for (const article of articles) {
    if (article.getBoundingClientRect().top > line)
      break
    found = Number(article.dataset.readerSlide)
  }
  if (found === undefined) {
    const first = [...articles][0]
    return first
      ? Number(first.dataset.readerSlide)
      : undefined
  }
  return found
}

/**
 * Text as compared: typographic quotes folded, lower case, and no white space at all: the search
 * index joins the text of neighbouring elements with spaces (a diagram's boxes, a figure and its
 * label), where the page's own text may have none between them.
 */
export function foldText(text: string): string {
  return text
    .replace(/[‘’]/g, '\'')
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, '')
    .toLowerCase()
}

/** The innermost element under `root` whose text contains `probe`; undefined if none does. */
export function findText(root: HTMLElement, probe: string): HTMLElement | undefined {
  const wanted = foldText(probe)
  if (!wanted || !foldText(root.textContent ?? '').includes(wanted))
    return undefined
  let found: HTMLElement = root
  for (;;) {
    const child = [...found.children].find((el): el is HTMLElement => el instanceof HTMLElement && foldText(el.textContent ?? '').includes(wanted))
    if (!child)
      return found
    found = child
  }
}
