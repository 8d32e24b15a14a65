// Browser-side helpers for the handout route: fitting notes to their box (waiting for the slides to draw is app/composables/useWholeDeck.ts's).

/** Whether an element's content is taller than the element. */
export function overflows(element: HTMLElement): boolean {
  return element.scrollHeight > element.clientHeight + 1
}

/**
 * Shrinks the text of `content` in steps until `box` no longer overflows or `minPt` is reached.
 * Returns whether it fits.
 */
export function shrinkToFit(box: HTMLElement, content: HTMLElement, startPt: number, minPt: number, stepPt = 0.25): boolean {
  let size = startPt
  content.style.fontSize = `${size}pt`
  while (overflows(box) && size - stepPt >= minPt) {
    size -= stepPt
    content.style.fontSize = `${size}pt`
  }
  return !overflows(box)
}

/** Outer height of each element, margins included, in CSS pixels. */
export function blockHeights(elements: readonly HTMLElement[]): number[] {
  return elements.map((element) => {
    const style = getComputedStyle(element)
    return element.getBoundingClientRect().height + Number.parseFloat(style.marginTop) + Number.parseFloat(style.marginBottom)
  })
}

/** The text of an HTML fragment, whitespace folded. */
export function textOf(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim()
}
