import type { Browser, LaunchOptions } from 'playwright-chromium'
import { existsSync } from 'node:fs'
import process from 'node:process'
import { chromium } from 'playwright-chromium'

export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/** Flags for a closed network: no update checks, no background traffic, no first-run work. */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
]

export interface ResolvedChromium {
  /** Undefined means Playwright's own browser. */
  executablePath: string | undefined
  origin: 'playwright' | 'CHROMIUM_PATH' | 'debian'
}

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError'
}

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv
  exists?: (path: string) => boolean
  playwrightPath?: () => string
}

/**
 * Which Chromium drives export and tests: Playwright's own if installed, else CHROMIUM_PATH,
 * else Debian's /usr/bin/chromium. Nothing is ever downloaded.
 */
export function resolveChromium(options: ResolveOptions = {}): ResolvedChromium {
  const env = options.env ?? process.env
  const exists = options.exists ?? existsSync
  const playwrightPath = options.playwrightPath ?? (() => chromium.executablePath())

  let bundled: string | undefined
  try {
    bundled = playwrightPath()
  }
  catch {
    bundled = undefined
  }
  if (bundled && exists(bundled))
    return { executablePath: undefined, origin: 'playwright' }

  const fromEnv = env.CHROMIUM_PATH?.trim()
  if (fromEnv) {
    if (!exists(fromEnv))
      throw new BrowserNotFoundError(`CHROMIUM_PATH is set to "${fromEnv}", but no file is there: point it at a Chromium binary, or unset it to use ${DEBIAN_CHROMIUM}.`)
    return { executablePath: fromEnv, origin: 'CHROMIUM_PATH' }
  }
  if (exists(DEBIAN_CHROMIUM))
    return { executablePath: DEBIAN_CHROMIUM, origin: 'debian' }

  throw new BrowserNotFoundError(`No Chromium found: install Debian's with "sudo apt-get install chromium", or set CHROMIUM_PATH to a Chromium binary.`)
}

function runsAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { executablePath } = resolveChromium()
  return chromium.launch({
    ...options,
    executablePath,
    chromiumSandbox: !runsAsRoot() && options.chromiumSandbox,
    args: [
      ...CHROMIUM_ARGS,
      ...(runsAsRoot()
        ? ['--no-sandbox']
        : []),
      ...(options.args ?? []),
    ],
  })
}
