import type { BrowserContext, Page, Request } from 'playwright-chromium'

/**
 * Layout checks for a slide shown in a real browser: what sticks out of the slide canvas, what text
 * its own box cuts off, and a log of everything the browser asked the network for.
 */

export interface LayoutProblem {
  /** tag.class1.class2 "text start…" */
  element: string
  /** What is wrong, with the amounts in CSS pixels, e.g. "right by 12px, bottom by 3px". */
  detail: string
}

export interface SlideLayout {
  /** The slide's visible text (innerText), trimmed. */
  text: string
  /** Visible elements whose box reaches outside the slide canvas by more than the tolerance. */
  overflowing: LayoutProblem[]
  /** Elements that hide overflow (hidden, clip, auto, scroll) and whose content is larger than their box. */
  clipped: LayoutProblem[]
}

/**
 * Measures slide `no` (the element `.slidev-page-NO`) as laid out now. Elements hidden by
 * display, visibility, opacity or content-visibility are skipped, as are boxes of at most 1x1px
 * (screen-reader-only text). `tolerance` is in CSS pixels.
 */
export async function inspectSlideLayout(page: Page, no: number, tolerance = 1): Promise<SlideLayout> {
  return page.evaluate(({ no, tolerance }) => {
    const slide = document.querySelector<HTMLElement>(`.slidev-page-${no}`)
    if (!slide)
      throw new Error(`no .slidev-page-${no} on the page`)

    function describe(el: Element): string {
      const classes = [...el.classList].map(c => `.${c}`).join('')
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
      const start = text.length > 40
        ? `${text.slice(0, 40)}…`
        : text
      return `<${el.tagName.toLowerCase()}${classes}>${start
        ? ` "${start}"`
        : ''}`
    }
    const px = (n: number): string => `${Math.round(n * 10) / 10}px`

    const canvas = slide.getBoundingClientRect()
    const overflowing: { element: string, detail: string }[] = []
    const clipped: { element: string, detail: string }[] = []

    for (const el of [
      slide,
      ...slide.querySelectorAll('*'),
    ]) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }))
        continue
      const box = el.getBoundingClientRect()
      if (box.width <= 1 && box.height <= 1)
        continue

      const out = [
        ['left', canvas.left - box.left],
        ['top', canvas.top - box.top],
        ['right', box.right - canvas.right],
        ['bottom', box.bottom - canvas.bottom],
      ] as const
      const beyond = out.filter(([, by]) => by > tolerance)
      if (beyond.length > 0) {
        overflowing.push({
          element: describe(el),
          detail: beyond.map(([side, by]) => `${side} by ${px(by)}`).join(', '),
        })
      }

      if (!(el instanceof HTMLElement) || !(el.textContent ?? '').trim())
        continue
      const style = getComputedStyle(el)
      const cut: string[] = []
      if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + tolerance)
        cut.push(`width ${el.scrollWidth}px in ${el.clientWidth}px (overflow-x: ${style.overflowX})`)
      if (style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + tolerance)
        cut.push(`height ${el.scrollHeight}px in ${el.clientHeight}px (overflow-y: ${style.overflowY})`)
      if (cut.length > 0) {
        clipped.push({
          element: describe(el),
          detail: cut.join(', '),
        })
      }
    }
    return {
      // innerText, not textContent: the text a viewer sees, without hidden nodes.
      // eslint-disable-next-line unicorn/prefer-dom-node-text-content
      text: slide.innerText.trim(),
      overflowing,
      clipped,
    }
  }, { no, tolerance })
}

/** One line per problem, for an assertion message; long lists are cut after `max` lines. */
export function describeProblems(problems: readonly LayoutProblem[], max = 15): string {
  const lines = problems.slice(0, max).map(p => `  ${p.element}: ${p.detail}`)
  if (problems.length > max)
    lines.push(`  … and ${problems.length - max} more`)
  return lines.join('\n')
}

export interface BrowserLog {
  /** Every request of every page and service worker of the context: "METHOD url (from)". */
  readonly requests: { url: string, from: string }[]
  /** Console errors of pages and workers, and uncaught page errors. */
  readonly errors: string[]
}

/**
 * Records all requests (pages and service workers) and every console error and uncaught error of a
 * browser context, from now on.
 */
export function recordBrowser(context: BrowserContext): BrowserLog {
  const log: BrowserLog = { requests: [], errors: [] }
  context.on('request', (request) => {
    const worker = request.serviceWorker()
    log.requests.push({
      url: request.url(),
      from: worker
        ? `service worker ${worker.url()}`
        : 'page',
    })
  })
  context.on('console', (message) => {
    if (message.type() === 'error') {
      const at = message.location()
      log.errors.push(`console error: ${message.text()}${at.url
        ? ` (${at.url}:${at.lineNumber})`
        : ''}`)
    }
  })
  context.on('weberror', error => log.errors.push(`uncaught: ${error.error().stack ?? error.error().message}`))
  return log
}

export interface InFlight {
  /** Resolves once no request of the context is in flight: each one seen has finished or failed. */
  settled: () => Promise<void>
}

/**
 * Follows the requests of a browser context from now on, to wait until those started have all ended
 * (the state a page's own requests prove it has loaded what it asked for), rather than for a spell of
 * network silence.
 */
export function trackInFlight(context: BrowserContext): InFlight {
  const pending = new Set<Request>()
  let waiting: (() => void)[] = []
  const ended = (request: Request): void => {
    pending.delete(request)
    if (pending.size === 0) {
      const done = waiting
      waiting = []
      done.forEach(resolve => resolve())
    }
  }
  context.on('request', request => pending.add(request))
  context.on('requestfinished', ended)
  context.on('requestfailed', ended)
  return {
    settled: async () => pending.size === 0
      ? undefined
      : new Promise<void>((resolve) => {
          waiting.push(resolve)
        }),
  }
}

const NO_HOST = /^(?:data|blob|about):/

/** The requests of `log` that went to any origin other than `allowed` (data:, blob: and about: have no host). */
export function foreignRequests(log: BrowserLog, allowed: string): string[] {
  const origin = new URL(allowed).origin
  return log.requests
    .filter(r => !NO_HOST.test(r.url) && new URL(r.url).origin !== origin)
    .map(r => `${r.url} (${r.from})`)
}
