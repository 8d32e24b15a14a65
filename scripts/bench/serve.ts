import type { Buffer } from 'node:buffer'
// A built deck on loopback as a static host serves it: gzip for text files when the browser asks
// for it (as GitHub Pages, Netlify and most hosts do), SPA fallback to index.html. The same server
// serves both decks, so neither gains from it. Compressed bodies are kept in memory after their
// first request.
import type { AddressInfo } from 'node:net'
import type { StaticServer } from '../lib/serve.ts'
import { readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { CONTENT_TYPES } from '../lib/serve.ts'

const compress = promisify(gzip)

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

export interface BenchServer extends StaticServer {
  /** Bytes sent, body only, since start or the last reset. */
  sent: () => number
}

export async function serveBuilt(root: string, options: { gzip?: boolean } = {}): Promise<BenchServer> {
  const top = resolve(root)
  const useGzip = options.gzip ?? true
  const gzipped = new Map<string, Promise<Buffer>>()
  let sent = 0

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const path = decodeURIComponent(url.pathname)
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
      if (!info && !extname(path)) {
        file = join(top, 'index.html')
        info = await stat(file).catch(() => undefined)
      }
      if (!info) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
        return
      }
      const ext = extname(file)
      const headers: Record<string, string | number> = {
        'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'Vary': 'Accept-Encoding',
      }
      let body: Buffer
      if (useGzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        let pending = gzipped.get(file)
        if (!pending) {
          pending = readFile(file).then(data => compress(data, { level: 6 }))
          gzipped.set(file, pending)
        }
        body = await pending
        headers['Content-Encoding'] = 'gzip'
      }
      else {
        body = await readFile(file)
      }
      headers['Content-Length'] = body.length
      res.writeHead(200, headers)
      sent += body.length
      res.end(req.method === 'HEAD'
        ? undefined
        : body)
    }
    catch (error) {
      if (!res.headersSent)
        res.writeHead(500).end(String(error))
      else
        res.destroy()
    }
  })

  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    sent: () => sent,
    close: () => new Promise<void>((done, fail) => {
      server.closeAllConnections()
      server.close(error => error
        ? fail(error)
        : done())
    }),
  }
}
