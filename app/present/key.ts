/**
 * The presenting key reaches a page in the URL's fragment (`#key=…`), which browsers never send to
 * a server or put in a Referer. It is kept for this tab only (sessionStorage: a reload or a phone
 * that slept keeps it, another tab or the projector window does not) and taken out of the address
 * bar at once, so it is not on the projected screen.
 *
 * The phone remote's QR code carries a pairing code instead (`#pair=…`, taken out of the address bar
 * too): the relay answers it with a token of that phone's own, kept on the phone (localStorage, so
 * that it survives the phone sleeping or the tab closing) and sent as the key from then on, until
 * the presenter unpairs the phone.
 */
const STORAGE = 'recap-present-key'
const DEVICE_STORAGE = 'recap-present-device'
const FRAGMENT = /(?:^#|&)key=([\w-]{16,128})(?:&|$)/
const PAIR_FRAGMENT = /(?:^#|&)pair=([\w-]{16,64})(?:&|$)/

let key: string | undefined
let pairing: string | undefined
let read = false

function readFragment(): void {
  if (read || typeof window === 'undefined')
    return
  read = true
  const match = FRAGMENT.exec(window.location.hash)
  const pair = PAIR_FRAGMENT.exec(window.location.hash)
  if (match?.[1]) {
    key = match[1]
    try {
      sessionStorage.setItem(STORAGE, key)
    }
    catch {}
  }
  if (pair?.[1])
    pairing = pair[1]
  if (match || pair)
    history.replaceState(history.state, '', window.location.pathname + window.location.search)
}

/** The key this page sends with its commands: the presenter's key, or this phone's own token once paired. */
export function presentingKey(): string | undefined {
  readFragment()
  if (key !== undefined || typeof window === 'undefined')
    return key
  try {
    key = sessionStorage.getItem(STORAGE) ?? undefined
  }
  catch {}
  if (key === undefined && pairing === undefined) {
    try {
      return localStorage.getItem(DEVICE_STORAGE) ?? undefined
    }
    catch {}
  }
  return key
}

/** The QR code's pairing code, when this page was opened from it and is not paired yet. */
export function pairingCode(): string | undefined {
  readFragment()
  return pairing
}

/** The relay paired this phone: its token is its key from now on; the code is spent. */
export function storeDeviceToken(token: string): void {
  pairing = undefined
  try {
    localStorage.setItem(DEVICE_STORAGE, token)
  }
  catch {}
  key = token
}
