import type { ClockState, PaceLog } from './pacing.ts'
import type { Question } from './questions.ts'
import { z } from 'zod'
import { MAX_ANSWER_CHARS, MAX_NAME_CHARS, MAX_QUESTION_CHARS } from './questions.ts'

/**
 * The relay's protocol: JSON messages over one WebSocket per client at WS_PATH. A client says hello
 * with its role and, for the presenter and the remote, the key; every command carries the key
 * again and the server checks it each time. Without the key a client only follows.
 */

export const WS_PATH = '/__present/ws'
/** The meta tag the present server adds to index.html: the relay exists only where it is served. */
export const RELAY_META = 'recap-present-relay'
/** No legitimate message comes near this; the server closes a connection that sends more. */
export const MAX_MESSAGE_BYTES = 4096
/** Upper bound of a slide's clicks the relay accepts (Slidev's own maximum is far above any deck's). */
export const MAX_CLICKS = 200

const ROLES = ['presenter', 'remote', 'audience'] as const
const CLOCK_ACTIONS = [
  'start',
  'pause',
  'resume',
  'toggle',
  'reset',
  'end-at',
] as const

export type Role = (typeof ROLES)[number]
export type NavAction = 'next' | 'prev' | 'go'
export type ClockAction = (typeof CLOCK_ACTIONS)[number]

/** A paired phone as the presenter view lists it. */
export interface DeviceView {
  id: string
  name: string
  pairedAt: number
  lastActiveAt: number
  connected: boolean
}

/** Where the talk is: what every follower shows. */
export interface NavState {
  page: number
  clicks: number
  clicksTotal: number
  blank: boolean
}

export interface PaceSnapshot {
  clock: ClockState
  log: PaceLog
}

/** A key is base64url; anything else is refused before it is compared. */
const KEY = /^[\w-]{16,128}$/
/** A browser's own id for its questions and votes (kept in its storage), and an ask's id, made by the asker. */
const BROWSER_ID = /^[\w-]{16,64}$/
const NONCE = /^[\w-]{8,64}$/
export const QUESTION_ID = /^q[\w-]{4,40}$/
/** The remote's pairing code (its QR code's fragment, `#pair=…`), and a paired device's id. */
export const PAIRING_CODE = /^[\w-]{16,64}$/
const DEVICE_ID = /^d[\w-]{4,40}$/
/** Text from the room: trimmed, with no control characters but line breaks. */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F]/
/** An end time more than this far from now is a mistake (or a forgery). */
const END_AT_RANGE_MS = 24 * 60 * 60 * 1000

const int = (min: number, max: number): z.ZodNumber => z.number().int().min(min).max(max)

/**
 * The messages a client may send, for a deck of `slideCount` slides at server time `now`: one
 * discriminated union of strict objects (an unknown field is refused), the types below derived from
 * it. A slide outside the deck or a click count out of range fails it.
 */
export function clientMessageSchema(slideCount: number, now: number) {
  const key = z.string().regex(KEY)
  const page = int(1, slideCount)
  return z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('hello'),
      role: z.enum(ROLES),
      key: key.optional(),
      /** The audience's browser id, so that the relay sends it its own questions. */
      asker: z.string().regex(BROWSER_ID).optional(),
      /** A phone scanning the remote's QR code: the code, for a device token of its own. */
      pair: z.string().regex(PAIRING_CODE).optional(),
    }),
    z.strictObject({
      type: z.literal('device'),
      key,
      action: z.literal('unpair'),
      id: z.string().regex(DEVICE_ID),
    }),
    // Anyone in the room may ask (no key): text only, its size capped here, its rate by the relay.
    z.strictObject({
      type: z.literal('ask'),
      slide: page,
      text: z.string().trim().min(1).max(MAX_QUESTION_CHARS).refine(text => !CONTROL.test(text)),
      name: z.string().trim().max(MAX_NAME_CHARS).refine(text => !CONTROL.test(text)).optional(),
      asker: z.string().regex(BROWSER_ID),
      nonce: z.string().regex(NONCE),
    }),
    z.strictObject({
      type: z.literal('vote'),
      id: z.string().regex(QUESTION_ID),
      asker: z.string().regex(BROWSER_ID),
    }),
    z.strictObject({
      type: z.literal('question'),
      key,
      id: z.string().regex(QUESTION_ID),
      action: z.enum(['show', 'hide', 'answer', 'reopen']),
      answer: z.string().trim().max(MAX_ANSWER_CHARS).refine(text => !CONTROL.test(text)).optional(),
    }),
    z.strictObject({
      type: z.literal('ping'),
    }),
    z.strictObject({
      type: z.literal('state'),
      key,
      page,
      clicks: int(0, MAX_CLICKS),
      clicksTotal: int(0, MAX_CLICKS),
    })
      .refine(m => m.clicks <= m.clicksTotal, { message: 'clicks beyond clicksTotal' }),
    z.discriminatedUnion('action', [
      z.strictObject({
        type: z.literal('nav'),
        key,
        action: z.literal('go'),
        page,
        clicks: int(0, MAX_CLICKS).default(0),
      }),
      z.strictObject({
        type: z.literal('nav'),
        key,
        action: z.enum(['next', 'prev']),
      }),
    ]),
    z.discriminatedUnion('action', [
      z.strictObject({
        type: z.literal('clock'),
        key,
        action: z.literal('end-at'),
        endAt: int(now - END_AT_RANGE_MS, now + END_AT_RANGE_MS).nullable(),
      }),
      z.strictObject({
        type: z.literal('clock'),
        key,
        action: z.enum(CLOCK_ACTIONS).exclude(['end-at']),
      }),
    ]),
    z.strictObject({
      type: z.literal('blank'),
      key,
      on: z.boolean(),
    }),
    z.strictObject({
      type: z.literal('rehearsal'),
      key,
      action: z.literal('save'),
    }),
  ])
}

