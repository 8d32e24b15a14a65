// Open Graph for the built deck: the preview a chat shows for a shared link.
//
// - slideOneAtBuild(): a Vite plugin that, after `slidev build` has written the site, serves it on
//   loopback, loads slide 1 in headless Chromium, writes `og-image.png` beside index.html and puts
//   slide 1's markup into index.html as a static first paint, shown until the app has drawn the
//   slide. Nothing leaves the machine: the deck's fonts and images are local, and the browser
//   resolves no host but 127.0.0.1.
// - socialMeta(): a Vite plugin that completes the tags Slidev writes from the `seoMeta` headmatter:
//   og:type, og:site_name, og:image size and alt text, twitter:image:alt; absolute image URLs
//   and og:url when the deck's URL is known at build (RECAP_SITE_URL, e.g.
//   https://example.org/recap/, else Netlify's URL or Vercel's production URL); and
//   the description, author and keywords tags, which Slidev 53 writes JSON-quoted ("\"A recap…\n…\"").
//
// By hand, for an existing build: node scripts/og-image.ts [DIST] [--base /recap/]
import type { Plugin, ResolvedConfig } from 'vite'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'

export const OG_IMAGE_FILE = 'og-image.png'
/** 16:9 like the slides, so the slide fills the picture; chats scale it down. */
export const OG_IMAGE_SIZE = { width: 1200, height: 675 } as const
export const OG_IMAGE_ALT = 'Title slide: OpenStack Summit Tokyo, October 2015: a recap'
const SITE_NAME = 'OpenStack Summit Tokyo 2015 recap'

export interface RenderSlideOneOptions {
  /** The base the deck was built for; "/" unless set. */
  base?: string
  /** Where og-image.png goes (DIST/og-image.png unless set); false for none. */
  ogImage?: string | false
  /** Also capture slide 1's markup for the static first paint. */
  firstPaint?: boolean
  colorScheme?: 'light' | 'dark'
  timeout?: number
}

/** Slide 1 as Slidev rendered it, for index.html to show before the app has loaded. */
export interface FirstPaintCapture {
  /** The slide's element, its ids removed and `slidev-page-1` renamed so it never doubles the app's. */
  html: string
  width: number
  height: number
  /** Vue's scoped-style attributes (data-v-…) of the slide canvas and the slide show around it. */
  contentAttrs: string[]
  showAttrs: string[]
}

export interface SlideOneResult {
  ogImage?: string
  firstPaint?: FirstPaintCapture
}

/**
 * Loads slide 1 of a built deck in headless Chromium: screenshots it into a PNG and, if asked,
 * captures its markup. One browser for both.
 */
