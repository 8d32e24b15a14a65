import type { Buffer } from 'node:buffer'
import type { ClockState, PaceLog, Plan } from '../../shared/pacing.ts'
import type { ClientMessage, ClockAction, Command, DeviceView, NavAction, NavState, PaceSnapshot, RefusalReason, Role, ServerMessage } from '../../shared/protocol.ts'
import type { QuestionBook, QuestionEvent } from '../../shared/questions.ts'
import type { Rehearsal } from '../../shared/rehearsal.ts'
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { errorMessage } from '../../shared/errors.ts'
import {
  elapsedMs,
  EMPTY_LOG,
  enterSlide,
  pauseClock,
  resetClock,
  resumeClock,
  setEndAt,
  startClock,
  STOPPED,
  togglePause,
} from '../../shared/pacing.ts'
import { MAX_CLICKS, parseClientMessage } from '../../shared/protocol.ts'
import { applyEvent, bookOf, forAudience, forPresenter } from '../../shared/questions.ts'
import { rehearsalOf } from '../../shared/rehearsal.ts'

/** One connected client, as the relay sees it: the socket layer (server.ts) supplies `send`. */
export interface Peer {
  id: number
  address: string
  role: Role
  /** Set by a hello with the right key; commands are still checked one by one. */
  authorized: boolean
  /** A digest of the browser id an audience client said hello with: its own questions are sent to it. */
  asker?: string
  /** Said hello with the presenter's key (not a paired phone's token): it manages the paired phones. */
  master?: boolean
  /** The paired phone this client is, by its token. */
  device?: string
  send: (text: string) => void
  /** Ends the connection (a phone that was unpaired); the socket layer supplies it. */
  close?: () => void
}

/** A phone paired by scanning the remote's QR code: its token is kept as a digest only. */
export interface PairedDevice {
  id: string
  name: string
  tokenDigest: string
  pairedAt: number
  lastActiveAt: number
}

/** The paired phones, kept across restarts (server.ts stores them beside the session). */
export interface DevicesStore {
  devices: PairedDevice[]
  save: (devices: PairedDevice[]) => void
}

/** How long the remote's QR code pairs phones: a photo of it is worthless after this. */
export const PAIRING_CODE_MS = 10 * 60 * 1000

/** Caps on what anyone in the room may write: a question, a vote. */
export type QuestionCaps = Record<'askBurst' | 'askEveryMs' | 'asksPerAddress' | 'questionsPerSession' | 'voteBurst' | 'voteEveryMs', number>
export const QUESTION_CAPS: Readonly<QuestionCaps> = {
  /** Per connection: a burst of asks, then one every this many ms. */
  askBurst: 3,
  askEveryMs: 5000,
  /** Per address (a phone, or a room behind one router) and per session. */
  asksPerAddress: 60,
  questionsPerSession: 1000,
  voteBurst: 10,
  voteEveryMs: 500,
}

/** A token bucket: `burst` at once, then one every `everyMs`. */
class Bucket {
  private tokens: number
  private at: number
  private readonly burst: number
  private readonly everyMs: number
  constructor(burst: number, everyMs: number, now: number) {
    this.burst = burst
    this.everyMs = everyMs
    this.tokens = burst
    this.at = now
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.at) / this.everyMs)
    this.at = now
    if (this.tokens < 1)
      return false
    this.tokens--
    return true
  }
}

/** The questions' log: its events so far, and where the next is written (durably: it returns once the event is on disk). */
export interface QuestionsLog {
  events: QuestionEvent[]
  append: (event: QuestionEvent) => void
}

/** What the relay keeps across restarts of the server (server.ts stores it in the state folder). */
export interface Session {
  state: NavState
  clock: ClockState
  log: PaceLog
  /** When the relay last wrote the session (every few seconds while it runs): after a crash, the downtime starts here. */
  aliveAt?: number
  /** The last move or clock command: a run idle for over an hour is over. */
  lastEventAt?: number
}

