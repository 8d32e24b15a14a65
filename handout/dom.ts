// Browser-side helpers for the handout route: waiting on the DOM and fitting notes to their box.

/** Resolves once `check()` holds, re-checking on every DOM change under `root`; rejects after `timeoutMs`. */
export function until(check: () => boolean, root: Node, timeoutMs: number, what: string): Promise<void> {
  if (check())
    return Promise.resolve()
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const observer = new MutationObserver(() => {
      if (!check())
        return
      clearTimeout(timer)
      observer.disconnect()
      resolve()
    })
    timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`handout: timed out after ${timeoutMs} ms waiting for ${what}`))
    }, timeoutMs)
    observer.observe(root, { childList: true, subtree: true, attributes: true })
  })
}

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