export async function renderSlideOne(distDir: string, options: RenderSlideOneOptions = {}): Promise<SlideOneResult> {
  const { launchChromium } = await import('./lib/browser.ts')
  const { serveStatic } = await import('./lib/serve.ts')
  const timeout = options.timeout ?? 60_000
  const server = await serveStatic(distDir, { base: options.base ?? '/' })
  const browser = await launchChromium({
    // Only loopback resolves: a remote asset would fail at once instead of being fetched.
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  })
  const result: SlideOneResult = {}
  try {
    const context = await browser.newContext({
      viewport: OG_IMAGE_SIZE,
      deviceScaleFactor: 1,
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    })
    const page = await context.newPage()
    page.setDefaultTimeout(timeout)
    await page.goto(`${server.url}1`, { waitUntil: 'networkidle', timeout })
    await page.locator('#app .slidev-page-1').first().waitFor({ state: 'visible' })
    await page.evaluate(async () => {
      await document.fonts.ready
      await Promise.all([...document.images].map(image => image.complete
        ? undefined
        : image.decode().catch(() => undefined)))
    })
    // Slidev's "Caching for offline…" badge belongs to the visit, not to the slide.
    await page.addStyleTag({ content: '.slidev-pwa-indicator { display: none !important; }' })
    // Two frames, so what was just laid out is painted.
    await page.evaluate(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))

    if (options.ogImage !== false) {
      const out = resolve(options.ogImage ?? join(distDir, OG_IMAGE_FILE))
      // Written under another name first, so a failed run never leaves half a PNG behind.
      const temp = await mkdtemp(join(dirname(out), '.og-'))
      try {
        const file = join(temp, OG_IMAGE_FILE)
        await page.screenshot({ path: file, type: 'png' })
        await rename(file, out)
      }
      finally {
        await rm(temp, { recursive: true, force: true })
      }
      result.ogImage = out
    }

    if (options.firstPaint) {
      result.firstPaint = await page.evaluate(() => {
        const slide = document.querySelector('#app .slidev-page-1')
        const content = slide?.closest('.slidev-slide-content')
        const show = slide?.parentElement
        if (!slide || !(content instanceof HTMLElement) || !show)
          throw new Error('slide 1 is not where Slidev 53 puts it (.slidev-slide-content > #slideshow > .slidev-page-1)')
        const clone = slide.cloneNode(true) as Element
        clone.classList.remove('slidev-page-1')
        clone.classList.add('recap-first-paint-page')
        for (const element of [
          clone,
          ...clone.querySelectorAll('[id]'),
        ])
          element.removeAttribute('id')
        // Only attributes HTML allows on their element. Vue hands a component's undeclared props to
        // its root element as attributes (Slidev's layouts get `duration`, `timer`, `section`,
        // `frontmatter`…): the live DOM keeps them, a document must not. Kept: the global attributes,
        // aria-* and data-*, event handlers, and those the element's own interface reflects (a
        // writable property of that name below HTMLElement, e.g. `href` on an anchor). SVG, MathML
        // and custom elements keep theirs.
        const GLOBAL = new Set([
          'accesskey',
          'autocapitalize',
          'autocorrect',
          'autofocus',
          'class',
          'contenteditable',
          'dir',
          'draggable',
          'enterkeyhint',
          'hidden',
          'id',
          'inert',
          'inputmode',
          'is',
          'itemid',
          'itemprop',
          'itemref',
          'itemscope',
          'itemtype',
          'lang',
          'nonce',
          'popover',
          'role',
          'slot',
          'spellcheck',
          'style',
          'tabindex',
          'title',
          'translate',
          'writingsuggestions',
        ])
        const PROPERTY: Record<string, string> = { for: 'htmlfor' }
        const reflected = new Map<object, Set<string>>()
        const ownAttributes = (element: HTMLElement): Set<string> => {
          const start = Object.getPrototypeOf(element) as object
          let names = reflected.get(start)
          if (!names) {
            names = new Set()
            for (let proto = start; proto && proto !== HTMLElement.prototype; proto = Object.getPrototypeOf(proto) as object) {
              for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
                if (descriptor.set)
                  names.add(name.toLowerCase())
              }
            }
            reflected.set(start, names)
          }
          return names
        }
        const allowed = (element: HTMLElement, name: string): boolean =>
          GLOBAL.has(name)
          || /^(?:aria|data)-/.test(name)
          || (/^on[a-z]+$/.test(name) && name in element)
          || ownAttributes(element).has(PROPERTY[name] ?? name.replace(/-/g, ''))
        for (const element of [
          clone,
          ...clone.querySelectorAll('*'),
        ]) {
          if (!(element instanceof HTMLElement) || element.localName.includes('-'))
            continue
          for (const { name } of [...element.attributes]) {
            if (!allowed(element, name))
              element.removeAttribute(name)
          }
        }
        const scoped = (element: Element): string[] => [...element.attributes].map(a => a.name).filter(name => name.startsWith('data-v-'))
        return {
          html: clone.outerHTML.replace(/<!--[\s\S]*?-->/g, ''),
          width: content.offsetWidth,
          height: content.offsetHeight,
          contentAttrs: scoped(content),
          showAttrs: scoped(show),
        }
      })
    }
    await context.close()
  }
  finally {
    await browser.close()
    await server.close()
  }
  return result
}

/** Screenshots slide 1 of a built deck into a PNG; returns the file written. */
export async function renderOgImage(distDir: string, options: Omit<RenderSlideOneOptions, 'firstPaint'> & { out?: string } = {}): Promise<string> {
  const { ogImage } = await renderSlideOne(distDir, { ...options, ogImage: options.out ?? options.ogImage, firstPaint: false })
  return ogImage!
}