export interface RelayOptions {
  plan: Plan
  secret: string
  now?: () => number
  session?: Session
  /** Called after every change worth keeping. */
  persist?: (session: Session) => void
  /** Saves a run; returns the file name it was written to. */
  saveRehearsal?: (run: Rehearsal) => Promise<string>
  lastRehearsal?: Record<number, number>
  /** Questions from the room: without one, the relay keeps them in memory only. */
  questions?: QuestionsLog
  /** QUESTION_CAPS unless changed (`./deck present --questions-per-address`). */
  questionCaps?: Partial<QuestionCaps>
  /** The paired phones; without it they are kept in memory only. */
  devices?: DevicesStore
  /** The remote's address for a pairing code (the QR code's URL); set by server.ts. */
  remoteUrlFor?: (code: string) => string
  log?: (line: string) => void
}

export type RefusalCounts = Record<RefusalReason, number>

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

/** What the relay keeps of a phone's token: a digest, so that no file or log carries the token itself. */
function tokenDigest(token: string): string {
  return createHash('sha256').update(`recap-device:${token}`).digest('base64url')
}

/** What the relay keeps of a browser's id: a digest, so that the log and the views never carry the id itself. */
function browserDigest(id: string): string {
  return createHash('sha256').update(`recap-question:${id}`).digest('base64url').slice(0, 22)
}

export function perSlide(run: Rehearsal | undefined): Record<number, number> {
  return Object.fromEntries((run?.slides ?? []).map(slide => [slide.no, slide.ms]))
}

/**
 * The relay's state and rules, without sockets: who may move the deck (a command with the key), where
 * the deck is, the pace clock and the time per slide. The presenter's browser is the source of truth
 * for the position (it knows each slide's clicks): the remote's Next is handed to it, and its reported
 * state goes to everyone. With no presenter connected, the relay moves the deck itself.
 */
export class Relay {
  readonly peers = new Set<Peer>()
  readonly refused: RefusalCounts = {
    malformed: 0,
    unknown: 0,
    invalid: 0,
    unauthorized: 0,
    oversized: 0,
    limited: 0,
  }

  readonly questions: QuestionBook
  private readonly askBuckets = new WeakMap<Peer, Bucket>()
  private readonly voteBuckets = new WeakMap<Peer, Bucket>()
  private readonly asksByAddress = new Map<string, number>()
  private readonly caps: QuestionCaps

  state: NavState
  clock: ClockState
  log: PaceLog
  /** Each slide's number of clicks, as the presenter view reported it. */
  private readonly clicksTotals = new Map<number, number>()
  /** The audience URL, sent to every client (it carries no key). */
  audienceUrl = ''
  private readonly secretDigest: Buffer
  private readonly now: () => number
  private lastEventAt: number
  private lastRehearsal: Record<number, number>
  private readonly options: RelayOptions
  private readonly devices = new Map<string, PairedDevice>()
  private pairing: { code: string, expiresAt: number } | undefined
  private devicesMade = 0

  constructor(options: RelayOptions) {
    this.options = options
    this.secretDigest = digest(options.secret)
    this.now = options.now ?? Date.now
    this.state = options.session?.state ?? {
      page: 1,
      clicks: 0,
      clicksTotal: 0,
      blank: false,
    }
    this.clock = options.session?.clock ?? STOPPED
    this.log = options.session?.log ?? EMPTY_LOG
    this.lastEventAt = options.session?.lastEventAt ?? this.now()
    this.lastRehearsal = options.lastRehearsal ?? {}
    this.questions = bookOf(options.questions?.events ?? [])
    this.caps = {
      ...QUESTION_CAPS,
      ...options.questionCaps,
    }
    if (this.state.page > options.plan.slides.length)
      this.state = { ...this.state, page: 1, clicks: 0 }
    for (const device of options.devices?.devices ?? [])
      this.devices.set(device.tokenDigest, device)
    this.devicesMade = this.devices.size
  }

