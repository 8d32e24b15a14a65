import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Plan } from '../../shared/pacing.ts'
import type { PairedDevice, Peer, Session } from './relay.ts'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { join, resolve } from 'node:path'
import { WebSocketServer } from 'ws'
import { errorMessage } from '../../shared/errors.ts'
import { describeDowntime, EMPTY_LOG, markDowntime, STOPPED } from '../../shared/pacing.ts'
import { MAX_MESSAGE_BYTES, RELAY_META, WS_PATH } from '../../shared/protocol.ts'
import { rehearsalFileName } from '../../shared/rehearsal.ts'
import { writeFileAtomic } from '../lib/atomic.ts'
import { SECURITY_HEADERS } from '../lib/hosting.ts'
import { staticFiles } from '../lib/serve.ts'
import { openQuestionsLog, QUESTIONS_FILE } from './questions-log.ts'
import { readRehearsals } from './rehearsal.ts'
import { perSlide, Relay } from './relay.ts'

export interface PresentServerOptions {
  /** A full build of the deck (with notes and the presenter route). */
  distDir: string
  plan: Plan
  secret: string
  host: string
  port: number
  /** Where the session (position, pace clock) is kept across restarts. */
  stateDir: string
  rehearsalsDir: string
  /** The address phones reach this machine at, for the remote and audience URLs. */
  publicHost: string
  maxConnections?: number
  /** Questions one address may ask in a session (QUESTION_CAPS.asksPerAddress unless set). */
  questionsPerAddress?: number
  log?: (line: string) => void
}

export interface PresentServer {
  port: number
  urls: { presenter: string, remote: string, audience: string }
  relay: Relay
  connections: () => number
  close: () => Promise<void>
}

export const DEFAULT_MAX_CONNECTIONS = 500
/** A follower sends a message now and then; a flood from one without the key, or many refusals from anyone, ends the connection. */
const MESSAGES_PER_SECOND = 20
const MAX_REFUSALS = 20
/** Followers that vanish (a phone that slept) are dropped after two missed pings. */
const PING_MS = 15_000

function hostForUrl(host: string): string {
  return host.includes(':')
    ? `[${host}]`
    : host
}

/** Which key the paired phones were paired under: a new key (`--new-secret`) unpairs them all. */
function secretTag(secret: string): string {
  return createHash('sha256').update(`recap-devices:${secret}`).digest('base64url').slice(0, 16)
}

/** The phones paired under this key, from the state folder (digests of their tokens, never the tokens). */
function readDevices(file: string, secret: string): PairedDevice[] {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { secret?: string, devices?: PairedDevice[] }
    return saved.secret === secretTag(secret) && Array.isArray(saved.devices)
      ? saved.devices.filter(d => typeof d?.id === 'string' && typeof d.tokenDigest === 'string')
      : []
  }
  catch {
    return []
  }
}

/** A run with no move and no clock command for this long is over: the next start keeps the position and begins a new run. */
export const RUN_IDLE_MS = 60 * 60 * 1000
/** How often the relay writes that it is alive (the downtime after a crash is known to within this). */
const HEARTBEAT_MS = 10_000

/**
 * The session the server left, as the next start takes it up. A graceful stop paused the clock
 * (Relay.endRun): the run resumes paused. A crash left it running: the talk went on in the room, so
 * the run goes on and the time since the relay was last alive stays in it, but is marked as downtime
 * in the log ("relay down 1:12 on slide 7") and given to no slide. A run idle for over RUN_IDLE_MS
 * is over: a new one starts.
 */
export function readSession(file: string, plan: Plan, now = Date.now(), log: (line: string) => void = () => {}): Session | undefined {
  let session: Session
  let modified: number
  try {
    session = JSON.parse(readFileSync(file, 'utf8')) as Session
    modified = statSync(file).mtimeMs
  }
  catch {
    return undefined
  }
  if (typeof session?.state?.page !== 'number' || session.state.page > plan.slides.length || typeof session.clock !== 'object' || typeof session.log !== 'object')
    return undefined
  const lastEvent = session.lastEventAt ?? modified
  if (now - lastEvent > RUN_IDLE_MS) {
    if (session.clock.startedAt !== null)
      log('present: the last run has had no move for over an hour: a new run starts (the position is kept)')
    return { state: session.state, clock: STOPPED, log: EMPTY_LOG }
  }
  const running = session.clock.startedAt !== null && session.clock.pausedAt === null
  if (running && typeof session.aliveAt === 'number' && now > session.aliveAt && session.log.current) {
    const marked = markDowntime(session.log, now - session.aliveAt)
    log(`present: ${describeDowntime(marked.downtime!.at(-1)!)} (the server stopped without saving): the run goes on, and that time is counted in it but given to no slide`)
    return { ...session, log: marked }
  }
  return session
}