/**
 * The static first paint's script, a file of its own (a Content-Security-Policy of script-src 'self'
 * allows it, where it would block an inline one). It runs before the first paint, while the parser
 * waits for it: on slide 1's address it scales the captured slide to the window as Slidev will, sets
 * the colour scheme Slidev will set, and shows it; it removes it once the app has drawn its own slide.
 */
export const FIRST_PAINT_SCRIPT = `(function () {
  var me = document.currentScript
  var entry = me && me.getAttribute('data-entry')
  var preloads = ((me && me.getAttribute('data-modulepreload')) || '').split(' ')
  var started = false
  // The app's entry module and its preloads, which index.html hands to this script instead of
  // loading them itself: the slide's picture needs only the HTML, the CSS and the fonts.
  function start() {
    if (started || !entry) return
    started = true
    for (var i = 0; i < preloads.length; i++) {
      if (!preloads[i]) continue
      var link = document.createElement('link')
      link.rel = 'modulepreload'
      link.crossOrigin = ''
      link.href = preloads[i]
      document.head.appendChild(link)
    }
    var script = document.createElement('script')
    script.type = 'module'
    script.crossOrigin = ''
    script.src = entry
    document.head.appendChild(script)
  }
  var shot = document.getElementById('recap-first-paint')
  if (!shot) return start()
  var base = shot.getAttribute('data-base') || '/'
  var path = location.pathname
  if (path.indexOf(base) === 0) path = path.slice(base.length)
  else if (path + '/' === base) path = ''
  path = path.replace(/\\/+$/, '')
  if (path !== '' && path !== '1') { shot.remove(); return start() }
  var root = document.documentElement
  var schema = shot.getAttribute('data-color-schema')
  var dark = schema === 'dark'
  if (schema !== 'dark' && schema !== 'light') {
    var stored = null
    try { stored = localStorage.getItem('slidev-color-schema') } catch (e) {}
    dark = stored === 'dark' || (stored !== 'light' && !!window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches)
  }
  root.classList.toggle('dark', dark)
  root.classList.toggle('light', !dark)
  var width = Number(shot.getAttribute('data-width')) || 980
  var height = Number(shot.getAttribute('data-height')) || 552
  function fit() { shot.style.setProperty('--slidev-slide-scale', String(Math.min(innerWidth / width, innerHeight / height))) }
  fit()
  addEventListener('resize', fit)
  shot.hidden = false
  var app = document.getElementById('app')
  // Once a frame (not on every DOM change, which would add work to the app's own rendering):
  // when the app shows a slide, the picture goes, a frame later, so the two never blink.
  function watch() {
    if (!app || !app.querySelector('.slidev-page > *')) return requestAnimationFrame(watch)
    removeEventListener('resize', fit)
    requestAnimationFrame(function () { shot.remove() })
  }
  requestAnimationFrame(watch)
  // The app starts right after the frame that paints the slide, so neither downloading nor
  // evaluating its scripts holds back the first paint; a hidden tab, which paints no frames, starts
  // it anyway.
  requestAnimationFrame(function () { setTimeout(start, 0) })
  setTimeout(start, 500)
})()
`

export const FIRST_PAINT_STYLE = '#recap-first-paint{position:fixed;inset:0;z-index:50;overflow:hidden;background:var(--slidev-slide-container-background,black)}'
  + '#recap-first-paint[hidden]{display:none}'
  + '#recap-first-paint>.slidev-slide-content{position:absolute;top:50%;left:50%;overflow:hidden;transform:translate(-50%,-50%) scale(var(--slidev-slide-scale,1))}'
  + '#recap-first-paint .recap-first-paint-show{height:100%}'