  /** Compares in constant time (digests of equal length), so timing tells nothing about the key. */
  private isMasterKey(key: string | undefined): boolean {
    return key !== undefined && timingSafeEqual(digest(key), this.secretDigest)
  }

  /** The paired phone whose token this is, if it is still paired (a map of digests: the token itself is kept nowhere). */
  private deviceOf(key: string | undefined): PairedDevice | undefined {
    return key === undefined
      ? undefined
      : this.devices.get(tokenDigest(key))
  }

  /** The presenter's key, or a paired phone's token; checked on every command. */
  keyMatches(key: string | undefined): boolean {
    return this.isMasterKey(key) || this.deviceOf(key) !== undefined
  }

  /** The remote's pairing code, made anew once the last one has expired. */
  pairingCode(): string {
    const now = this.now()
    if (!this.pairing || this.pairing.expiresAt <= now) {
      this.pairing = {
        code: randomBytes(18).toString('base64url'),
        expiresAt: now + PAIRING_CODE_MS,
      }
    }
    return this.pairing.code
  }

  /** Makes a new pairing code once the last has expired, and tells the presenter's QR code. */
  refreshPairing(): void {
    const before = this.pairing?.code
    this.pairingCode()
    if (before !== undefined && before !== this.pairing?.code)
      this.broadcastDevices()
  }

  /** The remote's URL with a live pairing code: for the QR code the presenter shows. */
  get remoteUrl(): string {
    return this.options.remoteUrlFor?.(this.pairingCode()) ?? ''
  }

  private pairingMatches(code: string): boolean {
    const pairing = this.pairing
    return pairing !== undefined && pairing.expiresAt > this.now()
      && timingSafeEqual(digest(code), digest(pairing.code))
  }

  /** The paired phones, as the presenter view lists them. */
  deviceViews(): DeviceView[] {
    return [
      ...this.devices.values(),
    ].map(device => ({
      id: device.id,
      name: device.name,
      pairedAt: device.pairedAt,
      lastActiveAt: device.lastActiveAt,
      connected: [...this.peers].some(peer => peer.device === device.id),
    }))
  }

  private saveDevices(): void {
    this.options.devices?.save([
      ...this.devices.values(),
    ])
  }

  /** Tells the presenter's key holders what the paired phones are now (and the QR code's current address). */
  private broadcastDevices(): void {
    const text = JSON.stringify({
      type: 'devices',
      devices: this.deviceViews(),
      remoteUrl: this.remoteUrl,
    } satisfies ServerMessage)
    for (const peer of this.peers) {
      if (peer.master)
        peer.send(text)
    }
  }

  /** A phone scanned the QR code: it gets a token of its own, kept here as a digest. */
  private pair(peer: Peer): void {
    const token = randomBytes(32).toString('base64url')
    const now = this.now()
    const device: PairedDevice = {
      id: `d${randomBytes(6).toString('base64url')}`,
      name: `Phone ${++this.devicesMade}`,
      tokenDigest: tokenDigest(token),
      pairedAt: now,
      lastActiveAt: now,
    }
    this.devices.set(device.tokenDigest, device)
    this.saveDevices()
    peer.device = device.id
    this.sendTo(peer, {
      type: 'paired',
      token,
      device: { id: device.id, name: device.name },
    })
    this.options.log?.(`present: paired ${device.name} (${peer.address})`)
  }

  /** The presenter unpairs a phone: its token is refused from now on, and its connections end at once. */
  private unpair(id: string): boolean {
    const device = [
      ...this.devices.values(),
    ].find(d => d.id === id)
    if (!device)
      return false
    this.devices.delete(device.tokenDigest)
    this.saveDevices()
    for (const peer of this.peers) {
      if (peer.device === id) {
        peer.authorized = false
        peer.device = undefined
        peer.close?.()
      }
    }
    this.options.log?.(`present: unpaired ${device.name}`)
    return true
  }

