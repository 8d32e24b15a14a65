import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Buffer } from 'node:buffer'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'

const compress = promisify(gzip)

/** Content types of what a built deck holds. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
}

/** What a host compresses: text, and fonts and wasm that are not compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.xml',
  '.ttf',
  '.wasm',
])

export interface ServeOptions {
  /** The sub-path the site was built for, e.g. "/recap/"; "/" by default. */
  base?: string
  /** Headers added to every response, e.g. a hosting config's security headers. */
  headers?: Record<string, string>
  /**
   * What a path with no file gets: `spa` (default) serves index.html with 200 for paths without an
   * extension, like Netlify's and Vercel's rewrites; `github-pages` serves 404.html with status 404
   * for any missing path, as GitHub Pages does.
   */
  fallback?: 'spa' | 'github-pages'
  /**
   * Gzip for text files when the browser asks for it, as GitHub Pages, Netlify and most hosts do (the
   * benchmark measures bytes on the wire so). Compressed bodies are kept in memory after their first
   * request. Off by default.
   */
  gzip?: boolean
  /**
   * Rewrites every HTML page as it is served (index.html, the prerendered N.html and read.html, the
   * SPA fallback), e.g. to tell the page a relay is there; the result is kept in memory and sent
   * with `Cache-Control: no-cache`.
   */
  html?: (html: string) => string
}

/** A built deck's files as an HTTP request handler, for servers that answer some paths themselves. */
export interface StaticFiles {
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>
  /** Bytes of response bodies sent so far (compressed ones as sent). */
  sent: () => number
}

export interface StaticServer {
  /** Origin plus base, ending in "/": http://127.0.0.1:PORT/base/ */
  url: string
  /** Bytes of response bodies sent so far (compressed ones as sent). */
  sent: () => number
  close: () => Promise<void>
}

/** Answers requests for a built deck's files like a static host, with an SPA fallback to index.html. */
export function staticFiles(root: string, options: ServeOptions = {}): StaticFiles {
  const base = options.base ?? '/'
  const top = resolve(root)
  const gzipped = new Map<string, Promise<Buffer>>()
  const rewritten = new Map<string, Promise<Buffer>>()
  let sent = 0

  /** The file a path names, or the fallback's, with the status to answer with; undefined for a 404. */
  const locate = async (named: string, path: string): Promise<{ file: string, status: number } | undefined> => {
    let file = named
    let info = await stat(file).catch(() => undefined)
    if (info?.isDirectory()) {
      file = join(file, 'index.html')
      info = await stat(file).catch(() => undefined)
    }
    // A prerendered page: /7 is 7.html, /read is read.html, as Netlify, GitHub Pages, Cloudflare
    // Pages and Vercel (cleanUrls) serve them.
    if (!info && !extname(named) && !named.endsWith(sep)) {
      const page = `${named}.html`
      info = await stat(page).catch(() => undefined)
      file = page
    }
    if (info?.isFile())
      return { file, status: 200 }
    const fallback = options.fallback === 'github-pages'
      ? {
          file: join(top, '404.html'),
          status: 404,
        }
      : extname(path)
        ? undefined
        : {
            file: join(top, 'index.html'),
            status: 200,
          }
    return fallback && (await stat(fallback.file).catch(() => undefined))
      ? fallback
      : undefined
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      for (const [name, value] of Object.entries(options.headers ?? {}))
        res.setHeader(name, value)
      let path: string
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
      }
      catch {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad request')
        return
      }
      if (!path.startsWith(base)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
        return
      }
      const file = normalize(join(top, path.slice(base.length)))
      if (file !== top && !file.startsWith(top + sep)) {
        res.writeHead(403).end('forbidden')
        return
      }
      const found = await locate(file, path)
      if (!found) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
        return
      }
      const ext = extname(found.file)
      const headers: Record<string, string | number> = {
        'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      }
      let body: Buffer
      if (options.html && ext === '.html') {
        const rewrite = options.html
        let pending = rewritten.get(found.file)
        if (!pending) {
          pending = readFile(found.file, 'utf8').then(html => Buffer.from(rewrite(html)))
          rewritten.set(found.file, pending)
        }
        body = await pending
        headers['Cache-Control'] = 'no-cache'
      }
      else if (options.gzip && COMPRESSIBLE.has(ext)) {
        headers.Vary = 'Accept-Encoding'
        if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          let pending = gzipped.get(found.file)
          if (!pending) {
            pending = readFile(found.file).then(data => compress(data, { level: 6 }))
            gzipped.set(found.file, pending)
          }
          body = await pending
          headers['Content-Encoding'] = 'gzip'
        }
        else {
          body = await readFile(found.file)
        }
      }
      else {
        body = await readFile(found.file)
      }
      headers['Content-Length'] = body.length
      res.writeHead(found.status, headers)
      if (req.method === 'HEAD') {
        res.end()
        return
      }
      sent += body.length
      res.end(body)
    }
    catch (error) {
      if (!res.headersSent)
        res.writeHead(500).end(String(error))
      else
        res.destroy()
    }
  }
  return {
    handle,
    sent: () => sent,
  }
}

/** Serves a built deck on loopback like a static host, with an SPA fallback to index.html. */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = options.base ?? '/'
  const files = staticFiles(root, options)
  const server = createServer((req, res) => {
    void files.handle(req, res)
  })

  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${base}`,
    sent: files.sent,
    // Ends kept-alive connections too, so close() does not wait on an idle browser (or a test that went offline).
    close: () => new Promise<void>((done, fail) => {
      if (!server.listening)
        return done()
      server.close(error => error
        ? fail(error)
        : done())
      server.closeAllConnections()
    }),
  }
}