function attributeValue(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/** index.html with the captured slide 1 shown before the app loads; the script's file name given. */
export function withFirstPaint(html: string, capture: FirstPaintCapture, options: { base: string, colorSchema: string, script: string }): string {
  // The entry module: the first paint's script loads it, after the frame that shows the slide.
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)
  if (!entry || html.includes('id="recap-first-paint"') || !html.includes('<div id="app"></div>'))
    return html
  const preloads = [
    ...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g),
  ]
  const base = options.base.endsWith('/')
    ? options.base
    : `${options.base}/`
  const markup = `<div id="recap-first-paint" hidden aria-hidden="true" inert data-base="${attributeValue(base)}" data-color-schema="${attributeValue(options.colorSchema)}" data-width="${capture.width}" data-height="${capture.height}">`
    + `<div class="slidev-slide-content" ${capture.contentAttrs.join(' ')} style="width:${capture.width}px;height:${capture.height}px">`
    + `<div class="recap-first-paint-show" ${capture.showAttrs.join(' ')}>${capture.html}</div></div></div>\n`
    + `<script src="${attributeValue(base + options.script)}" data-entry="${attributeValue(entry[1]!)}" data-modulepreload="${attributeValue(preloads.map(match => match[1]).join(' '))}"></script>`
  let out = html.replace(entry[0], '')
  for (const [tag] of preloads)
    out = out.replace(tag, '')
  return out
    .replace(/\n\s*\n/g, '\n')
    .replace('</head>', `<style id="recap-first-paint-style">${FIRST_PAINT_STYLE}</style>\n</head>`)
    .replace('<div id="app"></div>', `<div id="app"></div>\n${markup}`)
}

export interface SlideOneAtBuildOptions {
  /** Slidev's colorSchema: "auto" lets the script follow the viewer's preference as Slidev does. */
  colorSchema?: string
}

/**
 * After `slidev build` has written the site (before the service worker's precache list is made, so
 * both files are in it): og-image.png of slide 1, and slide 1's markup in index.html as its static
 * first paint. RECAP_OG_IMAGE=0 skips the picture (the tags still point at it), RECAP_FIRST_PAINT=0
 * the first paint. Without a Chromium the build still succeeds, with a warning, without either.
 */
export function slideOneAtBuild(options: SlideOneAtBuildOptions = {}): Plugin {
  let config: ResolvedConfig | undefined
  let failed = false
  return {
    name: 'recap:slide-one',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    buildEnd(error) {
      failed ||= Boolean(error)
    },
    renderError() {
      failed = true
    },
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler(error?: Error) {
        // Vite calls closeBundle after a failed build too: then there is no site to picture.
        if (failed || error || !config || config.build.ssr)
          return
        const og = process.env.RECAP_OG_IMAGE !== '0'
        const firstPaint = process.env.RECAP_FIRST_PAINT !== '0'
        const outDir = resolve(config.root, config.build.outDir)
        const indexHtml = join(outDir, 'index.html')
        if ((!og && !firstPaint) || !existsSync(indexHtml))
          return
        const started = performance.now()
        let result: SlideOneResult
        try {
          result = await renderSlideOne(outDir, {
            base: config.base,
            ogImage: og ? undefined : false,
            firstPaint,
          })
        }
        catch (error) {
          const { BrowserNotFoundError } = await import('./lib/browser.ts')
          if (!(error instanceof BrowserNotFoundError))
            throw error
          config.logger.warn(`[recap:slide-one] no ${OG_IMAGE_FILE} and no first paint: ${error.message}`)
          return
        }
        if (result.firstPaint) {
          const hash = createHash('sha256').update(FIRST_PAINT_SCRIPT).digest('hex').slice(0, 8)
          const script = `${config.build.assetsDir}/first-paint-${hash}.js`
          await writeFile(join(outDir, script), FIRST_PAINT_SCRIPT)
          const html = await readFile(indexHtml, 'utf8')
          await writeFile(indexHtml, withFirstPaint(html, result.firstPaint, { base: config.base, colorSchema: options.colorSchema ?? 'auto', script }))
        }
        config.logger.info(`[recap:slide-one] ${[result.ogImage, result.firstPaint && 'first paint in index.html'].filter(Boolean).join(', ')} (${Math.round(performance.now() - started)} ms)`)
      },
    },
  }
}

