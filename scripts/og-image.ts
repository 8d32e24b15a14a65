// Open Graph for the built deck: the preview a chat shows for a shared link.
//
// - ogImage(): a Vite plugin that, after `slidev build` has written the site, serves it on loopback,
//   screenshots slide 1 in headless Chromium and writes `og-image.png` beside index.html. Nothing
//   leaves the machine: the deck's fonts and images are local, and the browser resolves no host
//   but 127.0.0.1.
// - socialMeta(): a Vite plugin that completes the tags Slidev writes from the `seoMeta` headmatter:
//   og:type, og:site_name, og:image size and alt text, twitter:image:alt; absolute image URLs
//   and og:url when RECAP_SITE_URL is set at build (e.g. https://example.org/recap/); and
//   the description, author and keywords tags, which Slidev 53 writes JSON-quoted ("\"A recap…\n…\"").
//
// By hand, for an existing build: node scripts/og-image.ts [DIST] [--base /recap/]
import type { Plugin, ResolvedConfig } from 'vite'
import { existsSync } from 'node:fs'
import { mkdtemp, rename, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'

export const OG_IMAGE_FILE = 'og-image.png'
/** 16:9 like the slides, so the slide fills the picture; chats scale it down. */
export const OG_IMAGE_SIZE = { width: 1200, height: 675 } as const
export const OG_IMAGE_ALT = 'Title slide: OpenStack Summit Tokyo, October 2015: a recap'
const SITE_NAME = 'OpenStack Summit Tokyo 2015 recap'

export interface RenderOgImageOptions {
  /** The base the deck was built for; "/" unless set. */
  base?: string
  /** Where the PNG goes; DIST/og-image.png unless set. */
  out?: string
  colorScheme?: 'light' | 'dark'
  timeout?: number
}

/** Screenshots slide 1 of a built deck into a PNG; returns the file written. */
export async function renderOgImage(distDir: string, options: RenderOgImageOptions = {}): Promise<string> {
  const { launchChromium } = await import('./lib/browser.ts')
  const { serveStatic } = await import('./lib/serve.ts')
  const out = resolve(options.out ?? join(distDir, OG_IMAGE_FILE))
  const timeout = options.timeout ?? 60_000
  const server = await serveStatic(distDir, { base: options.base ?? '/' })
  const browser = await launchChromium({
    // Only loopback resolves: a remote asset would fail at once instead of being fetched.
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  })
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
    await page.locator('.slidev-page-1').first().waitFor({ state: 'visible' })
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
    await context.close()
  }
  finally {
    await browser.close()
    await server.close()
  }
  return out
}

/**
 * Writes og-image.png into the build's output once Vite has written the site. Set
 * RECAP_OG_IMAGE=0 to skip it (the tags still point at the file). Without a Chromium the build
 * still succeeds, with a warning, and no picture.
 */
export function ogImage(): Plugin {
  let config: ResolvedConfig | undefined
  let failed = false
  return {
    name: 'recap:og-image',
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
      order: 'post',
      sequential: true,
      async handler(error?: Error) {
        // Vite calls closeBundle after a failed build too: then there is no site to picture.
        if (failed || error || !config || config.build.ssr || process.env.RECAP_OG_IMAGE === '0')
          return
        const outDir = resolve(config.root, config.build.outDir)
        if (!existsSync(join(outDir, 'index.html')))
          return
        const started = performance.now()
        try {
          const file = await renderOgImage(outDir, { base: config.base })
          config.logger.info(`[recap:og-image] ${file} (${Math.round(performance.now() - started)} ms)`)
        }
        catch (error) {
          const { BrowserNotFoundError } = await import('./lib/browser.ts')
          if (!(error instanceof BrowserNotFoundError))
            throw error
          config.logger.warn(`[recap:og-image] no ${OG_IMAGE_FILE}: ${error.message}`)
        }
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
        const siteUrl = options.siteUrl ?? (process.env.RECAP_SITE_URL || undefined)
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