  get pace(): PaceSnapshot {
    return { clock: this.clock, log: this.log }
  }

  connect(peer: Peer): void {
    this.peers.add(peer)
  }

  disconnect(peer: Peer): void {
    this.peers.delete(peer)
    if (peer.device)
      this.broadcastDevices()
  }

  refuse(peer: Peer, reason: RefusalReason, what: string, nonce?: string): void {
    this.refused[reason]++
    const total = Object.values(this.refused).reduce((a, b) => a + b, 0)
    this.options.log?.(`present: refused ${what} from ${peer.address}: ${reason} (${total} refused so far)`)
    if (reason !== 'oversized') {
      this.sendTo(peer, {
        type: 'refused',
        reason,
        ...(nonce !== undefined && { nonce }),
      })
    }
  }

  receive(peer: Peer, raw: string): void {
    const parsed = parseClientMessage(raw, this.options.plan.slides.length, this.now())
    if (!parsed.ok) {
      this.refuse(peer, parsed.reason, 'a message')
      return
    }
    const message: ClientMessage = parsed.message
    if (message.type === 'hello') {
      this.hello(peer, message)
      return
    }
    if (message.type === 'ask') {
      this.ask(peer, message)
      return
    }
    if (message.type === 'vote') {
      this.vote(peer, message.id, message.asker)
      return
    }
    if (message.type === 'ping') {
      this.sendTo(peer, {
        type: 'pong',
        now: this.now(),
      })
      return
    }
    const device = this.deviceOf(message.key)
    if (!this.isMasterKey(message.key) && !device) {
      this.refuse(peer, 'unauthorized', `a ${message.type} command`)
      return
    }
    if (message.type === 'device') {
      // Only the presenter's key manages the phones.
      if (device)
        this.refuse(peer, 'unauthorized', 'a device command from a phone')
      else if (!this.unpair(message.id))
        this.refuse(peer, 'invalid', 'a device command')
      else
        this.broadcastDevices()
      return
    }
    if (device) {
      device.lastActiveAt = this.now()
      this.broadcastDevices()
    }
    void this.apply(peer, message)
  }

  private hello(peer: Peer, message: { role: Role, key?: string | undefined, asker?: string | undefined, pair?: string | undefined }): void {
    const { role, key, asker, pair } = message
    const master = this.isMasterKey(key)
    const device = master
      ? undefined
      : this.deviceOf(key)
    if (asker !== undefined)
      peer.asker = browserDigest(asker)
    peer.master = master
    peer.device = device?.id
    let authorized = master || device !== undefined
    if (key !== undefined && !authorized)
      this.refuse(peer, 'unauthorized', 'a hello')
    if (!authorized && pair !== undefined) {
      if (this.pairingMatches(pair)) {
        this.pair(peer)
        authorized = true
      }
      else {
        this.refuse(peer, 'unauthorized', 'a pairing code (expired or wrong)')
      }
    }
    if (device)
      device.lastActiveAt = this.now()
    peer.authorized = authorized
    // Without the key, a client is audience whatever it claims to be.
    peer.role = authorized
      ? role
      : 'audience'
    this.sendTo(peer, {
      type: 'welcome',
      authorized,
      role: peer.role,
      state: this.state,
      pace: this.pace,
      now: this.now(),
      ...(this.audienceUrl && { audienceUrl: this.audienceUrl }),
      ...(authorized && { lastRehearsal: this.lastRehearsal }),
      ...(master && { master: true, remoteUrl: this.remoteUrl }),
    })
    this.sendQuestions(peer)
    if (authorized)
      this.broadcastDevices()
  }

