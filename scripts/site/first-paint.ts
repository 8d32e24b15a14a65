// The static first paint: slide 1's markup, captured from the built deck in Chromium, put into
// index.html with a small script (first-paint.client.ts) that shows it until the app has drawn the
// slide, and starts the app after the frame that paints it.
import type { Page } from 'playwright-chromium'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { transformWithOxc } from 'vite'
import { escapeAttribute } from '../lib/html.ts'

/** The browser script's source, type-checked and linted with the rest. */
export const FIRST_PAINT_SOURCE = resolve(import.meta.dirname, 'first-paint.client.ts')

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

/** The first paint's script as the browser runs it: the client module with its types stripped. */
export async function firstPaintScript(): Promise<{ code: string, hash: string }> {
  const source = await readFile(FIRST_PAINT_SOURCE, 'utf8')
  const { code } = await transformWithOxc(source, FIRST_PAINT_SOURCE, { lang: 'ts' })
  return {
    code,
    hash: createHash('sha256').update(code).digest('hex').slice(0, 8),
  }
}

/** Slide 1's markup from a page that shows it (scripts/site/slide-one.ts opens it). */
export async function captureFirstPaint(page: Page): Promise<FirstPaintCapture> {
  return page.evaluate(() => {
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

export const FIRST_PAINT_STYLE = '#recap-first-paint{position:fixed;inset:0;z-index:50;overflow:hidden;background:var(--slidev-slide-container-background,black)}'
  + '#recap-first-paint[hidden]{display:none}'
  + '#recap-first-paint>.slidev-slide-content{position:absolute;top:50%;left:50%;overflow:hidden;transform:translate(-50%,-50%) scale(var(--slidev-slide-scale,1))}'
  + '#recap-first-paint .recap-first-paint-show{height:100%}'

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
  const markup = `<div id="recap-first-paint" hidden aria-hidden="true" inert data-base="${escapeAttribute(base)}" data-color-schema="${escapeAttribute(options.colorSchema)}" data-width="${capture.width}" data-height="${capture.height}">`
    + `<div class="slidev-slide-content" ${capture.contentAttrs.join(' ')} style="width:${capture.width}px;height:${capture.height}px">`
    + `<div class="recap-first-paint-show" ${capture.showAttrs.join(' ')}>${capture.html}</div></div></div>\n`
    + `<script src="${escapeAttribute(base + options.script)}" data-entry="${escapeAttribute(entry[1]!)}" data-modulepreload="${escapeAttribute(preloads.map(match => match[1]).join(' '))}"></script>`
  let out = html.replace(entry[0], '')
  for (const [tag] of preloads)
    out = out.replace(tag, '')
  return out
    .replace(/\n\s*\n/g, '\n')
    .replace('</head>', `<style id="recap-first-paint-style">${FIRST_PAINT_STYLE}</style>\n</head>`)
    .replace('<div id="app"></div>', `<div id="app"></div>\n${markup}`)
}
