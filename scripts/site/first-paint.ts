// The static first paint of every page: a slide's or the reader's markup, captured from the built
// deck in Chromium (prerender.ts), written into an HTML file of its own (index.html for slide 1,
// N.html for slide N, read.html for the reader) with the stylesheets that page needs and a small
// script (first-paint.client.ts) that shows it and starts the app: at once where the page is not
// the one asked for, else when the viewer first does something (first-paint.client.ts says why).
import type { Page } from 'playwright-chromium'
import type { CaptureTarget, FirstPaintCapture } from './first-paint-capture.client.ts'
import type { PageAssets } from './page-assets.ts'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { transformWithOxc } from 'vite'
import { NARROW_PORTRAIT_QUERY, READER_CHOICE_KEY } from '../../shared/reader-offer.ts'
import { escapeAttribute } from '../lib/html.ts'
import { captureMarkup } from './first-paint-capture.client.ts'

/** The browser script's source, type-checked and linted with the rest. */
export const FIRST_PAINT_SOURCE = resolve(import.meta.dirname, 'first-paint.client.ts')

/** The file a prerendered page is written to, relative to the build's root. */
export function pageFile(page: CaptureTarget): string {
  return page.kind === 'reader'
    ? 'read.html'
    : page.no === 1
      ? 'index.html'
      : `${page.no}.html`
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

/** A page's markup from a page that shows it (prerender.ts opens it). */
export async function captureFirstPaint(page: Page, target: CaptureTarget): Promise<FirstPaintCapture> {
  return page.evaluate(captureMarkup, target)
}

/**
 * The slide overlay: fixed over the window, the slide scaled to fit as Slidev will (the script sets
 * the scale; without it the slide shows at its own size, centred), on Slidev's slide background.
 */
export const FIRST_PAINT_STYLE = '#recap-first-paint{position:fixed;inset:0;z-index:50;overflow:hidden;background:var(--slidev-slide-container-background,black)}'
  + '#recap-first-paint>.slidev-slide-content{position:absolute;top:50%;left:50%;overflow:hidden;transform:translate(-50%,-50%) scale(var(--recap-first-paint-scale,1))}'
  + '#recap-first-paint .recap-first-paint-show{height:100%}'
  // Without the script: what needs it is not offered. Elsewhere than its address: the page's markup never shows.
  + 'html:not(.recap-js) [data-recap-needs-script]{display:none!important}'
  + 'html.recap-elsewhere #recap-first-paint,html.recap-elsewhere #recap-reader-static{display:none!important}'
  + 'html.recap-reader-chosen #recap-reader-static [data-recap-reader-choice]{display:block!important}'

export interface FirstPaintOptions {
  /** The base the deck was built for. */
  base: string
  /** Slidev's colorSchema: "auto" lets the script follow the viewer's preference as Slidev does. */
  colorSchema: string
  /** The script's path under the base. */
  script: string
  /** The files each page needs (setup/vite-plugins.ts). */
  assets: PageAssets
}

/** The first words of `text`, at most `max` characters, cut at a word and marked with an ellipsis. */
export function summary(text: string, max = 200): string {
  if (text.length <= max)
    return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2
    ? cut.slice(0, space)
    : cut).replace(/[\s,;:.–—-]+$/, '')}…`
}

/** Sets a <meta> tag's content where the page has the tag. */
function setMeta(html: string, key: string, value: string): string {
  return html.replace(new RegExp(`(<meta (?:property|name)="${key}" content=")[^"]*(")`), (_, open: string, close: string) => `${open}${escapeAttribute(value)}${close}`)
}

/**
 * The built index.html turned into the prerendered page `target`: its captured markup shown from the
 * HTML, its own title and description, the stylesheets it draws with (slide 1's left out of the
 * others), and the script that starts the app in place of the entry module and its preloads.
 * Returns the HTML unchanged when it is not a Slidev index.html (no entry, no #app) or already has a
 * first paint.
 */