  /**
   * A question from the room: capped (per connection, per address, per session), written to the log
   * before the asker is told it was received. The same ask sent again (the asker's page reconnected
   * before hearing back) is the same question, acknowledged again.
   */
  private ask(peer: Peer, message: { slide: number, text: string, name?: string | undefined, asker: string, nonce: string }): void {
    const asker = browserDigest(message.asker)
    const known = this.questions.asked.get(`${asker} ${message.nonce}`)
    if (known) {
      this.sendTo(peer, { type: 'asked', nonce: message.nonce, id: known })
      return
    }
    const now = this.now()
    const bucket = this.askBuckets.get(peer) ?? new Bucket(this.caps.askBurst, this.caps.askEveryMs, now)
    this.askBuckets.set(peer, bucket)
    const fromAddress = this.asksByAddress.get(peer.address) ?? 0
    if (!bucket.take(now) || fromAddress >= this.caps.asksPerAddress || this.questions.questions.size >= this.caps.questionsPerSession) {
      this.refuse(peer, 'limited', 'a question', message.nonce)
      return
    }
    const event: QuestionEvent = {
      t: 'ask',
      id: `q${randomBytes(9).toString('base64url')}`,
      slide: message.slide,
      text: message.text,
      ...(message.name
        ? { name: message.name }
        : {}),
      at: now,
      asker,
      nonce: message.nonce,
    }
    peer.asker ??= asker
    if (!this.record(event))
      return
    this.asksByAddress.set(peer.address, fromAddress + 1)
    this.sendTo(peer, { type: 'asked', nonce: message.nonce, id: event.id })
  }

  /** A "+1" from the room: one per browser and question, on questions shown to the room. */
  private vote(peer: Peer, id: string, voter: string): void {
    const now = this.now()
    const bucket = this.voteBuckets.get(peer) ?? new Bucket(this.caps.voteBurst, this.caps.voteEveryMs, now)
    this.voteBuckets.set(peer, bucket)
    if (!bucket.take(now)) {
      this.refuse(peer, 'limited', 'a vote')
      return
    }
    if (!this.record({
      t: 'vote',
      id,
      voter: browserDigest(voter),
    })) {
      this.refuse(peer, 'invalid', 'a vote')
    }
  }

  /**
   * Applies an event, writes it to the log and tells everyone concerned; false when it does not apply
   * or cannot be written (then nothing changed that anyone was told of).
   */
  private record(event: QuestionEvent): boolean {
    const before = this.questions.questions.get(event.id)
    const snapshot = before && { ...before }
    if (!applyEvent(this.questions, event))
      return false
    try {
      this.options.questions?.append(event)
      this.questionChanged(event.id, snapshot?.visibility === 'shown')
      return true
    }
    catch (error) {
      this.options.log?.(`present: could not write the questions' log: ${errorMessage(error)}`)
      // Undo in memory what could not be kept (an ask's maps, a vote's count).
      if (event.t === 'ask') {
        this.questions.questions.delete(event.id)
        this.questions.askers.delete(event.id)
        this.questions.asked.delete(`${event.asker} ${event.nonce}`)
      }
      else if (snapshot) {
        this.questions.questions.set(event.id, snapshot)
        if (event.t === 'vote')
          this.questions.votes.delete(`${event.id} ${event.voter}`)
      }
      return false
    }
  }

  private sendQuestions(peer: Peer): void {
    this.sendTo(peer, {
      type: 'questions',
      questions: peer.authorized
        ? forPresenter(this.questions)
        : forAudience(this.questions, peer.asker),
    })
  }

  /**
   * One question changed: each client hears of it as it may see it (key holders always; its asker,
   * marked as theirs; the room while it is shown, and that it is gone once it no longer is). One
   * serialisation per kind of reader, however many clients.
   */
  private questionChanged(id: string, wasShown: boolean): void {
    const question = this.questions.questions.get(id)
    if (!question)
      return
    const asker = this.questions.askers.get(id)
    const full = JSON.stringify({ type: 'question', question } satisfies ServerMessage)
    const mine = JSON.stringify({
      type: 'question',
      question: { ...question, mine: true },
    } satisfies ServerMessage)
    const gone = JSON.stringify({ type: 'question-gone', id } satisfies ServerMessage)
    const shown = question.visibility === 'shown'
    for (const peer of this.peers) {
      if (peer.authorized)
        peer.send(full)
      else if (asker !== undefined && peer.asker === asker)
        peer.send(mine)
      else if (shown)
        peer.send(full)
      else if (wasShown)
        peer.send(gone)
    }
  }

