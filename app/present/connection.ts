import type { Command, NavState, PaceSnapshot, Role, ServerMessage } from '../../shared/protocol.ts'
import { reactive } from 'vue'
import { RELAY_META } from '../../shared/protocol.ts'
import { presentingKey } from './key.ts'

/**
 * The browser's end of the relay: one WebSocket, reopened after any loss (a phone that slept, Wi-Fi
 * that dropped, a server restart) with a growing delay, and at once when the page is shown again or
 * the network comes back. Everything the views need is in `live`, reactive.
 */
export const live = reactive({
  /** Whether this page was served by `./deck present` (the relay's meta tag is in index.html). */
  enabled: false,
  connected: false,
  authorized: false,
  role: 'audience' as Role,
  state: undefined as NavState | undefined,
  pace: undefined as PaceSnapshot | undefined,
  /** Server clock minus this clock, so every device computes the same elapsed time. */
  offsetMs: 0,
  remoteUrl: '',
  /** The audience's address of this deck on the meeting network (public: every client gets it). */
  audienceUrl: '',
  lastRehearsal: {} as Record<number, number>,
  savedFile: '',
  refused: 0,
})

type Listener = (message: ServerMessage) => void

const listeners = new Set<Listener>()
let socket: WebSocket | undefined
let wantedRole: () => Role = () => 'audience'
let retryMs = 0
let retryTimer: ReturnType<typeof setTimeout> | undefined
let pongTimer: ReturnType<typeof setTimeout> | undefined

const RETRY_FIRST_MS = 300
const RETRY_MAX_MS = 4000
const PONG_WAIT_MS = 4000

export function relayPath(): string | undefined {
  if (typeof document === 'undefined')
    return undefined
  return document.querySelector<HTMLMetaElement>(`meta[name="${RELAY_META}"]`)?.content || undefined
}

export function serverNow(): number {
  return Date.now() + live.offsetMs
}

export function onServerMessage(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function hello(): void {
  const key = presentingKey()
  socket?.send(JSON.stringify({
    type: 'hello',
    role: wantedRole(),
    ...(key !== undefined && { key }),
  }))
}

function handle(message: ServerMessage): void {
  if ('now' in message)
    live.offsetMs = message.now - Date.now()
  switch (message.type) {
    case 'welcome':
      live.authorized = message.authorized
      live.role = message.role
      live.state = message.state
      live.pace = message.pace
      live.remoteUrl = message.remoteUrl ?? ''
      live.audienceUrl = message.audienceUrl ?? ''
      live.lastRehearsal = message.lastRehearsal ?? {}
      break
    case 'state':
      live.state = message.state
      if (message.pace)
        live.pace = message.pace
      break
    case 'pace':
      live.pace = message.pace
      break
    case 'saved':
      live.savedFile = message.file
      live.lastRehearsal = message.lastRehearsal
      break
    case 'refused':
      live.refused++
      break
    case 'pong':
      clearTimeout(pongTimer)
      break
  }
  for (const listener of listeners)
    listener(message)
}

function scheduleRetry(): void {
  clearTimeout(retryTimer)
  retryMs = Math.min(RETRY_MAX_MS, retryMs === 0
    ? RETRY_FIRST_MS
    : retryMs * 2)
  retryTimer = setTimeout(open, retryMs)
}

function open(): void {
  const path = relayPath()
  if (!path || (socket && socket.readyState <= WebSocket.OPEN))
    return
  const url = new URL(path, window.location.href)
  url.protocol = url.protocol === 'https:'
    ? 'wss:'
    : 'ws:'
  const ws = new WebSocket(url)
  socket = ws
  ws.addEventListener('open', () => {
    retryMs = 0
    live.connected = true
    hello()
  })
  ws.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (typeof event.data !== 'string')
      return
    try {
      handle(JSON.parse(event.data) as ServerMessage)
    }
    catch {}
  })
  ws.addEventListener('close', () => {
    if (socket !== ws)
      return
    socket = undefined
    live.connected = false
    scheduleRetry()
  })
}

/** After sleep or a network change a socket can look open and be dead: a ping tells. */
function check(): void {
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    retryMs = 0
    clearTimeout(retryTimer)
    open()
    return
  }
  clearTimeout(pongTimer)
  pongTimer = setTimeout(() => socket?.close(), PONG_WAIT_MS)
  socket.send(JSON.stringify({ type: 'ping' }))
}

/** Connects once per page; `role` is asked again at every (re)connection and by `sayHelloAgain`. */
export function connectRelay(role: () => Role): void {
  wantedRole = role
  if (live.enabled || !relayPath())
    return
  live.enabled = true
  open()
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible')
      check()
  })
  window.addEventListener('online', check)
}

/** The role changed (the presenter switched views): tell the relay. */
export function sayHelloAgain(): void {
  if (socket?.readyState === WebSocket.OPEN)
    hello()
}

/** Sends a command with the key; false when there is no key or no connection (the caller falls back). */
export function sendCommand(command: Command): boolean {
  const key = presentingKey()
  if (key === undefined || socket?.readyState !== WebSocket.OPEN)
    return false
  socket.send(JSON.stringify({ ...command, key }))
  return true
}
