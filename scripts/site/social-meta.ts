// Social meta tags: completes the tags Slidev writes from the `seoMeta` headmatter: og:type,
// og:site_name, og:image size and alt text, twitter:image:alt; absolute image URLs and og:url when
// the deck's URL is known at build (RECAP_SITE_URL, e.g. https://example.org/recap/, else Netlify's
// URL or Vercel's production URL); and the description, author and keywords tags, which Slidev 53
// writes JSON-quoted ("\"A recap…\n…\"").
import type { Plugin } from 'vite'
import process from 'node:process'
import { escapeAttribute } from '../lib/html.ts'
import { OG_IMAGE_ALT, OG_IMAGE_SIZE } from './og-image.ts'

const SITE_NAME = 'OpenStack Summit Tokyo 2015 recap'

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
