import type { ClockState, PaceLog } from './pacing.ts'

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

export type Role = 'presenter' | 'remote' | 'audience'

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

export type NavAction = 'next' | 'prev' | 'go'
export type ClockAction = 'start' | 'pause' | 'resume' | 'toggle' | 'reset' | 'end-at'

export type Command
  = | { type: 'state', page: number, clicks: number, clicksTotal: number }
    | { type: 'nav', action: NavAction, page?: number, clicks?: number }
    | { type: 'clock', action: ClockAction, endAt?: number | null }
    | { type: 'blank', on: boolean }
    | { type: 'rehearsal', action: 'save' }

export type ClientMessage
  = | { type: 'hello', role: Role, key?: string }
    | { type: 'ping' }
    | (Command & { key: string })

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
    /** Only to clients with the key: the remote's URL (for the QR code) and the last rehearsal's time per slide. */
    remoteUrl?: string
    lastRehearsal?: Record<number, number>
  }
  | { type: 'state', state: NavState, now: number, pace?: PaceSnapshot }
  | { type: 'pace', pace: PaceSnapshot, now: number }
  | { type: 'command', action: NavAction, page?: number, clicks?: number }
  | { type: 'refused', reason: RefusalReason }
  | { type: 'saved', file: string, lastRehearsal: Record<number, number> }
  | { type: 'pong', now: number }

export type RefusalReason = 'malformed' | 'unknown' | 'invalid' | 'unauthorized' | 'oversized'

export type Parsed
  = | { ok: true, message: ClientMessage }
    | { ok: false, reason: RefusalReason }

const ROLES: readonly Role[] = ['presenter', 'remote', 'audience']
const NAV_ACTIONS: readonly NavAction[] = ['next', 'prev', 'go']
const CLOCK_ACTIONS: readonly ClockAction[] = [
  'start',
  'pause',
  'resume',
  'toggle',
  'reset',
  'end-at',
]
/** A key is base64url; anything else is refused before it is compared. */
const KEY = /^[\w-]{16,128}$/
/** An end time more than this far from now is a mistake (or a forgery). */
const END_AT_RANGE_MS = 24 * 60 * 60 * 1000

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
}

function has(object: object, key: string): boolean {
  return Object.hasOwn(object, key)
}

/**
 * Parses and validates one message from a client against a deck of `slideCount` slides. A slide
 * outside the deck, a click count out of range, a wrong type or an unknown key is `invalid`; text
 * that is not a JSON object is `malformed`; a type the relay does not know is `unknown`.
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
  const m = data as Record<string, unknown>
  const keyOk = typeof m.key === 'string' && KEY.test(m.key)
  const only = (...keys: string[]): boolean => Object.keys(m).every(k => keys.includes(k))
  switch (m.type) {
    case 'hello':
      if (!only('type', 'role', 'key') || !ROLES.includes(m.role as Role) || (has(m, 'key') && !keyOk))
        return { ok: false, reason: 'invalid' }
      return {
        ok: true,
        message: {
          type: 'hello',
          role: m.role as Role,
          ...(keyOk && { key: m.key as string }),
        },
      }
    case 'ping':
      return only('type')
        ? {
            ok: true,
            message: { type: 'ping' },
          }
        : { ok: false, reason: 'invalid' }
    case 'state':
      if (!only('type', 'key', 'page', 'clicks', 'clicksTotal') || !keyOk || !isInt(m.page, 1, slideCount) || !isInt(m.clicksTotal, 0, MAX_CLICKS) || !isInt(m.clicks, 0, m.clicksTotal as number))
        return { ok: false, reason: 'invalid' }
      return {
        ok: true,
        message: {
          type: 'state',
          key: m.key as string,
          page: m.page,
          clicks: m.clicks,
          clicksTotal: m.clicksTotal as number,
        },
      }
    case 'nav': {
      if (!only('type', 'key', 'action', 'page', 'clicks') || !keyOk || !NAV_ACTIONS.includes(m.action as NavAction))
        return { ok: false, reason: 'invalid' }
      if (m.action === 'go' && (!isInt(m.page, 1, slideCount) || (has(m, 'clicks') && !isInt(m.clicks, 0, MAX_CLICKS))))
        return { ok: false, reason: 'invalid' }
      if (m.action !== 'go' && (has(m, 'page') || has(m, 'clicks')))
        return { ok: false, reason: 'invalid' }
      return {
        ok: true,
        message: {
          type: 'nav',
          key: m.key as string,
          action: m.action as NavAction,
          ...(m.action === 'go' && { page: m.page as number, clicks: (m.clicks as number | undefined) ?? 0 }),
        },
      }
    }
    case 'clock': {
      if (!only('type', 'key', 'action', 'endAt') || !keyOk || !CLOCK_ACTIONS.includes(m.action as ClockAction))
        return { ok: false, reason: 'invalid' }
      if (m.action === 'end-at') {
        const endAt = m.endAt
        if (endAt !== null && !isInt(endAt, now - END_AT_RANGE_MS, now + END_AT_RANGE_MS))
          return { ok: false, reason: 'invalid' }
        return {
          ok: true,
          message: {
            type: 'clock',
            key: m.key as string,
            action: 'end-at',
            endAt: endAt as number | null,
          },
        }
      }
      if (has(m, 'endAt'))
        return { ok: false, reason: 'invalid' }
      return {
        ok: true,
        message: { type: 'clock', key: m.key as string, action: m.action as ClockAction },
      }
    }
    case 'blank':
      if (!only('type', 'key', 'on') || !keyOk || typeof m.on !== 'boolean')
        return { ok: false, reason: 'invalid' }
      return {
        ok: true,
        message: { type: 'blank', key: m.key as string, on: m.on },
      }
    case 'rehearsal':
      if (!only('type', 'key', 'action') || !keyOk || m.action !== 'save')
        return { ok: false, reason: 'invalid' }
      return {
        ok: true,
        message: { type: 'rehearsal', key: m.key as string, action: 'save' },
      }
    default:
      return { ok: false, reason: 'unknown' }
  }
}