  private async apply(peer: Peer, command: Command): Promise<void> {
    switch (command.type) {
      case 'state':
        this.clicksTotals.set(command.page, command.clicksTotal)
        this.moveTo({
          ...this.state,
          page: command.page,
          clicks: command.clicks,
          clicksTotal: command.clicksTotal,
        })
        break
      case 'nav':
        if (command.action === 'go')
          this.navigate('go', command.page, command.clicks)
        else
          this.navigate(command.action)
        break
      case 'blank':
        this.moveTo({ ...this.state, blank: command.on })
        break
      case 'clock':
        this.setClock(command.action, command.action === 'end-at'
          ? command.endAt
          : undefined)
        break
      case 'rehearsal':
        await this.saveRehearsal(peer)
        break
      case 'question':
        if (!this.record(command.action === 'answer'
          ? { t: 'answer', id: command.id, answer: command.answer }
          : { t: command.action, id: command.id })) {
          this.refuse(peer, 'invalid', 'a question command')
        }
        break
    }
  }

  /** The presenter to hand a move to: the last one that said hello. */
  private presenter(): Peer | undefined {
    let found: Peer | undefined
    for (const peer of this.peers) {
      if (peer.authorized && peer.role === 'presenter')
        found = peer
    }
    return found
  }

  /**
   * Where a move leads, from what the relay knows: the clicks of the slide shown and of every slide the
   * presenter has reported. Undefined when it cannot know (Previous onto a slide never seen, whose
   * clicks would all be shown).
   */
  private target(action: NavAction, page?: number, clicks?: number): Pick<NavState, 'page' | 'clicks' | 'clicksTotal'> | undefined {
    const { page: at, clicks: shown, clicksTotal } = this.state
    const last = this.options.plan.slides.length
    const totalOf = (no: number): number | undefined => this.clicksTotals.get(no)
    if (action === 'go') {
      const total = totalOf(page ?? at)
      return {
        page: page ?? at,
        clicks: Math.min(clicks ?? 0, total ?? MAX_CLICKS),
        clicksTotal: total ?? 0,
      }
    }
    if (action === 'next') {
      if (shown < clicksTotal)
        return { page: at, clicks: shown + 1, clicksTotal }
      return at < last
        ? { page: at + 1, clicks: 0, clicksTotal: totalOf(at + 1) ?? 0 }
        : this.state
    }
    if (shown > 0)
      return { page: at, clicks: shown - 1, clicksTotal }
    if (at === 1)
      return this.state
    const total = totalOf(at - 1)
    return total === undefined
      ? undefined
      : { page: at - 1, clicks: total, clicksTotal: total }
  }

  /**
   * A move from the remote. The presenter view makes it when one is connected: only it knows for
   * sure how many clicks the slide on screen has (Slidev counts them once the slide is mounted), and
   * its report goes to everyone. With none connected, the relay moves by what it knows, and goes to
   * the previous slide's start when it cannot know that slide's clicks.
   */
  private navigate(action: NavAction, page?: number, clicks?: number): void {
    const presenter = this.presenter()
    if (presenter) {
      this.sendTo(presenter, {
        type: 'command',
        action,
        ...(page !== undefined && { page, clicks: clicks ?? 0 }),
      })
      return
    }
    const target = this.target(action, page, clicks) ?? {
      page: Math.max(1, this.state.page - 1),
      clicks: 0,
      clicksTotal: 0,
    }
    this.moveTo({
      ...this.state,
      ...target,
    })
  }

