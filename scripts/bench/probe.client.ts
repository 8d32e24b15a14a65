// What the benchmarks run inside the page Chromium loads: Node passes these functions to Playwright
// (addInitScript, page.evaluate, page.waitForFunction), which sends their source to the page, so each
// uses nothing from outside itself. Type-checked against the DOM and without Node
// (tsconfig.page.json): `performance` here is the page's, not Node's.

/** What the page reports about itself; filled in by probePage. */
export interface PageProbe {
  /** performance.now() of the frame after the app's slide 1 was first found laid out, visible and with text. */
  appSlide?: number
  /** The same for the static first paint in index.html (ours: scripts/site/first-paint.ts), if there is one. */
  staticSlide?: number
  lcp?: number
}

/**
 * Runs in the page before its own scripts (Playwright sends its source, so it uses nothing from
 * outside itself): watches each frame for slide 1 (`.slidev-page-1` laid out, not hidden, with
 * text) and keeps the timestamp of the frame after it, when it is painted.
 */
export function probePage(): void {
  performance.setResourceTimingBufferSize(100000)
  const probe: PageProbe & { pendingStatic?: boolean } = {}
  ;(window as { __recapProbe?: PageProbe }).__recapProbe = probe
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        probe.lcp = entry.startTime
    }).observe({ type: 'largest-contentful-paint', buffered: true })
  }
  catch {
    // No largest-contentful-paint entries in this browser: the figure stays empty.
  }
  function shown(el: Element): boolean {
    const box = el.getBoundingClientRect()
    if (box.width < 1 || box.height < 1 || !el.textContent?.trim())
      return false
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node)
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0)
        return false
    }
    return true
  }
  function watch(): void {
    const shot = document.querySelector('#recap-first-paint:not([hidden]) .recap-first-paint-page')
    if (probe.staticSlide === undefined && probe.pendingStatic === undefined && shot && shown(shot)) {
      probe.pendingStatic = true
      requestAnimationFrame(() => {
        probe.staticSlide = performance.now()
      })
    }
    const slide = document.querySelector('#app .slidev-page-1')
    if (slide && shown(slide)) {
      requestAnimationFrame(() => {
        probe.appSlide = performance.now()
      })
      return
    }
    requestAnimationFrame(watch)
  }
  requestAnimationFrame(watch)
}

export interface ResourceFact {
  url: string
  type: string
  end: number
  bytes: number
  wire: number
}

/** Every resource the page has loaded, the document included, with its sizes. */
export function pageResources(): ResourceFact[] {
  const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(entry => ({
    url: entry.name,
    type: entry.initiatorType,
    end: entry.responseEnd,
    bytes: entry.decodedBodySize,
    wire: entry.encodedBodySize,
  }))
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
  if (nav) {
    resources.push({
      url: nav.name,
      type: 'navigation',
      end: nav.responseEnd,
      bytes: nav.decodedBodySize,
      wire: nav.encodedBodySize,
    })
  }
  return resources
}

/** The probe's figures so far (empty before probePage has run). */
export function probeFigures(): PageProbe {
  return (window as { __recapProbe?: PageProbe }).__recapProbe ?? {}
}

/** True once the probe has seen slide 1 painted, by the app or by the static first paint. */
export function slidePainted(): boolean {
  const probe = (window as { __recapProbe?: PageProbe }).__recapProbe
  return probe?.appSlide !== undefined || probe?.staticSlide !== undefined
}

/** True once the probe has seen the app's slide 1 painted. */
export function appSlidePainted(): boolean {
  return (window as { __recapProbe?: PageProbe }).__recapProbe?.appSlide !== undefined
}

/** Keeps every resource timing entry of the load (the page's buffer holds 250 by default). */
export function keepResourceTimings(): void {
  performance.setResourceTimingBufferSize(100_000)
}

/** The page's clock: milliseconds since its navigation started. */
export function pageNow(): number {
  return performance.now()
}

/** The page's first contentful paint, in ms from navigation start (NaN before it). */
export function firstContentfulPaint(): number {
  return performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
}

/** True once the app has taken over a prerendered page: its slide drawn, or the reader laid out, and the prerendered markup gone. */
export function appTookOver(): boolean {
  return document.getElementById('recap-first-paint') === null
    && document.getElementById('recap-reader-static') === null
    && (document.documentElement.dataset.reader === 'ready' || document.querySelector('#app .slidev-page .slidev-layout') !== null)
}
