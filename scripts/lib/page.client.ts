// What the scripts run inside the page Chromium shows: Node passes these functions to Playwright's
// page.evaluate and page.waitForFunction, which send their source to the page, so each uses nothing
// from outside itself. They are type-checked against the DOM and without Node (tsconfig.page.json);
// Node code sees only their signatures, which name no DOM type.

/** Resolves once the page's web fonts are in (to nothing: a FontFaceSet does not cross to Node). */
export function fontsReady(): Promise<void> {
  return document.fonts.ready.then(() => undefined)
}

/** True once every image of the page has loaded (or failed to). */
export function imagesComplete(): boolean {
  return Array.from(document.images).every(image => image.complete)
}

/** Resolves once every image of the page is decoded, so a screenshot shows it. */
export async function imagesDecoded(): Promise<void> {
  await Promise.all([...document.images].map(image => image.decode().catch(() => undefined)))
}

/** Resolves once the web fonts are in and every image not yet loaded has been decoded. */
export async function fontsAndImagesReady(): Promise<void> {
  await document.fonts.ready
  await Promise.all([...document.images].map(image => image.complete
    ? undefined
    : image.decode().catch(() => undefined)))
}

/** Resolves two frames later, so what was just laid out is painted. */
export function twoFrames(): Promise<unknown> {
  return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))
}

/** True when no transition or animation (both Web Animations) is running. */
export function animationsDone(): boolean {
  return document.getAnimations().every(animation => animation.playState !== 'running')
}

/**
 * True when slide `n` is the only slide shown (so any transition has ended), its component has
 * loaded and the URL names it.
 */
export function slideShown(n: number): boolean {
  const shown = [
    ...document.querySelectorAll<HTMLElement>('#slideshow .slidev-page'),
  ]
    .filter(el => getComputedStyle(el).display !== 'none')
  return shown.length === 1
    && shown[0]?.dataset.slidevNo === String(n)
    && shown[0].querySelector('.slidev-layout') !== null
    && document.querySelector('#slideshow .slidev-slide-loading') === null
    && new RegExp(`/${n}$`).test(location.pathname)
}

/** True once the /handout route says it is laid out, or that it failed. */
export function handoutSettled(): boolean {
  return ['ready', 'error'].includes(document.documentElement.dataset.handout ?? '')
}

/** The page's global of that name, as the page set it. */
export function pageGlobal(name: string): unknown {
  return (window as unknown as Record<string, unknown>)[name]
}

/** The web and mail links inside `roots` (elements, from Playwright's evaluateAll) that are visible. */
export function visibleWebLinks(roots: readonly unknown[]): string[] {
  return (roots as readonly Element[])
    .flatMap(root => Array.from(root.querySelectorAll('a[href]')) as HTMLAnchorElement[])
    .filter(a => a.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
    .map(a => a.href)
    .filter(href => /^(?:https?|mailto):/i.test(href))
}

/** Whether the page shows its dark scheme, and the notices on screen (dialogs, alerts, Slidev's PWA notice, the reader offer). */
export function screenState(): { dark: boolean, notices: string[] } {
  const visible = (el: Element): boolean => el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    && el.getBoundingClientRect().width > 1
  const notices = [
    ...document.querySelectorAll('.slidev-pwa-indicator, [data-recap-reader-hook], [role="alert"], [role="status"], [role="dialog"], dialog[open]'),
  ].filter(el => visible(el) && (el.textContent ?? '').trim() !== '')
  const caching = [
    ...document.querySelectorAll('body *'),
  ]
    .filter(el => el.children.length === 0 && /caching for offline/i.test(el.textContent ?? '') && visible(el))
  return {
    dark: document.documentElement.classList.contains('dark'),
    notices: [
      ...notices,
      ...caching,
    ].map(el => `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}"`),
  }
}

/** Moves the deck to slide `n` through its router, as a reader's "next" or a link does (no reload). */
export function routeToSlide(n: number): void {
  history.pushState(null, '', new URL(String(n), document.baseURI).pathname)
  dispatchEvent(new PopStateEvent('popstate', { state: null }))
}

/** What the reader view (/read) says of itself: "ready" once laid out, "error", or "" before either. */
export function readerState(): string {
  return document.documentElement.dataset.reader ?? ''
}

/** Sets a global of the page (given before its scripts run, with Playwright's addInitScript). */
export function setPageGlobal({ name, value }: { name: string, value: unknown }): void {
  (window as unknown as Record<string, unknown>)[name] = value
}

/** True once the reader view (/read) says it is laid out, or that it failed. */
export function readerSettled(): boolean {
  return ['ready', 'error'].includes(document.documentElement.dataset.reader ?? '')
}
