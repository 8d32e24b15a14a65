import { describe, expect, it } from 'vitest'
import { BrowserNotFoundError, DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL, resolveChromium } from '../scripts/lib/browser.ts'

const PLAYWRIGHT = '/cache/ms-playwright/chromium-1/chrome-linux64/chrome'
const CUSTOM = '/opt/chromium/chrome'

/** A file system holding exactly `files`. */
function only(...files: string[]): (path: string) => boolean {
  return path => files.includes(path)
}

describe('resolveChromium', () => {
  it('prefers Playwright\'s own browser when it is installed', () => {
    expect(resolveChromium({
      env: { CHROMIUM_PATH: CUSTOM },
      exists: only(PLAYWRIGHT, CUSTOM, DEBIAN_CHROMIUM),
      playwrightPath: () => PLAYWRIGHT,
    })).toEqual({ executablePath: undefined, origin: 'playwright' })
  })

  it('takes CHROMIUM_PATH when Playwright\'s browser is missing', () => {
    expect(resolveChromium({
      env: { CHROMIUM_PATH: CUSTOM },
      exists: only(CUSTOM, DEBIAN_CHROMIUM),
      playwrightPath: () => PLAYWRIGHT,
    })).toEqual({ executablePath: CUSTOM, origin: 'CHROMIUM_PATH' })
  })

  it('takes CHROMIUM_PATH when Playwright cannot even name its browser', () => {
    expect(resolveChromium({
      env: { CHROMIUM_PATH: ` ${CUSTOM} ` },
      exists: only(CUSTOM),
      playwrightPath: () => {
        throw new Error('no registry')
      },
    })).toEqual({ executablePath: CUSTOM, origin: 'CHROMIUM_PATH' })
  })

  it('takes Debian\'s headless shell before Debian\'s full Chromium, and CHROMIUM_PATH before both', () => {
    expect(resolveChromium({
      env: {},
      exists: only(DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM),
      playwrightPath: () => PLAYWRIGHT,
    })).toEqual({ executablePath: DEBIAN_HEADLESS_SHELL, origin: 'debian-headless-shell' })
    expect(resolveChromium({
      env: { CHROMIUM_PATH: CUSTOM },
      exists: only(CUSTOM, DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM),
      playwrightPath: () => PLAYWRIGHT,
    })).toEqual({ executablePath: CUSTOM, origin: 'CHROMIUM_PATH' })
  })

  it('skips the headless shell when asked to (the benchmark measures pages in the full browser)', () => {
    expect(resolveChromium({
      env: {},
      exists: only(DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM),
      playwrightPath: () => PLAYWRIGHT,
      headlessShell: false,
    })).toEqual({ executablePath: DEBIAN_CHROMIUM, origin: 'debian' })
  })

  it('falls back to Debian\'s Chromium', () => {
    expect(resolveChromium({
      env: {},
      exists: only(DEBIAN_CHROMIUM),
      playwrightPath: () => PLAYWRIGHT,
    })).toEqual({ executablePath: DEBIAN_CHROMIUM, origin: 'debian' })
  })

  it('treats a blank CHROMIUM_PATH as unset', () => {
    expect(resolveChromium({
      env: { CHROMIUM_PATH: '  ' },
      exists: only(DEBIAN_CHROMIUM),
      playwrightPath: () => PLAYWRIGHT,
    })).toEqual({ executablePath: DEBIAN_CHROMIUM, origin: 'debian' })
  })

  it('names both fixes in one line when there is no browser at all', () => {
    const resolve = (): unknown => resolveChromium({
      env: {},
      exists: only(),
      playwrightPath: () => PLAYWRIGHT,
    })
    expect(resolve).toThrow(BrowserNotFoundError)
    expect(resolve).toThrow(/apt-get install chromium-headless-shell/)
    expect(resolve).toThrow(/CHROMIUM_PATH/)
    expect(() => resolve()).not.toThrow(/\n/)
  })

  it('refuses a CHROMIUM_PATH that points nowhere rather than quietly using another browser', () => {
    const resolve = (): unknown => resolveChromium({
      env: { CHROMIUM_PATH: '/nowhere/chromium' },
      exists: only(DEBIAN_CHROMIUM),
      playwrightPath: () => PLAYWRIGHT,
    })
    expect(resolve).toThrow(BrowserNotFoundError)
    expect(resolve).toThrow('/nowhere/chromium')
  })
})
