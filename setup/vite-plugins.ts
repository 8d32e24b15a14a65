import type { ResolvedSlidevOptions } from '@slidev/types'
import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite'
import type { PageAssets } from '../scripts/site/page-assets.ts'
import { defineVitePluginsSetup } from '@slidev/types'
import { prerenderAtBuild } from '../scripts/site/prerender.ts'
import { readerIndex } from '../scripts/site/reader-index-plugin.ts'
import { socialMeta } from '../scripts/site/social-meta.ts'

/**
 * The deck's Vite plugins (vite.config.ts keeps the data validation):
 * - preloadFirstSlide: index.html announces everything slide 1 needs (below);
 * - prerenderAtBuild (scripts/site/prerender.ts): after the build, og-image.png of slide 1
 *   (og-image.ts), and every page prerendered as a static first paint: slide 1 in index.html, each
 *   slide N in N.html, the reader in read.html, shown from the HTML before (and without) the app
 *   (first-paint.ts, its browser script first-paint.client.ts); which files each page needs comes
 *   from preloadFirstSlide, which reads them off the bundle;
 * - socialMeta: completes the og:/twitter: tags of the `seoMeta` headmatter (scripts/site/social-meta.ts);
 * - oneCharset: drops the `<meta http-equiv="Content-Type">` Slidev 53 adds beside its template's
 *   `<meta charset>` (a document may declare its encoding once, so two make index.html invalid).
 * - readerIndex: the reader view's search index, built from the slides (reader/index-plugin.ts).
 *
 * Why preloads: without them the browser learns what slide 1 needs one round trip at a time: index.html and its
 * entry, then (once the entry has run) the slide view's chunk, then (once that has run) slide 1's
 * chunk and its components, then the fonts its CSS names. Here index.html announces all of it up
 * front (`modulepreload` for scripts, `preload` for fonts, and the slide view's few small stylesheets
 * as stylesheets: the static first paint needs them before it paints), so it downloads in parallel
 * with the entry. Nothing more is downloaded than before: these files load on the first visit anyway.
 */
export default defineVitePluginsSetup((options) => {
  const assets: PageAssets = {
    common: { js: [], css: [] },
    slides: new Map(),
    reader: { js: [], css: [] },
  }
  return [
    preloadFirstSlide(options, assets),
    prerenderAtBuild({ colorSchema: options.data.config.colorSchema, slides: options.data.slides.length, assets }),
    socialMeta(),
    oneCharset(),
    readerIndex(options),
  ]
})

