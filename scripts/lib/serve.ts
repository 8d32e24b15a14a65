import type { AddressInfo } from 'node:net'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

/** Content types of what a built deck holds; the bench's gzip server uses them too. */
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
}

export interface StaticServer {
  /** Origin plus base, ending in "/": http://127.0.0.1:PORT/base/ */
  url: string
  close: () => Promise<void>
}

/** Serves a built deck on loopback like a static host with an SPA fallback to index.html. */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = options.base ?? '/'
  const top = resolve(root)

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let path = decodeURIComponent(url.pathname)
    for (const [name, value] of Object.entries(options.headers ?? {}))
      res.setHeader(name, value)
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found')
      return
    }
    path = path.slice(base.length)
    let file = normalize(join(top, path))
    if (file !== top && !file.startsWith(top + sep)) {
      res.writeHead(403).end('forbidden')
      return
    }
    let info = await stat(file).catch(() => undefined)
    if (info?.isDirectory()) {
      file = join(file, 'index.html')
      info = await stat(file).catch(() => undefined)
    }
    let status = 200
    if (!info && options.fallback === 'github-pages') {
      file = join(top, '404.html')
      info = await stat(file).catch(() => undefined)
      status = 404
    }
    else if (!info && !extname(path)) {
      file = join(top, 'index.html')
      info = await stat(file).catch(() => undefined)
    }
    if (!info) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(status, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
    })
    createReadStream(file).pipe(res)
  })

  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${base}`,
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