/** Undoes Slidev 53's JSON quoting of `info`, `author` and `keywords` in their meta tags. */
export function unquoteMetaContent(content: string): string {
  const quoted = /^&quot;([\s\S]*)&quot;$/.exec(content)
  if (!quoted)
    return content
  return (quoted[1] ?? '')
    .replace(/\\n/g, ' ')
    .replace(/\\"/g, '&quot;')
    .replace(/\\\\/g, '\\')
    .replace(/\s+/g, ' ')
    .trim()
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/** The site's own URL for a root-relative path, or the path under the build's base. */
export function publicUrl(path: string, base: string, siteUrl: string | undefined): string {
  const relative = path.replace(/^\//, '')
  if (siteUrl) {
    return new URL(relative, siteUrl.endsWith('/')
      ? siteUrl
      : `${siteUrl}/`).href
  }
  return `${base.endsWith('/')
    ? base
    : `${base}/`}${relative}`
}

/**
 * Where the deck is published, for absolute og:image and og:url (chats need absolute URLs):
 * RECAP_SITE_URL (the deck's own URL, base included), else what Netlify (URL) or Vercel
 * (VERCEL_PROJECT_PRODUCTION_URL) say of the site at build, with the build's base added.
 */
export function deckUrl(env: Record<string, string | undefined>, base: string): string | undefined {
  if (env.RECAP_SITE_URL)
    return env.RECAP_SITE_URL
  const origin = env.NETLIFY === 'true' && env.URL
    ? env.URL
    : env.VERCEL_PROJECT_PRODUCTION_URL
      ? `https://${env.VERCEL_PROJECT_PRODUCTION_URL}`
      : undefined
  if (!origin)
    return undefined
  return new URL(base.replace(/^\/?/, '/'), origin).href
}

export interface SocialMetaOptions {
  /** Where the deck is published, for absolute og:image and og:url; RECAP_SITE_URL by default. */
  siteUrl?: string
}

export function socialMeta(options: SocialMetaOptions = {}): Plugin {
  let base = '/'
  return {
    name: 'recap:social-meta',
    configResolved(resolved) {
      base = resolved.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const siteUrl = options.siteUrl ?? deckUrl(process.env, base)
        let out = html.replace(
          /(<meta name="(?:description|author|keywords)" content=")([^"]*)(")/g,
          (_, open: string, content: string, close: string) => `${open}${unquoteMetaContent(content)}${close}`,
        )
        out = out.replace(
          /(<meta (?:property|name)="(?:og|twitter):image" content=")(\/[^"]*)(")/g,
          (_, open: string, path: string, close: string) => `${open}${escapeAttribute(publicUrl(path, base, siteUrl))}${close}`,
        )
        const extra: string[] = []
        const has = (key: string): boolean => new RegExp(`<meta (?:property|name)="${key}"`).test(out)
        const add = (key: string, value: string): void => {
          if (!has(key))
            extra.push(`<meta property="${key}" content="${escapeAttribute(value)}">`)
        }
        add('og:type', 'website')
        add('og:site_name', SITE_NAME)
        if (siteUrl)
          add('og:url', siteUrl)
        if (has('og:image')) {
          add('og:image:type', 'image/png')
          add('og:image:width', String(OG_IMAGE_SIZE.width))
          add('og:image:height', String(OG_IMAGE_SIZE.height))
          add('og:image:alt', OG_IMAGE_ALT)
        }
        if (has('twitter:image'))
          add('twitter:image:alt', OG_IMAGE_ALT)
        if (!extra.length)
          return out
        // After the last og:/twitter: tag Slidev wrote, else before </head>.
        const tags = [
          ...out.matchAll(/<meta (?:property|name)="(?:og|twitter):[^"]*" content="[^"]*">/g),
        ]
        const last = tags.at(-1)
        if (!last)
          return out.replace('</head>', `${extra.join('\n')}\n</head>`)
        const at = last.index + last[0].length
        return `${out.slice(0, at)}\n${extra.join('\n')}${out.slice(at)}`
      },
    },
  }
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      base: { type: 'string', default: '/' },
      out: { type: 'string' },
      dark: { type: 'boolean', default: false },
    },
  })
  const dist = resolve(positionals[0] ?? 'dist')
  const file = await renderOgImage(dist, {
    base: values.base,
    out: values.out,
    colorScheme: values.dark ? 'dark' : 'light',
  })
  console.log(file)
}