export function withFirstPaint(html: string, target: CaptureTarget, capture: FirstPaintCapture, options: FirstPaintOptions): string {
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html)
  if (!entry || html.includes('id="recap-first-paint"') || html.includes('id="recap-reader-static"') || !html.includes('<div id="app"></div>'))
    return html
  const base = options.base.endsWith('/')
    ? options.base
    : `${options.base}/`
  const href = (file: string): string => base + file
  const { assets } = options
  const slideOne = assets.slides.get(1) ?? { js: [], css: [] }
  const own = target.kind === 'reader'
    ? {
        js: assets.reader.js,
        css: [
          ...new Set([
            ...assets.reader.css,
            ...[
              ...assets.slides.values(),
            ].flatMap(files => files.css),
          ]),
        ],
      }
    : assets.slides.get(target.no) ?? { js: [], css: [] }
  // Slide 1's (and for the reader the slide view's) files are in index.html: kept where this page needs them.
  const notMine = new Set([
    ...slideOne.js,
    ...slideOne.css,
    ...(target.kind === 'reader'
      ? [
          ...assets.common.js,
          ...assets.common.css,
        ]
      : []),
  ].filter(file => !own.js.includes(file) && !own.css.includes(file)).map(href))

  let out = html.replace(entry[0], '')
  const preloads: string[] = []
  for (const match of html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)) {
    out = out.replace(match[0], '')
    if (!notMine.has(match[1]!))
      preloads.push(match[1]!)
  }
  for (const file of own.js) {
    if (!preloads.includes(href(file)))
      preloads.push(href(file))
  }
  for (const match of html.matchAll(/<link rel="stylesheet" crossorigin href="([^"]+)">/g)) {
    if (notMine.has(match[1]!))
      out = out.replace(match[0], '')
  }
  const stylesheets = own.css
    .filter(file => !out.includes(`"${href(file)}"`))
    .map(file => `<link rel="stylesheet" crossorigin href="${escapeAttribute(href(file))}">`)

  const path = target.kind === 'reader'
    ? 'read'
    : String(target.no)
  out = out.replace(/<title>[^<]*<\/title>/, `<title>${escapeAttribute(capture.title)}</title>`)
  if (target.kind === 'slide' && target.no !== 1) {
    const description = summary(capture.text)
    for (const key of ['og:title', 'twitter:title'])
      out = setMeta(out, key, capture.title)
    for (const key of ['description', 'og:description', 'twitter:description'])
      out = setMeta(out, key, description)
  }
  if (target.kind === 'reader' || target.no !== 1) {
    out = out.replace(/(<meta property="og:url" content=")([^"]*)(")/, (_, open: string, url: string, close: string) => `${open}${escapeAttribute(new URL(path, url.endsWith('/')
      ? url
      : `${url}/`).href)}${close}`)
  }

  const data = [
    `data-page="${path}"`,
    `data-base="${escapeAttribute(base)}"`,
    `data-color-schema="${escapeAttribute(options.colorSchema)}"`,
    `data-entry="${escapeAttribute(entry[1]!)}"`,
    `data-modulepreload="${escapeAttribute(preloads.join(' '))}"`,
    // Where this device chose the reader, a slide's address on a narrow portrait screen opens it (shared/reader-offer.ts).
    `data-reader-choice-key="${READER_CHOICE_KEY}"`,
    ...(target.kind === 'slide'
      ? [`data-narrow-query="${escapeAttribute(NARROW_PORTRAIT_QUERY)}"`, `data-width="${capture.width}"`, `data-height="${capture.height}"`]
      : []),
  ].join(' ')
  const script = `<script src="${escapeAttribute(href(options.script))}" ${data}></script>`
  const markup = target.kind === 'reader'
    ? `<div id="recap-reader-static">${capture.html}</div>`
    : `<main id="recap-first-paint">`
      + `<div class="slidev-slide-content" ${capture.contentAttrs.join(' ')} style="width:${capture.width}px;height:${capture.height}px">`
      + `<div class="recap-first-paint-show" ${capture.showAttrs.join(' ')}>${capture.html}</div></div></main>`
  // The script last in <head>: it runs before the body is parsed, so the first paint is already as it sets it.
  out = out
    .replace(/\n\s*\n/g, '\n')
    .replace('</head>', `${stylesheets.join('\n')}${stylesheets.length ? '\n' : ''}<style id="recap-first-paint-style">${FIRST_PAINT_STYLE}</style>\n${script}\n</head>`)
    .replace('<div id="app"></div>', `<div id="app"></div>\n${markup}`)
  // <html> as the app will have it: its language and direction (styles depend on them), and the reader's page mode.
  const htmlAttrs: Record<string, string> = {
    ...capture.htmlAttrs,
    ...(target.kind === 'reader'
      ? { class: 'reader-mode' }
      : {}),
  }
  return out.replace(/<html\b([^>]*)>/, (_, attrs: string) => {
    let tag = attrs
    for (const [name, value] of Object.entries(htmlAttrs)) {
      const existing = new RegExp(`\\s${name}="[^"]*"`)
      tag = existing.test(tag)
        ? tag.replace(existing, ` ${name}="${escapeAttribute(value)}"`)
        : `${tag} ${name}="${escapeAttribute(value)}"`
    }
    return `<html${tag}>`
  })
}