const META_CHARSET = /<meta\s+charset\s*=/i
const META_CONTENT_TYPE = /[ \t]*<meta\s+http-equiv\s*=\s*["']?content-type\b[^>]*>[ \t]*\r?\n?/gi

/** index.html without `<meta http-equiv="Content-Type">` when it has a `<meta charset>` (HTML allows only one of the two). */
export function withOneCharset(html: string): string {
  return META_CHARSET.test(html)
    ? html.replace(META_CONTENT_TYPE, '')
    : html
}

/**
 * Slidev 53's setupIndexHtml puts `<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">`
 * among its head tags, while its index.html template already starts with `<meta charset="UTF-8">`.
 */
function oneCharset(): Plugin {
  return {
    name: 'recap:one-charset',
    transformIndexHtml: {
      order: 'post',
      handler: withOneCharset,
    },
  }
}

/** The modules Slidev 53 gives the slide view and slide N (see its routes and slides virtual modules), and the reader's route. */
const PLAY_PAGE = /\/@slidev\/client\/pages\/play\.vue$/
const SLIDES_MODULE = '/@slidev/slides/'
const READER_PAGE = /\/app\/reader\/ReaderPage\.vue$/

type Chunk = Rollup.OutputChunk & { viteMetadata?: { importedCss: Set<string> } }

export function fontSlug(family: string): string {
  return family.replace(/["']/g, '').trim().toLowerCase().replace(/\s+/g, '-')
}

/** A chunk's static imports, depth first, with the CSS they bring. */
export function collectStatic(start: Chunk, byFile: ReadonlyMap<string, Chunk>, js: Set<string>, css: Set<string>): void {
  if (js.has(start.fileName))
    return
  js.add(start.fileName)
  for (const file of start.viteMetadata?.importedCss ?? [])
    css.add(file)
  for (const file of start.imports) {
    const chunk = byFile.get(file)
    if (chunk)
      collectStatic(chunk, byFile, js, css)
  }
}

/** Files `start` needs beyond `common`, its static imports followed. */
function filesOf(start: Chunk | undefined, byFile: ReadonlyMap<string, Chunk>, common: { js: readonly string[], css: readonly string[] }): { js: string[], css: string[] } {
  const js = new Set<string>()
  const css = new Set<string>()
  if (start)
    collectStatic(start, byFile, js, css)
  return {
    js: [...js].filter(file => !common.js.includes(file)),
    css: [...css].filter(file => !common.css.includes(file)),
  }
}

function preloadFirstSlide(options: ResolvedSlidevOptions, assets: PageAssets): Plugin {
  let base = '/'
  // The body and heading font of the deck, e.g. "Nunito Sans": its regular and bold latin files.
  const sans = options.data.config.fonts.sans[0]
  const fontFiles = sans
    ? new RegExp(`(?:^|/)${fontSlug(sans)}-latin-(?:400|700)-normal-[\\w-]+\\.woff2$`)
    : undefined
  return {
    name: 'recap:preload-first-slide',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle
        if (!bundle)
          return
        const chunks = Object.values(bundle).filter((item): item is Chunk => item.type === 'chunk')
        const byFile = new Map(chunks.map(chunk => [chunk.fileName, chunk]))
        const href = (file: string): string => `${base}${file}`
        const already = (file: string): boolean => html.includes(`"${href(file)}"`)
        // What every page of the slide show needs: the entry's files (in index.html already) and the slide view's.
        const entryFiles = [
          ...html.matchAll(/<(?:script|link)\s[^>]*?\b(?:src|href)="([^"]+)"/g),
        ]
          .map(match => match[1]!)
          .filter(url => url.startsWith(base))
          .map(url => url.slice(base.length))
        const play = filesOf(chunks.find(c => c.facadeModuleId && PLAY_PAGE.test(c.facadeModuleId)), byFile, { js: entryFiles, css: entryFiles })
        assets.common = { js: play.js, css: play.css }
        assets.slides.clear()
        for (const chunk of chunks) {
          const id = chunk.facadeModuleId ?? ''
          const no = id.startsWith(SLIDES_MODULE)
            ? /^(\d+)\/md$/.exec(id.slice(SLIDES_MODULE.length))?.[1]
            : undefined
          if (no) {
            assets.slides.set(Number(no), filesOf(chunk, byFile, {
              js: [
                ...entryFiles,
                ...play.js,
              ],
              css: [
                ...entryFiles,
                ...play.css,
              ],
            }))
          }
        }
        assets.reader = filesOf(chunks.find(c => c.facadeModuleId && READER_PAGE.test(c.facadeModuleId)), byFile, { js: entryFiles, css: entryFiles })
        const first = assets.slides.get(1) ?? { js: [], css: [] }
        /** A <link> in the head for `file`, with the attributes its kind needs. */
        const link = (file: string, attrs: Record<string, string>): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: {
            ...attrs,
            crossorigin: true,
            href: href(file),
          },
          injectTo: 'head',
        })
        const fonts = fontFiles
          ? Object.keys(bundle).filter(name => fontFiles.test(name))
          : []
        const tags: HtmlTagDescriptor[] = [
          ...[
            ...play.js,
            ...first.js,
          ].filter(file => !already(file)).map(file => link(file, { rel: 'modulepreload' })),
          ...[
            ...play.css,
            ...first.css,
          ].filter(file => !already(file)).map(file => link(file, { rel: 'stylesheet' })),
          ...fonts.map(file => link(file, { rel: 'preload', as: 'font', type: 'font/woff2' })),
        ]
        return tags
      },
    },
  }
}