/** A client's message as the relay has it once parsed (a `go` without clicks has them at 0). */
export type ClientMessage = z.output<ReturnType<typeof clientMessageSchema>>
type WithoutKey<M> = M extends unknown ? Omit<M, 'key'> : never
/** What a client asks the relay to do, as it sends it: the connection adds the key. */
export type Command = WithoutKey<Exclude<z.input<ReturnType<typeof clientMessageSchema>>, { type: 'hello' | 'ping' | 'ask' | 'vote' }>>
/** What anyone in the room may send without the key. */
export type RoomMessage = Extract<z.input<ReturnType<typeof clientMessageSchema>>, { type: 'ask' | 'vote' }>

export type ServerMessage
  = | {
    type: 'welcome'
    authorized: boolean
    role: Role
    state: NavState
    pace: PaceSnapshot
    now: number
    /** To every client: the address the room opens the deck at (the audience URL), for QR codes on slides. */
    audienceUrl?: string
    /** Only to the presenter's key: the remote's URL with a fresh pairing code (for the QR code). */
    remoteUrl?: string
    /** To key holders: the last rehearsal's time per slide. */
    lastRehearsal?: Record<number, number>
    /** Whether this client holds the presenter's key (not a paired phone's token): it manages the paired phones. */
    master?: boolean
  }
  /** To a phone that paired: its own token, which it sends as its key from now on. */
  | { type: 'paired', token: string, device: { id: string, name: string } }
  /** To the presenter's key: the paired phones. */
  | { type: 'devices', devices: DeviceView[], remoteUrl: string }
  | { type: 'state', state: NavState, now: number, pace?: PaceSnapshot }
  | { type: 'pace', pace: PaceSnapshot, now: number }
  | { type: 'command', action: NavAction, page?: number, clicks?: number }
  /** `nonce`: on a refused ask, which one (it is not kept: the asker may send it again later). */
  | { type: 'refused', reason: RefusalReason, nonce?: string }
  | { type: 'saved', file: string, lastRehearsal: Record<number, number> }
  | { type: 'pong', now: number }
  /** The questions this client may see (on welcome): all of them with the key, else those shown and its own. */
  | { type: 'questions', questions: Question[] }
  /** One question, new or changed, as this client may see it. */
  | { type: 'question', question: Question }
  /** A question this client saw is no longer shown to the room. */
  | { type: 'question-gone', id: string }
  /** To an asker, once the question is on disk: received. */
  | { type: 'asked', nonce: string, id: string }

/** `limited`: over a cap on questions or votes (per connection, per address, per session). */
export type RefusalReason = 'malformed' | 'unknown' | 'invalid' | 'unauthorized' | 'oversized' | 'limited'

export type Parsed
  = | { ok: true, message: ClientMessage }
    | { ok: false, reason: RefusalReason }

const TYPES: ReadonlySet<unknown> = new Set([
  'hello',
  'ping',
  'state',
  'nav',
  'clock',
  'blank',
  'rehearsal',
  'ask',
  'vote',
  'question',
  'device',
] satisfies ClientMessage['type'][])

/**
 * Parses and validates one message from a client against a deck of `slideCount` slides: text that
 * is not a JSON object is `malformed`; a type the relay does not know is `unknown`; anything else
 * that does not fit clientMessageSchema (a slide outside the deck, a click count out of range, a
 * wrong type, an unknown field) is `invalid`.
 */
export function parseClientMessage(raw: string, slideCount: number, now: number): Parsed {
  let data: unknown
  try {
    data = JSON.parse(raw)
  }
  catch {
    return { ok: false, reason: 'malformed' }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, reason: 'malformed' }
  if (!TYPES.has((data as { type?: unknown }).type))
    return { ok: false, reason: 'unknown' }
  const parsed = clientMessageSchema(slideCount, now).safeParse(data)
  return parsed.success
    ? { ok: true, message: parsed.data }
    : { ok: false, reason: 'invalid' }
}
