import type { Browser, LaunchOptions } from 'playwright-chromium'
import { existsSync } from 'node:fs'
import process from 'node:process'
import { chromium } from 'playwright-chromium'

export const DEBIAN_CHROMIUM = '/usr/bin/chromium'
/**
 * Debian's chromium-headless-shell: the same Chromium built as the old headless shell, which is what
 * Playwright itself runs for headless Chromium. Everything the deck drives (export, handout, the
 * build's first paint, the tests) is headless, and the shell does it on about half the CPU of the
 * full browser's headless mode (measured on the test suite: docs/benchmarks.md).
 */
export const DEBIAN_HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell'

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
  origin: 'playwright' | 'CHROMIUM_PATH' | 'debian-headless-shell' | 'debian'
}

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError'
}

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv
  exists?: (path: string) => boolean
  playwrightPath?: () => string
  /** Whether Debian's headless shell may be taken before Debian's full Chromium (yes unless false: the benchmark measures pages in the full browser, as a visitor's). */
  headlessShell?: boolean
}

/**
 * Which Chromium drives export and tests: Playwright's own if installed, else CHROMIUM_PATH,
 * else Debian's headless shell, else Debian's /usr/bin/chromium. Nothing is ever downloaded.
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
  if (options.headlessShell !== false && exists(DEBIAN_HEADLESS_SHELL))
    return { executablePath: DEBIAN_HEADLESS_SHELL, origin: 'debian-headless-shell' }
  if (exists(DEBIAN_CHROMIUM))
    return { executablePath: DEBIAN_CHROMIUM, origin: 'debian' }

  throw new BrowserNotFoundError(`No Chromium found: install Debian's with "sudo apt-get install chromium-headless-shell" (or "chromium"), or set CHROMIUM_PATH to a Chromium binary.`)
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
