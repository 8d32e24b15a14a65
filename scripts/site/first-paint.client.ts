// The static first paint's script, run by the browser from index.html before the first paint, while
// the parser waits for it: a file of its own, which a Content-Security-Policy of script-src 'self'
// allows where it would block an inline one. On slide 1's address it scales the captured slide to the
// window as Slidev will, sets the colour scheme Slidev will set, and shows it; it removes it once the
// app has drawn its own slide. It also starts the app: index.html hands it the entry module and its
// preloads instead of loading them itself, since the slide's picture needs only the HTML, the CSS and
// the fonts. A classic script, not a module (it reads document.currentScript): no imports, no
// exports; scripts/site/first-paint.ts strips its types at build time.
(function firstPaint(me: HTMLOrSVGScriptElement | null): void {
  const entry = me?.getAttribute('data-entry')
  const preloads = (me?.getAttribute('data-modulepreload') || '').split(' ')
  let started = false

  function start(): void {
    if (started || !entry)
      return
    started = true
    for (const href of preloads) {
      if (!href)
        continue
      const link = document.createElement('link')
      link.rel = 'modulepreload'
      link.crossOrigin = ''
      link.href = href
      document.head.appendChild(link)
    }
    const script = document.createElement('script')
    script.type = 'module'
    script.crossOrigin = ''
    script.src = entry
    document.head.appendChild(script)
  }

  const shot = document.getElementById('recap-first-paint')
  if (!shot) {
    start()
    return
  }
  const base = shot.getAttribute('data-base') || '/'
  let path = location.pathname
  if (path.indexOf(base) === 0)
    path = path.slice(base.length)
  else if (`${path}/` === base)
    path = ''
  path = path.replace(/\/+$/, '')
  if (path !== '' && path !== '1') {
    shot.remove()
    start()
    return
  }

  const root = document.documentElement
  const schema = shot.getAttribute('data-color-schema')
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

  const width = Number(shot.getAttribute('data-width')) || 980
  const height = Number(shot.getAttribute('data-height')) || 552
  function fit(): void {
    shot!.style.setProperty('--slidev-slide-scale', String(Math.min(window.innerWidth / width, window.innerHeight / height)))
  }
  fit()
  window.addEventListener('resize', fit)
  shot.hidden = false

  const app = document.getElementById('app')
  // Once a frame (not on every DOM change, which would add work to the app's own rendering):
  // when the app shows a slide, the picture goes, a frame later, so the two never blink.
  function watch(): void {
    if (!app || !app.querySelector('.slidev-page > *')) {
      requestAnimationFrame(watch)
      return
    }
    window.removeEventListener('resize', fit)
    requestAnimationFrame(() => shot!.remove())
  }
  requestAnimationFrame(watch)
  // The app starts right after the frame that paints the slide, so neither downloading nor
  // evaluating its scripts holds back the first paint; a hidden tab, which paints no frames, starts
  // it anyway.
  requestAnimationFrame(() => setTimeout(start, 0))
  setTimeout(start, 500)
})(document.currentScript)