  private moveTo(state: NavState): void {
    const moved = state.page !== this.state.page
    const changed = moved || state.clicks !== this.state.clicks || state.clicksTotal !== this.state.clicksTotal || state.blank !== this.state.blank
    if (!changed)
      return
    const left = this.state.page
    this.state = state
    const now = this.now()
    this.lastEventAt = now
    if (moved) {
      // The run starts when the speaker first moves on (from slide 1, or wherever a reset left it), unless started already.
      if (this.clock.startedAt === null)
        this.startRun(now, left)
      this.log = enterSlide(this.log, state.page, elapsedMs(this.clock, now))
    }
    // One message per move, the pace with it when the slide changed: half the sends of two messages.
    this.broadcast({
      type: 'state',
      state,
      now,
      ...(moved && { pace: this.pace }),
    })
    this.persist()
  }

  /**
   * A graceful stop of the server (Ctrl-C, SIGTERM): the run's clock stops where it stands, paused,
   * so that the time the server is down counts neither as talk time nor as any slide's time. The
   * next start finds it paused: the presenter resumes it, or resets it for a new run.
   */
  endRun(): void {
    const now = this.now()
    const clock = pauseClock(this.clock, now)
    if (clock === this.clock)
      return
    this.clock = clock
    this.broadcast({ type: 'pace', pace: this.pace, now })
    this.persist()
  }

  private startRun(now: number, firstSlide: number): void {
    this.clock = startClock(resetClock(this.clock), now)
    this.log = enterSlide(EMPTY_LOG, firstSlide, 0)
  }

  private setClock(action: ClockAction, endAt: number | null | undefined): void {
    const now = this.now()
    this.lastEventAt = now
    switch (action) {
      case 'start':
        if (this.clock.startedAt === null)
          this.startRun(now, this.state.page)
        break
      case 'pause':
        this.clock = pauseClock(this.clock, now)
        break
      case 'resume':
      case 'toggle':
        // Either starts a run that has not begun; on a running one, resume only resumes.
        if (this.clock.startedAt === null)
          this.startRun(now, this.state.page)
        else if (action === 'resume')
          this.clock = resumeClock(this.clock, now)
        else
          this.clock = togglePause(this.clock, now)
        break
      case 'reset':
        this.clock = resetClock(this.clock)
        this.log = EMPTY_LOG
        break
      case 'end-at':
        this.clock = setEndAt(this.clock, endAt ?? null)
        break
    }
    this.broadcast({ type: 'pace', pace: this.pace, now })
    this.persist()
  }

  private async saveRehearsal(peer: Peer): Promise<void> {
    const save = this.options.saveRehearsal
    if (!save)
      return
    const now = this.now()
    const run = rehearsalOf(this.options.plan, this.log, elapsedMs(this.clock, now), new Date(now))
    try {
      const file = await save(run)
      this.lastRehearsal = perSlide(run)
      this.options.log?.(`present: rehearsal saved to ${file}`)
      this.sendTo(peer, { type: 'saved', file, lastRehearsal: this.lastRehearsal })
    }
    catch (error) {
      this.options.log?.(`present: could not save the rehearsal: ${errorMessage(error)}`)
    }
  }

  private persist(): void {
    this.options.persist?.({
      state: this.state,
      clock: this.clock,
      log: this.log,
      aliveAt: this.now(),
      lastEventAt: this.lastEventAt,
    })
  }

  /** The relay is alive: written with the session (server.ts calls it every few seconds), so that a crash's downtime can be told after it. */
  heartbeat(): void {
    this.persist()
  }

  private sendTo(peer: Peer, message: ServerMessage): void {
    peer.send(JSON.stringify(message))
  }

  /** One serialisation for every peer: with hundreds of followers, that is most of the work. */
  private broadcast(message: ServerMessage): void {
    const text = JSON.stringify(message)
    for (const peer of this.peers)
      peer.send(text)
  }
}
