// The static first paint: slide 1's markup, captured from the built deck in Chromium, put into
// index.html with a small script (first-paint.client.ts) that shows it until the app has drawn the
// slide, and starts the app after the frame that paints it.
import type { Page } from 'playwright-chromium'
import type { FirstPaintCapture } from './first-paint-capture.client.ts'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { transformWithOxc } from 'vite'
import { escapeAttribute } from '../lib/html.ts'
import { slideOneMarkup } from './first-paint-capture.client.ts'

/** The browser script's source, type-checked and linted with the rest. */
export const FIRST_PAINT_SOURCE = resolve(import.meta.dirname, 'first-paint.client.ts')

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
  return page.evaluate(slideOneMarkup)
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