/**
 * Serves a built deck to the meeting and relays the live state over WebSocket. The site is the
 * static build with the hosting configs' security headers; index.html gains one meta tag that tells
 * the client a relay is there. Nothing can be written through HTTP; the one write, a rehearsal, is
 * a WebSocket command with the key.
 */
export async function startPresentServer(options: PresentServerOptions): Promise<PresentServer> {
  const top = resolve(options.distDir)
  const log = options.log ?? (() => {})
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS
  if (!existsSync(join(top, 'index.html')))
    throw new Error(`no index.html in ${top}: not a built deck`)

  mkdirSync(options.stateDir, { recursive: true })
  const sessionFile = join(options.stateDir, 'session.json')
  let saving: Promise<void> = Promise.resolve()
  let pendingSession: Session | undefined
  const questions = openQuestionsLog(join(options.stateDir, QUESTIONS_FILE), log)
  const devicesFile = join(options.stateDir, 'devices.json')
  let lanBase = ''

  const relay = new Relay({
    questions,
    devices: {
      devices: readDevices(devicesFile, options.secret),
      save: (devices) => {
        void writeFileAtomic(devicesFile, JSON.stringify({
          secret: secretTag(options.secret),
          devices,
        })).catch(() => {})
      },
    },
    remoteUrlFor: code => `${lanBase}/remote#pair=${code}`,
    ...(options.questionsPerAddress !== undefined && {
      questionCaps: { asksPerAddress: options.questionsPerAddress },
    }),
    plan: options.plan,
    secret: options.secret,
    session: readSession(sessionFile, options.plan, Date.now(), log),
    lastRehearsal: perSlide(readRehearsals(options.rehearsalsDir, log).at(-1)),
    log,
    persist: (session) => {
      // Coalesced: at most one write in flight, the newest session written last.
      const idle = pendingSession === undefined
      pendingSession = session
      if (idle) {
        saving = saving.then(async () => {
          const next = pendingSession
          pendingSession = undefined
          if (next) {
            await writeFileAtomic(sessionFile, JSON.stringify(next))
          }
        }).catch(() => {})
      }
    },
    saveRehearsal: async (run) => {
      mkdirSync(options.rehearsalsDir, { recursive: true })
      const file = join(options.rehearsalsDir, rehearsalFileName(new Date(run.date)))
      await writeFileAtomic(file, `${JSON.stringify(run, null, 2)}\n`)
      return file
    },
  })

  const files = staticFiles(top, {
    headers: SECURITY_HEADERS,
    html: html => html.replace(/<head>/i, `<head>\n<meta name="${RELAY_META}" content="${WS_PATH}">`),
  })

  /** The built site (scripts/lib/serve.ts), but for the two paths a live talk answers itself. */
  async function serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      res.setHeader(name, value)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    const path = (req.url ?? '/').split(/[?#]/)[0]
    // The audience's address opens on the slide the talk is on: a window opened mid-talk beside the
    // presenter's (the projector) would otherwise report slide 1 to it through Slidev's own channel.
    if (path === '/') {
      const { page, clicks } = relay.state
      res.writeHead(302, { 'Location': `/${page}${clicks > 0
        ? `?clicks=${clicks}`
        : ''}`, 'Cache-Control': 'no-store' }).end()
      return
    }
    // No service worker while presenting: the live views need this server anyway, and a cached
    // index.html would answer the audience's address without the redirect above (or hide a rebuild).
    if (path === '/sw.js') {
      res.writeHead(404, { 'Cache-Control': 'no-store' }).end('no service worker while presenting')
      return
    }
    await files.handle(req, res)
  }

  const server = createServer((req, res) => {
    serveFile(req, res).catch(() => {
      if (!res.headersSent)
        res.writeHead(500)
      res.end()
    })
  })
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  let nextId = 1
  const totalRefused = (): number => Object.values(relay.refused).reduce((a, b) => a + b, 0)

  /** The host of an Origin header, or undefined for one that is no URL ("null" from a sandboxed frame or a file). */
  function originHost(origin: string): string | undefined {
    try {
      return new URL(origin).host
    }
    catch {
      return undefined
    }
  }

  server.on('upgrade', (req, socket, head) => {
    const refuse = (status: number, reason: string): void => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n\r\n`)
    }
    socket.on('error', () => socket.destroy())
    const path = (req.url ?? '/').split('?')[0]
    if (path !== WS_PATH)
      return refuse(404, 'Not Found')
    // Only pages of this server may connect: another site open in a listener's browser may not.
    const origin = req.headers.origin
    if (origin !== undefined && originHost(origin) !== req.headers.host)
      return refuse(403, 'Forbidden')
    if (wss.clients.size >= maxConnections) {
      log(`present: refused a connection from ${req.socket.remoteAddress}: ${maxConnections} connections already`)
      return refuse(503, 'Service Unavailable')
    }
    wss.handleUpgrade(req, socket, head, ws => wss.emit('connection', ws, req))
  })

  wss.on('connection', (ws, req) => {
    const peer: Peer = {
      id: nextId++,
      address: req.socket.remoteAddress ?? 'unknown',
      role: 'audience',
      authorized: false,
      send: (text) => {
        if (ws.readyState === ws.OPEN)
          ws.send(text)
      },
      close: () => ws.close(4001, 'unpaired'),
    }
    let alive = true
    relay.connect(peer)
    ws.on('pong', () => {
      alive = true
    })
    let tokens = MESSAGES_PER_SECOND
    let refilled = Date.now()
    let refusals = 0
    ws.on('message', (data, isBinary) => {
      const now = Date.now()
      tokens = Math.min(MESSAGES_PER_SECOND, tokens + (now - refilled) / 1000 * MESSAGES_PER_SECOND)
      refilled = now
      // Key holders are not limited (they can move the deck anyway, and the benchmark sends fast).
      if (!peer.authorized && --tokens < 0) {
        relay.refuse(peer, 'invalid', 'a flood of messages')
        ws.close(1008, 'too many messages')
        return
      }
      const refusedBefore = totalRefused()
      try {
        if (isBinary)
          relay.refuse(peer, 'malformed', 'a binary message')
        else
          relay.receive(peer, data.toString())
      }
      catch (error) {
        // A bug must not take the room down: count it, say what, keep serving.
        relay.refuse(peer, 'malformed', `a message that failed (${errorMessage(error)})`)
      }
      if (totalRefused() > refusedBefore && ++refusals >= MAX_REFUSALS)
        ws.close(1008, 'too many refused messages')
    })
    ws.on('error', (error) => {
      // ws closes the connection itself (1009 for a message over maxPayload); count and go on.
      const code = (error as { code?: string }).code
      relay.refuse(peer, code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
        ? 'oversized'
        : 'malformed', 'a frame')
    })
    ws.on('close', () => relay.disconnect(peer))
    const ping = setInterval(() => {
      if (!alive) {
        ws.terminate()
        return
      }
      alive = false
      ws.ping()
    }, PING_MS)
    ping.unref()
    ws.on('close', () => clearInterval(ping))
  })

  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port, options.host, () => {
      server.off('error', fail)
      done()
    })
  })
  const { port } = server.address() as AddressInfo
  const local = options.host === '0.0.0.0' || options.host === '::'
    ? 'localhost'
    : hostForUrl(options.host)
  const lan = hostForUrl(options.publicHost)
  const fragment = `#key=${options.secret}`
  lanBase = `http://${lan}:${port}`
  const urls = {
    presenter: `http://${local}:${port}/presenter/1${fragment}`,
    // A pairing code, not the key: each phone that scans it gets a token of its own (Relay.pair).
    remote: relay.remoteUrl,
    audience: `http://${lan}:${port}/`,
  }
  const heartbeat = setInterval(() => {
    relay.heartbeat()
    relay.refreshPairing()
  }, HEARTBEAT_MS)
  heartbeat.unref()
  relay.audienceUrl = urls.audience

  return {
    port,
    urls,
    relay,
    connections: () => wss.clients.size,
    close: async () => {
      // A graceful stop: the clock is paused where it stands and written with the session below.
      clearInterval(heartbeat)
      relay.endRun()
      for (const ws of wss.clients)
        ws.terminate()
      wss.close()
      const closed = new Promise<void>(done => server.close(() => done()))
      server.closeAllConnections()
      await closed
      await saving
      questions.close()
    },
  }
}
