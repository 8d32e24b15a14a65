// One way to keep a browser offline, for everything that loads a built deck (site builds, tests,
// benchmarks, exports): nothing it loads may come from anywhere but the machine, so a remote asset
// shows up as a failure instead of being fetched.
import type { Browser, BrowserContext, LaunchOptions } from 'playwright-chromium'
import { launchChromium } from './browser.ts'

/** Host names that are this machine. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set([
  '127.0.0.1',
  'localhost',
  '[::1]',
  '::1',
])

/** Chromium's resolver answers for 127.0.0.1 only: any other host fails at once, before a request is made. */
export const LOOPBACK_ONLY_ARG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'

/** URLs that never reach a network: inline data, blobs, blank pages and the browser's own pages. */
const NO_NETWORK = /^(?:data|blob|about|chrome-extension|chrome):/

/** Whether `url` goes over a network to a host other than this machine. */
export function isExternal(url: string): boolean {
  const parsed = URL.parse(url)
  if (!parsed || !['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol))
    return false
  return !LOOPBACK_HOSTS.has(parsed.hostname)
}

/** Chromium whose resolver knows no host but 127.0.0.1 (for tools such as Lighthouse that bring their own pages). */
export async function launchOfflineChromium(options: LaunchOptions = {}): Promise<Browser> {
  return launchChromium({
    ...options,
    args: [
      LOOPBACK_ONLY_ARG,
      ...(options.args ?? []),
    ],
  })
}

export interface NetworkGuard {
  /** Every request made to a URL outside the allowed origins, in order; each was aborted. */
  readonly outside: string[]
}

/**
 * Lets requests to the `allowed` origins (by default any loopback host) through and aborts and records
 * every other one, including the service worker's (Chromium routes those through the context too).
 * Allowed requests fall back to any route registered before this one.
 */
export async function guardNetwork(context: BrowserContext, allowed?: readonly string[]): Promise<NetworkGuard> {
  const outside: string[] = []
  const origins = allowed && new Set(allowed.map(url => new URL(url).origin))
  const permitted = (url: string): boolean => {
    if (NO_NETWORK.test(url))
      return true
    const parsed = URL.parse(url)
    if (!parsed)
      return false
    return origins
      ? origins.has(parsed.origin)
      : LOOPBACK_HOSTS.has(parsed.hostname)
  }
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (permitted(url))
      return route.fallback()
    outside.push(url)
    return route.abort('blockedbyclient')
  })
  return { outside }
}
