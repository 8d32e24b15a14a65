import type { Browser } from 'playwright-chromium'
import { chromium } from 'playwright-chromium'
import { inject } from 'vitest'

/**
 * The run's one Chromium (started by the global setup), connected to: each test file opens its own
 * contexts in it instead of starting a browser. Closing the returned Browser only disconnects.
 */
export async function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'))
}
