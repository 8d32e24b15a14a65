/**
 * The presenting key reaches a page in the URL's fragment (`#key=…`), which browsers never send to
 * a server or put in a Referer. It is kept for this tab only (sessionStorage: a reload or a phone
 * that slept keeps it, another tab or the projector window does not) and taken out of the address
 * bar at once, so it is not on the projected screen.
 */
const STORAGE = 'recap-present-key'
const FRAGMENT = /(?:^#|&)key=([\w-]{16,128})(?:&|$)/

let key: string | undefined

export function presentingKey(): string | undefined {
  if (key !== undefined || typeof window === 'undefined')
    return key
  const match = FRAGMENT.exec(window.location.hash)
  if (match?.[1]) {
    key = match[1]
    try {
      sessionStorage.setItem(STORAGE, key)
    }
    catch {}
    history.replaceState(history.state, '', window.location.pathname + window.location.search)
    return key
  }
  try {
    key = sessionStorage.getItem(STORAGE) ?? undefined
  }
  catch {}
  return key
}
