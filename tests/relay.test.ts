import type { PairedDevice, Peer, RelayOptions } from '../scripts/present/relay.ts'
import type { PresentServer } from '../scripts/present/server.ts'
import type { ServerMessage } from '../shared/protocol.ts'
import type { Rehearsal } from '../shared/rehearsal.ts'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { PAIRING_CODE_MS, Relay } from '../scripts/present/relay.ts'
import { readSession, RUN_IDLE_MS, startPresentServer } from '../scripts/present/server.ts'
import { buildPlan, elapsedMs, enterSlide, MINUTE, paceAt, slideTimes } from '../shared/pacing.ts'
import { MAX_MESSAGE_BYTES, parseClientMessage, WS_PATH } from '../shared/protocol.ts'
import { rehearsalOf } from '../shared/rehearsal.ts'

/** The relay's rules on a fixture plan (six slides, three sections), without sockets or a browser. */
const plan = buildPlan([1, 2, 3, 4, 5, 6].map(no => ({
  no,
  title: `Slide ${no}`,
  frontmatter: ({
    1: { section: 'A', budget: '2min' },
    3: { section: 'B', budget: '6min' },
    6: { section: 'C', budget: '2min' },
  } as Record<number, Record<string, unknown>>)[no] ?? {},
})), '10min')
const KEY = 'k'.repeat(43)

function setup(saved: Rehearsal[] = [], more: Partial<RelayOptions> = {}) {
  let now = Date.UTC(2026, 10, 27, 9)
  const relay = new Relay({
    plan,
    secret: KEY,
    now: () => now,
    remoteUrlFor: code => `http://192.0.2.7:4321/remote#pair=${code}`,
    ...more,
    saveRehearsal: async (run) => {
      saved.push(run)
      return `rehearsals/${run.date}.json`
    },
  })
  const peer = (role: Peer['role']): Peer & { inbox: ServerMessage[] } => {
    const inbox: ServerMessage[] = []
    const p = {
      id: Math.random(),
      address: 'test',
      role,
      authorized: false,
      send: (text: string) => inbox.push(JSON.parse(text) as ServerMessage),
      inbox,
    }
    relay.connect(p)
    return p
  }
  return {
    relay,
    peer,
    advance: (ms: number) => {
      now += ms
    },
    now: () => now,
  }
}

const send = (relay: Relay, peer: Peer, message: object): void => relay.receive(peer, JSON.stringify(message))

