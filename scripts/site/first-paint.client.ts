// The prerendered pages' script (first-paint.ts writes it into the <head> of index.html, N.html and
// read.html), run by the browser before the body is parsed, so before anything is painted: a file of
// its own, which a Content-Security-Policy of script-src 'self' allows where it would block an
// inline one. A classic script, not a module (it reads document.currentScript): no imports, no
// exports; first-paint.ts strips its types at build time.
//
// - On the address the page was prerendered for, it lets the page's markup paint as the app will:
//   the slide scaled to the window as Slidev will scale it, in the colour scheme Slidev will set, the
//   reader with its search box (`html.recap-js`: without this script the page shows what works
//   without it). Anywhere else (the file answering as the SPA fallback, e.g. index.html for
//   /presenter) it hides the markup (`html.recap-elsewhere`), removes it, and starts the app at once.
// - It starts the app (index.html hands it the entry module and its preloads instead of loading them
//   itself). A prerendered page already shows what the address asks for, so the app, whose start
//   holds a phone's main thread for about a second, waits until the viewer first does something: a
//   key, a touch, a click, the mouse moving (by a few pixels: browsers also report a still mouse
//   when the page changes under it), the wheel, focus. Its code is downloaded (not run) once the
//   page has loaded, so the start then costs only running it; the key or swipe that started it is
//   played again once the app shows its slide. Where the page is part of a live talk (`./deck
//   present` marks it) or the address carries a query (?clicks=2, a print route, a key), the app
//   starts right after the first paint, as it must follow or obey at once.
// - Where this device chose the reader view, on a narrow portrait screen, a slide's address opens
//   the reader at that slide, as the app would on its start (app/reader/offer-setup.ts), and the
//   reader says so (`html.recap-reader-chosen`).
// - The service worker is the app's to register (Slidev's, through workbox-window, which reloads the
//   page when it sees a worker it did not install itself activate): a site is cached for offline
//   once the app has started on one of its pages.
(function firstPaint(me: HTMLOrSVGScriptElement | null): void {
  const data = (name: string): string => me?.getAttribute(`data-${name}`) || ''
  const entry = data('entry')
  const preloads = data('modulepreload').split(' ').filter(Boolean)
  const page = data('page')
  const base = data('base') || '/'
  const root = document.documentElement
  let preloaded = false
  let started = false
  /** What else starting the app sets going (the slide's watch for the app's own slide). */
  let onStart: (() => void) | undefined
  const onParsed = (work: () => void): void => {
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', work, { once: true })
    else
      work()
  }
  const shot = (): HTMLElement | null => document.getElementById('recap-first-paint')

  /** The app's code, downloaded and compiled but not run. */
  function preload(): void {
    if (preloaded)
      return
    preloaded = true
    for (const href of preloads) {
      const link = document.createElement('link')
      link.rel = 'modulepreload'
      link.crossOrigin = ''
      link.href = href
      document.head.appendChild(link)
    }
  }

  function start(): void {
    if (started || !entry)
      return
    started = true
    preload()
    onStart?.()
    // The app draws beneath the picture from now on: one copy of the slide for assistive technology.
    onParsed(() => {
      shot()?.setAttribute('inert', '')
      shot()?.setAttribute('aria-hidden', 'true')
    })
    const script = document.createElement('script')
    script.type = 'module'
    script.crossOrigin = ''
    script.src = entry
    document.head.appendChild(script)
  }

  root.classList.add('recap-js')
  let path = location.pathname
  if (path.indexOf(base) === 0)
    path = path.slice(base.length)
  else if (`${path}/` === base)
    path = ''
  path = path.replace(/\/+$/, '').replace(/\.html$/, '')
  const reader = page === 'read'
  const here = reader
    ? path === 'read'
    : path === page || (page === '1' && (path === '' || path === 'index'))
  if (!here) {
    root.classList.add('recap-elsewhere')
    root.classList.remove('reader-mode')
    onParsed(() => {
      shot()?.remove()
      document.getElementById('recap-reader-static')?.remove()
    })
    start()
    return
  }

  // The deck's redirect to the reader (app/reader/offer-setup.ts, shared/reader-offer.ts), made here
  // so that it does not wait for the app: the reader's own page is prerendered too.
  const choiceKey = data('reader-choice-key')
  const narrowQuery = data('narrow-query')
  let choice: string | null = null
  try {
    choice = choiceKey
      ? localStorage.getItem(choiceKey)
      : null
  }
  catch {
    // Storage denied: nothing was remembered.
  }
  if (!reader && choice === 'reader' && narrowQuery && !!window.matchMedia && window.matchMedia(narrowQuery).matches) {
    location.replace(`${base}read#${page}`)
    return
  }
  // The reader says so where this device chose it (app/reader/ReaderPage.vue shows the same line).
  if (reader && choice === 'reader')
    root.classList.add('recap-reader-chosen')

  const schema = data('color-schema')
  let dark = schema === 'dark'
  if (schema !== 'dark' && schema !== 'light') {
    let stored: string | null = null
    try {
      stored = localStorage.getItem('slidev-color-schema')
    }
    catch {
      // Storage can be denied (private mode, blocked cookies): then the system's preference decides.
    }
    dark = stored === 'dark' || (stored !== 'light' && !!window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches)
  }
  root.classList.toggle('dark', dark)
  root.classList.toggle('light', !dark)

  if (!reader) {
    const width = Number(data('width')) || 980
    const height = Number(data('height')) || 552
    const fit = (): void => {
      root.style.setProperty('--recap-first-paint-scale', String(Math.min(window.innerWidth / width, window.innerHeight / height)))
    }
    fit()
    window.addEventListener('resize', fit)
    // Once a frame from the app's start (not on every DOM change, which would add work to the app's
    // own rendering): when the app shows a slide, the picture goes, a frame later, so the two never blink.
    const watch = (): void => {
      const app = document.getElementById('app')
      if (!app || !app.querySelector('.slidev-page > *')) {
        requestAnimationFrame(watch)
        return
      }
      window.removeEventListener('resize', fit)
      requestAnimationFrame(() => {
        shot()?.remove()
        root.style.removeProperty('--recap-first-paint-scale')
        // The app has the page now: its keys are its own, nothing to play again.
        stopListening()
      })
    }
    onStart = () => requestAnimationFrame(watch)
  }

  /** The key or swipe to play again on the app's slide (not in the reader, where keys scroll the page natively). */
  let replay: { key: string, code: string, shiftKey: boolean } | undefined
  let touch: { x: number, y: number } | undefined
  // Scrolling is one of these already (a wheel, a touch, a key, the scroll bar); a `scroll` event alone
  // is also the browser going to the page's #anchor.
  const EVENTS = [
    'keydown',
    'pointerdown',
    'pointermove',
    'wheel',
    'touchstart',
    'focusin',
  ]
  const MODIFIERS = /^(?:Shift|Control|Alt|Meta|CapsLock|Tab)$/

  const replayWhenDrawn = (): void => {
    if (!replay)
      return
    if (shot()) {
      requestAnimationFrame(replayWhenDrawn)
      return
    }
    const init = { ...replay, bubbles: true, cancelable: true }
    replay = undefined
    const target = document.activeElement || document.body
    target.dispatchEvent(new KeyboardEvent('keydown', init))
    requestAnimationFrame(() => target.dispatchEvent(new KeyboardEvent('keyup', init)))
  }

  function onTouchEnd(event: TouchEvent): void {
    window.removeEventListener('touchend', onTouchEnd)
    const end = event.changedTouches[0]
    if (!touch || !end || reader)
      return
    const dx = end.clientX - touch.x
    const dy = end.clientY - touch.y
    // A swipe sideways, as Slidev's own swipe handling counts one: to the left is the next slide.
    if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) {
      replay = dx < 0
        ? { key: 'ArrowRight', code: 'ArrowRight', shiftKey: false }
        : { key: 'ArrowLeft', code: 'ArrowLeft', shiftKey: false }
      replayWhenDrawn()
    }
  }

  /** Where the mouse was first seen: browsers send a move without one when the page changes under a still cursor. */
  let mouse: { x: number, y: number } | undefined

  function stopListening(): void {
    for (const type of EVENTS)
      window.removeEventListener(type, onFirstInteraction, true)
  }

  function onFirstInteraction(event: Event): void {
    if (event.type === 'pointermove') {
      const move = event as PointerEvent
      if (move.pointerType !== 'mouse')
        return
      if (!mouse || Math.abs(move.clientX - mouse.x) + Math.abs(move.clientY - mouse.y) < 4) {
        mouse ??= { x: move.clientX, y: move.clientY }
        return
      }
    }
    stopListening()
    // A key the app already has (it started by itself, in a live talk) is not played to it again.
    if (event.type === 'keydown' && !reader && shot()) {
      const key = event as KeyboardEvent
      if (!MODIFIERS.test(key.key) && !key.ctrlKey && !key.metaKey && !key.altKey)
        replay = { key: key.key, code: key.code, shiftKey: key.shiftKey }
    }
    if (event.type === 'touchstart' && !reader && shot()) {
      const first = (event as TouchEvent).touches[0]
      if (first) {
        touch = { x: first.clientX, y: first.clientY }
        window.addEventListener('touchend', onTouchEnd, { passive: true })
      }
    }
    start()
    replayWhenDrawn()
  }
  for (const type of EVENTS)
    window.addEventListener(type, onFirstInteraction, { capture: true, passive: true })

  const live = location.search !== '' || document.querySelector('meta[name="recap-present-relay"]') !== null
  if (live) {
    // Right after the frame that paints the page; a hidden tab, which paints no frames, starts it
    // anyway. A key pressed meanwhile (a clicker) is played to it all the same, above.
    requestAnimationFrame(() => setTimeout(start, 0))
    setTimeout(start, 500)
  }
  else {
    window.addEventListener('load', () => {
      const idle = (window as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback
      if (idle)
        idle(preload)
      else
        setTimeout(preload, 0)
    })
  }
})(document.currentScript)
