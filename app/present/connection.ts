import type { UseWebSocketReturn } from '@vueuse/core'
import type { Command, DeviceView, NavState, PaceSnapshot, Role, RoomMessage, ServerMessage } from '../../shared/protocol.ts'
import type { Question } from '../../shared/questions.ts'
import { useEventListener, useIntervalFn, useWebSocket } from '@vueuse/core'
import { reactive } from 'vue'
import { RELAY_META } from '../../shared/protocol.ts'
import { applyUpdate } from '../../shared/questions.ts'
import { askerId } from './asker.ts'
import { pairingCode, presentingKey, storeDeviceToken } from './key.ts'

/**
 * The browser's end of the relay: one WebSocket (VueUse's useWebSocket), reopened after any loss (a
 * phone that slept, Wi-Fi that dropped, a server restart) with a growing delay, checked with a ping
 * every 20 s and at once when the page is shown again or the network comes back. Everything the
 * views need is in `live`, reactive.
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
  /** Refusals for being over a cap on questions or votes. */
  limited: 0,
  /** The questions this client may see (all of them with the key), in the queue's order. */
  questions: [] as Question[],
  /** Whether this page holds the presenter's key (not a paired phone's token). */
  master: false,
  /** With the presenter's key: the paired phones. */
  devices: [] as DeviceView[],
  /** A phone paired from the QR code: its name. */
  deviceName: '',
})

type Listener = (message: ServerMessage) => void

const listeners = new Set<Listener>()
let wantedRole: () => Role = () => 'audience'
let relay: UseWebSocketReturn<string> | undefined
/** Sends a ping and closes the socket unless anything comes back within PONG_WAIT_MS (VueUse's heartbeat). */
let ping: (() => void) | undefined

const RETRY_FIRST_MS = 300
const RETRY_MAX_MS = 4000
const PING_EVERY_MS = 20_000
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

function isOpen(): boolean {
  return relay?.status.value === 'OPEN'
}

function hello(): void {
  const key = presentingKey()
  const pair = key === undefined
    ? pairingCode()
    : undefined
  relay?.send(JSON.stringify({
    type: 'hello',
    role: wantedRole(),
    ...(key !== undefined && { key }),
    ...(pair !== undefined && { pair }),
    asker: askerId(),
  }), false)
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
      live.master = message.master === true
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
      if (message.reason === 'limited')
        live.limited++
      break
    case 'paired':
      storeDeviceToken(message.token)
      live.deviceName = message.device.name
      break
    case 'devices':
      live.devices = message.devices
      live.remoteUrl = message.remoteUrl
      break
    case 'questions':
    case 'question':
    case 'question-gone':
      live.questions = applyUpdate(live.questions, message)
      break
  }
  for (const listener of listeners)
    listener(message)
}

/**
 * After sleep or a network change a socket can look open and be dead: a ping tells (anything that
 * comes back will do). A socket that is not open is reopened at once, its backoff started afresh.
 */
function check(): void {
  if (isOpen())
    ping?.()
  else
    relay?.open()
}

/** Connects once per page; `role` is asked again at every (re)connection and by `sayHelloAgain`. */
export function connectRelay(role: () => Role): void {
  wantedRole = role
  const path = relayPath()
  if (live.enabled || !path)
    return
  live.enabled = true
  const url = new URL(path, window.location.href)
  url.protocol = url.protocol === 'https:'
    ? 'wss:'
    : 'ws:'
  relay = useWebSocket<string>(url.href, {
    // Reopened after any loss (a phone that slept, Wi-Fi that dropped, a server restart), sooner at first.
    autoReconnect: {
      retries: -1,
      delay: retried => Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (retried - 1)),
    },
    heartbeat: {
      message: JSON.stringify({ type: 'ping' }),
      pongTimeout: PONG_WAIT_MS,
      scheduler: (beat) => {
        ping = beat
        return useIntervalFn(beat, PING_EVERY_MS, { immediate: false })
      },
    },
    onConnected: () => {
      live.connected = true
      hello()
    },
    onDisconnected: () => {
      live.connected = false
    },
    onMessage: (_ws, event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string')
        return
      try {
        handle(JSON.parse(event.data) as ServerMessage)
      }
      catch {}
    },
  })
  useEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible')
      check()
  })
  useEventListener(window, 'online', check)
}

/** The role changed (the presenter switched views): tell the relay. */
export function sayHelloAgain(): void {
  if (isOpen())
    hello()
}

/** Sends what anyone in the room may (a question, a "+1"): no key. False when not connected (an ask is sent again on reconnection). */
export function sendRoomMessage(message: RoomMessage): boolean {
  return isOpen() && relay!.send(JSON.stringify(message), false)
}

/** Sends a command with the key; false when there is no key or no connection (the caller falls back). */
export function sendCommand(command: Command): boolean {
  const key = presentingKey()
  if (key === undefined || !isOpen())
    return false
  return relay!.send(JSON.stringify({ ...command, key }), false)
}