describe('the relay\'s rules', () => {
  it('tells every client the audience URL (for the slides\' QR codes), and only key holders the remote\'s', () => {
    const { relay, peer } = setup()
    relay.audienceUrl = 'http://192.0.2.7:4321/'
    const stranger = peer('audience')
    const presenter = peer('presenter')
    send(relay, stranger, { type: 'hello', role: 'audience' })
    send(relay, presenter, { type: 'hello', role: 'presenter', key: KEY })
    expect(stranger.inbox[0]).toMatchObject({ type: 'welcome', audienceUrl: relay.audienceUrl })
    expect(stranger.inbox[0]).not.toHaveProperty('remoteUrl')
    expect(presenter.inbox[0]).toMatchObject({
      type: 'welcome',
      audienceUrl: relay.audienceUrl,
      remoteUrl: relay.remoteUrl,
      master: true,
    })
    // The remote's QR code carries a pairing code, never the key.
    expect(relay.remoteUrl).toMatch(/^http:\/\/192\.0\.2\.7:4321\/remote#pair=[\w-]{16,}$/)
    expect(relay.remoteUrl).not.toContain(KEY)
  })

  it('pairs each phone that scans the QR code with a token of its own; unpairing one refuses it at once and not the other; a fresh scan pairs again', () => {
    const saved: PairedDevice[][] = []
    const lines: string[] = []
    const { relay, peer, advance } = setup([], {
      devices: {
        devices: [],
        save: devices => saved.push(devices),
      },
      log: line => lines.push(line),
    })
    const presenter = peer('presenter')
    send(relay, presenter, { type: 'hello', role: 'presenter', key: KEY })
    const code = new URL(relay.remoteUrl).hash.replace('#pair=', '')
    const pairPhone = (): { phone: ReturnType<typeof peer>, token: string, id: string, closed: () => boolean } => {
      let closed = false
      const phone = peer('remote')
      phone.close = () => {
        closed = true
      }
      send(relay, phone, { type: 'hello', role: 'remote', pair: code })
      const paired = phone.inbox.find(m => m.type === 'paired') as Extract<ServerMessage, { type: 'paired' }>
      return {
        phone,
        token: paired.token,
        id: paired.device.id,
        closed: () => closed,
      }
    }
    const first = pairPhone()
    const second = pairPhone()
    expect(first.token).not.toBe(second.token)
    expect((presenter.inbox.findLast(m => m.type === 'devices') as Extract<ServerMessage, { type: 'devices' }>).devices.map(d => d.name)).toEqual(['Phone 1', 'Phone 2'])
    // Tokens are kept as digests only, and written to no log.
    expect(JSON.stringify(saved)).not.toContain(first.token)
    expect(lines.join('\n')).not.toContain(first.token)

    send(relay, first.phone, { type: 'blank', on: true, key: first.token })
    expect(relay.state.blank).toBe(true)
    // A phone cannot unpair another: only the presenter's key manages them.
    send(relay, first.phone, {
      type: 'device',
      action: 'unpair',
      id: second.id,
      key: first.token,
    })
    expect(relay.refused.unauthorized).toBe(1)

    send(relay, presenter, {
      type: 'device',
      action: 'unpair',
      id: first.id,
      key: KEY,
    })
    expect(first.closed()).toBe(true)
    send(relay, first.phone, { type: 'blank', on: false, key: first.token })
    expect(relay.refused.unauthorized).toBe(2)
    expect(relay.state.blank).toBe(true)
    send(relay, second.phone, { type: 'blank', on: false, key: second.token })
    expect(relay.state.blank).toBe(false)
    // Reconnecting with the old token does not help; scanning again pairs anew.
    const again = peer('remote')
    send(relay, again, { type: 'hello', role: 'remote', key: first.token })
    expect(again.inbox.find(m => m.type === 'welcome')).toMatchObject({ authorized: false })
    const rescanned = pairPhone()
    send(relay, rescanned.phone, { type: 'blank', on: true, key: rescanned.token })
    expect(relay.state.blank).toBe(true)
    // A photo of the QR code is worthless once its code has expired.
    advance(PAIRING_CODE_MS + 1)
    const late = peer('remote')
    send(relay, late, { type: 'hello', role: 'remote', pair: code })
    expect(late.inbox.find(m => m.type === 'welcome')).toMatchObject({ authorized: false })
    expect(relay.remoteUrl).not.toContain(code)
  })

  it('a client without the key only follows: its commands are refused and counted, nobody moves', () => {
    const { relay, peer } = setup()
    const stranger = peer('audience')
    const follower = peer('audience')
    send(relay, stranger, { type: 'hello', role: 'presenter' })
    expect(stranger.inbox[0]).toMatchObject({ type: 'welcome', authorized: false, role: 'audience' })
    expect(stranger.inbox[0]).not.toHaveProperty('remoteUrl')
    send(relay, stranger, {
      type: 'hello',
      role: 'remote',
      key: 'x'.repeat(43),
    })
    send(relay, stranger, {
      type: 'nav',
      action: 'next',
      key: 'x'.repeat(43),
    })
    send(relay, stranger, {
      type: 'state',
      page: 5,
      clicks: 0,
      clicksTotal: 0,
      key: 'y'.repeat(43),
    })
    send(relay, stranger, {
      type: 'blank',
      on: true,
      key: 'z'.repeat(43),
    })
    send(relay, stranger, {
      type: 'rehearsal',
      action: 'save',
      key: 'z'.repeat(43),
    })
    expect(relay.state.page).toBe(1)
    expect(relay.state.blank).toBe(false)
    expect(relay.refused.unauthorized).toBe(5)
    expect(follower.inbox.filter(m => m.type === 'state')).toEqual([])
  })

  it('refuses what is not a valid command: outside the deck, malformed, unknown, extra fields', () => {
    const { relay, peer } = setup()
    const remote = peer('remote')
    send(relay, remote, {
      type: 'nav',
      action: 'go',
      page: 7,
      key: KEY,
    })
    send(relay, remote, {
      type: 'nav',
      action: 'go',
      page: 0,
      key: KEY,
    })
    send(relay, remote, {
      type: 'state',
      page: 2,
      clicks: 3,
      clicksTotal: 1,
      key: KEY,
    })
    send(relay, remote, {
      type: 'nav',
      action: 'next',
      key: KEY,
      __proto__: { x: 1 },
      extra: 1,
    })
    relay.receive(remote, '{"type":"nav",')
    relay.receive(remote, '[1,2]')
    send(relay, remote, { type: 'reboot', key: KEY })
    expect(relay.refused).toMatchObject({ invalid: 4, malformed: 2, unknown: 1 })
    expect(relay.state.page).toBe(1)
    expect(remote.inbox.every(m => m.type === 'refused')).toBe(true)
  })

  it('hands the remote\'s Next to the presenter view, and sends its report to everyone', () => {
    const { relay, peer } = setup()
    const presenter = peer('presenter')
    const remote = peer('remote')
    const audience = peer('audience')
    send(relay, presenter, { type: 'hello', role: 'presenter', key: KEY })
    send(relay, remote, { type: 'hello', role: 'remote', key: KEY })
    send(relay, remote, { type: 'nav', action: 'next', key: KEY })
    expect(presenter.inbox.at(-1)).toEqual({ type: 'command', action: 'next' })
    expect(audience.inbox.filter(m => m.type === 'state')).toEqual([])
    send(relay, presenter, {
      type: 'state',
      page: 2,
      clicks: 0,
      clicksTotal: 1,
      key: KEY,
    })
    expect(audience.inbox.at(-1)).toMatchObject({
      type: 'state',
      state: {
        page: 2,
        clicks: 0,
        clicksTotal: 1,
        blank: false,
      },
    })
    send(relay, remote, {
      type: 'nav',
      action: 'go',
      page: 5,
      key: KEY,
    })
    expect(presenter.inbox.at(-1)).toEqual({
      type: 'command',
      action: 'go',
      page: 5,
      clicks: 0,
    })
    expect(remote.inbox.find(m => m.type === 'welcome')).toMatchObject({ authorized: true })
  })

  it('with no presenter connected, moves back onto a slide it has seen with all its clicks shown', () => {
    const { relay, peer } = setup()
    const presenter = peer('presenter')
    const remote = peer('remote')
    send(relay, presenter, {
      type: 'state',
      page: 2,
      clicks: 0,
      clicksTotal: 2,
      key: KEY,
    })
    send(relay, presenter, {
      type: 'state',
      page: 3,
      clicks: 0,
      clicksTotal: 0,
      key: KEY,
    })
    relay.disconnect(presenter)
    send(relay, remote, { type: 'nav', action: 'prev', key: KEY })
    expect(relay.state).toMatchObject({ page: 2, clicks: 2, clicksTotal: 2 })
  })

  it('with no presenter connected, moves the deck itself by clicks and slides', () => {
    const { relay, peer } = setup()
    const remote = peer('remote')
    send(relay, remote, { type: 'nav', action: 'next', key: KEY })
    expect(relay.state).toMatchObject({ page: 2, clicks: 0 })
    relay.state = { ...relay.state, clicksTotal: 2 }
    send(relay, remote, { type: 'nav', action: 'next', key: KEY })
    expect(relay.state).toMatchObject({ page: 2, clicks: 1 })
    send(relay, remote, { type: 'nav', action: 'prev', key: KEY })
    send(relay, remote, { type: 'nav', action: 'prev', key: KEY })
    expect(relay.state).toMatchObject({ page: 1, clicks: 0 })
    send(relay, remote, {
      type: 'nav',
      action: 'go',
      page: 6,
      key: KEY,
    })
    expect(relay.state.page).toBe(6)
  })

  it('pause and resume keep the pace: time paused is not talk time', () => {
    const { relay, peer, advance, now } = setup()
    const remote = peer('remote')
    send(relay, remote, { type: 'clock', action: 'start', key: KEY })
    advance(MINUTE)
    send(relay, remote, { type: 'clock', action: 'toggle', key: KEY })
    advance(5 * MINUTE)
    send(relay, remote, { type: 'clock', action: 'toggle', key: KEY })
    advance(MINUTE)
    send(relay, remote, {
      type: 'nav',
      action: 'go',
      page: 2,
      key: KEY,
    })
    expect(elapsedMs(relay.clock, now())).toBe(2 * MINUTE)
    const pace = paceAt(plan, relay.clock, relay.log, 2, now())
    expect(pace.status).toBe('on-pace')
    expect(remote.inbox.filter(m => m.type === 'pace' || (m.type === 'state' && m.pace)).length).toBeGreaterThanOrEqual(3)
  })

  it('a graceful stop ends the run\'s clock where it stands: neither the talk nor the slide on screen gains the time the server is down', () => {
    const { relay, peer, advance, now } = setup()
    const remote = peer('remote')
    send(relay, remote, { type: 'clock', action: 'start', key: KEY })
    advance(MINUTE)
    relay.endRun()
    expect(relay.clock.pausedAt).toBe(now())
    // The server is down for half an hour, then the same session is loaded by the next start.
    advance(30 * MINUTE)
    const restarted = new Relay({
      plan,
      secret: KEY,
      now,
      session: { state: relay.state, clock: relay.clock, log: relay.log },
    })
    expect(elapsedMs(restarted.clock, now())).toBe(MINUTE)
    expect(slideTimes(restarted.log, elapsedMs(restarted.clock, now()))).toEqual({ 1: MINUTE })
    // A run not started, or already paused, is left as it is.
    const idle = setup().relay
    idle.endRun()
    expect(idle.clock.startedAt).toBeNull()
  })

  it('saves a rehearsal with the time per slide, and only with the key', async () => {
    const saved: Rehearsal[] = []
    const { relay, peer, advance } = setup(saved)
    const presenter = peer('presenter')
    send(relay, presenter, { type: 'hello', role: 'presenter', key: KEY })
    send(relay, presenter, { type: 'clock', action: 'start', key: KEY })
    advance(MINUTE)
    send(relay, presenter, {
      type: 'state',
      page: 2,
      clicks: 0,
      clicksTotal: 0,
      key: KEY,
    })
    advance(2 * MINUTE)
    send(relay, presenter, { type: 'rehearsal', action: 'save', key: KEY })
    await expect.poll(() => saved.length).toBe(1)
    expect(saved[0]!.slides.slice(0, 2).map(s => s.ms)).toEqual([MINUTE, 2 * MINUTE])
    expect(saved[0]!.sections[0]).toEqual({ title: 'A', budgetMs: 2 * MINUTE, ms: 3 * MINUTE })
    expect(presenter.inbox.at(-1)).toMatchObject({
      type: 'saved',
      lastRehearsal: { 1: MINUTE, 2: 2 * MINUTE },
    })
  })

  it('parses only messages of the protocol\'s shape', () => {
    expect(parseClientMessage('{"type":"hello","role":"audience"}', 6, 0)).toEqual({
      ok: true,
      message: { type: 'hello', role: 'audience' },
    })
    expect(parseClientMessage('{"type":"hello","role":"admin"}', 6, 0)).toEqual({ ok: false, reason: 'invalid' })
    expect(parseClientMessage(`{"type":"clock","action":"end-at","endAt":${10 ** 15},"key":"${KEY}"}`, 6, 0)).toEqual({ ok: false, reason: 'invalid' })
    expect(parseClientMessage('null', 6, 0)).toEqual({ ok: false, reason: 'malformed' })
  })
})

describe('a run across a stop of the server', () => {
  const T = Date.UTC(2026, 11, 4, 10)
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'relay-session-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  /** The session a relay leaves after a run on slides 1 and 2 (2 min, then 3 min), and whatever happened to it. */
  async function sessionAfter(how: 'crash' | 'graceful'): Promise<string> {
    let now = T
    let saved: unknown
    const relay = new Relay({
      plan,
      secret: KEY,
      now: () => now,
      persist: (session) => {
        saved = session
      },
    })
    const presenter = {
      id: 1,
      address: 'test',
      role: 'presenter' as const,
      authorized: false,
      send: () => {},
    }
    relay.connect(presenter)
    send(relay, presenter, { type: 'hello', role: 'presenter', key: KEY })
    send(relay, presenter, { type: 'clock', action: 'start', key: KEY })
    now += 2 * MINUTE
    send(relay, presenter, {
      type: 'state',
      page: 2,
      clicks: 0,
      clicksTotal: 0,
      key: KEY,
    })
    now += 3 * MINUTE
    relay.heartbeat()
    if (how === 'graceful')
      relay.endRun()
    const file = join(dir, `${how}.json`)
    await writeFile(file, JSON.stringify(saved))
    return file
  }

  it('after a crash the run goes on: the downtime is counted, marked "relay down 1:12 on slide 2", and given to no slide, nor to the rehearsal\'s', async () => {
    const file = await sessionAfter('crash')
    const lines: string[] = []
    const back = 5 * MINUTE + 72_000
    const session = readSession(file, plan, T + back, line => lines.push(line))!
    expect(session.clock.pausedAt).toBeNull()
    expect(elapsedMs(session.clock, T + back)).toBe(back)
    expect(session.log.downtime).toEqual([
      { slide: 2, ms: 72_000 },
    ])
    expect(slideTimes(session.log, elapsedMs(session.clock, T + back))).toEqual({ 1: 2 * MINUTE, 2: 3 * MINUTE })
    expect(lines.join('\n')).toContain('relay down 1:12 on slide 2')
    const run = rehearsalOf(plan, session.log, elapsedMs(session.clock, T + back), new Date(T + back))
    expect(run.slides.find(s => s.no === 2)!.ms).toBe(3 * MINUTE)
    expect(run.downtime).toEqual([
      { slide: 2, ms: 72_000, note: 'relay down 1:12 on slide 2' },
    ])
    // The run goes on: a move keeps the mark.
    expect(enterSlide(session.log, 3, elapsedMs(session.clock, T + back)).downtime).toEqual([
      { slide: 2, ms: 72_000 },
    ])
  })

  it('after a graceful stop the run is paused where it stopped: the time down counts nowhere', async () => {
    const file = await sessionAfter('graceful')
    const session = readSession(file, plan, T + 5 * MINUTE + 33 * MINUTE)!
    expect(session.clock.pausedAt).toBe(T + 5 * MINUTE)
    expect(session.log.downtime).toBeUndefined()
    expect(elapsedMs(session.clock, T + 38 * MINUTE)).toBe(5 * MINUTE)
  })

  it('a run left for over an hour since its last move starts afresh, on the slide it was on', async () => {
    const file = await sessionAfter('crash')
    const session = readSession(file, plan, T + 5 * MINUTE + RUN_IDLE_MS + 1)!
    expect(session.state.page).toBe(2)
    expect(session.clock.startedAt).toBeNull()
    expect(session.log).toEqual({ slideMs: {}, current: null })
  })
})

describe('the present server\'s sockets', () => {
  let server: PresentServer
  let temp: string
  const lines: string[] = []

  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'present-relay-'))
    await writeFile(join(temp, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>')
    server = await startPresentServer({
      distDir: temp,
      plan,
      secret: KEY,
      host: '127.0.0.1',
      port: 0,
      stateDir: join(temp, 'state'),
      rehearsalsDir: join(temp, 'rehearsals'),
      publicHost: '127.0.0.1',
      maxConnections: 5,
      log: line => lines.push(line),
    })
  })

  afterAll(async () => {
    await server?.close()
    await rm(temp, { recursive: true, force: true })
  })

  function open(origin?: string): Promise<WebSocket> {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${WS_PATH}`, origin
      ? { origin }
      : {})
    return new Promise((done, fail) => {
      ws.once('open', () => done(ws))
      ws.once('error', fail)
    })
  }

  function next(ws: WebSocket, type: string): Promise<ServerMessage> {
    return new Promise((done) => {
      const listen = (data: WebSocket.RawData): void => {
        const message = JSON.parse(data.toString()) as ServerMessage
        if (message.type === type) {
          ws.off('message', listen)
          done(message)
        }
      }
      ws.on('message', listen)
    })
  }

  it('closes a connection that sends an oversized message, counts it, and keeps serving', async () => {
    const ws = await open()
    const closed = new Promise<number>(done => ws.once('close', code => done(code)))
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1))
    expect(await closed).toBe(1009)
    await expect.poll(() => server.relay.refused.oversized).toBe(1)
    const again = await open()
    const welcome = next(again, 'welcome')
    again.send(JSON.stringify({ type: 'hello', role: 'audience' }))
    expect(await welcome).toMatchObject({ authorized: false })
    again.close()
  })

  it('refuses WebSockets from another origin and beyond the cap', async () => {
    await expect(open('http://evil.example')).rejects.toThrow(/403/)
    await expect(open('null')).rejects.toThrow(/403/)
    await expect(new Promise((done, fail) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/elsewhere`)
      ws.once('open', done)
      ws.once('error', fail)
    })).rejects.toThrow(/404/)
    const sockets = await Promise.all([1, 2, 3, 4, 5].map(() => open()))
    await expect(open()).rejects.toThrow(/503/)
    for (const ws of sockets)
      ws.close()
    await expect.poll(() => server.connections()).toBe(0)
  })

  it('closes a connection that floods it, and one that keeps sending what is refused', async () => {
    const flood = await open()
    const floodClosed = new Promise<number>(done => flood.once('close', code => done(code)))
    for (let i = 0; i < 100; i++)
      flood.send(JSON.stringify({ type: 'ping' }))
    expect(await floodClosed).toBe(1008)
    const forger = await open()
    const forgerClosed = new Promise<number>(done => forger.once('close', code => done(code)))
    for (let i = 0; i < 20; i++) {
      forger.send(JSON.stringify({
        type: 'nav',
        action: 'next',
        key: 'f'.repeat(43),
      }))
    }
    expect(await forgerClosed).toBe(1008)
    expect(server.relay.state.page).toBe(1)
  })

  it('writes a rehearsal file through an authorised command, and nowhere else', async () => {
    const ws = await open()
    const saved = next(ws, 'saved')
    ws.send(JSON.stringify({ type: 'rehearsal', action: 'save', key: KEY }))
    const message = await saved as Extract<ServerMessage, { type: 'saved' }>
    const files = await readdir(join(temp, 'rehearsals'))
    expect(files).toHaveLength(1)
    expect(message.file).toContain(files[0])
    const run = JSON.parse(await readFile(join(temp, 'rehearsals', files[0]!), 'utf8')) as Rehearsal
    expect(run.sections.map(s => s.title)).toEqual(['A', 'B', 'C'])
    ws.close()
    const response = await fetch(`http://127.0.0.1:${server.port}/rehearsals/x.json`, { method: 'PUT', body: '{}' })
    expect(response.status).toBe(405)
  })

  it('no log line carries the key', () => {
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.join('\n')).not.toContain(KEY)
  })
})
