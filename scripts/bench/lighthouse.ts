// Lighthouse against a built deck served on loopback, in the same Chromium as everything else:
// launchOfflineChromium() with a remote-debugging port that Lighthouse connects to. A fresh browser for
// each run. Hosts other than 127.0.0.1 do not resolve, so remote assets fail at once, as offline.
import type { Flags, RunnerResult } from 'lighthouse'
import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { launchOfflineChromium } from '../lib/offline.ts'

export const CATEGORIES = [
  'performance',
  'accessibility',
  'best-practices',
  'seo',
] as const
export type Category = typeof CATEGORIES[number]
export type Preset = 'mobile' | 'desktop'

export interface LighthouseRun {
  preset: Preset
  /** 0–100 per category. */
  scores: Record<Category, number>
  /** Audits that lost points, with their score, for the report. */
  failing: { id: string, title: string, score: number, category: Category }[]
  metrics: { fcp: number, lcp: number, tbt: number, cls: number, si: number }
  /** Lighthouse's measure of this machine's speed at the time (a typical desktop scores 1000 to 2000). */
  benchmarkIndex: number
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  await new Promise<void>(done => server.close(() => done()))
  return port
}

export async function runLighthouse(url: string, preset: Preset): Promise<LighthouseRun> {
  const port = await freePort()
  const browser = await launchOfflineChromium({
    args: [`--remote-debugging-port=${port}`],
  })
  try {
    const flags: Flags = {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      maxWaitForLoad: 45_000,
    }
    const result: RunnerResult | undefined = await lighthouse(url, flags, preset === 'desktop'
      ? desktopConfig
      : undefined)
    if (!result)
      throw new Error(`Lighthouse returned nothing for ${url}`)
    const { lhr } = result
    if (lhr.runtimeError)
      throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`)
    const scores = {} as Record<Category, number>
    const failing: LighthouseRun['failing'] = []
    for (const category of CATEGORIES) {
      const entry = lhr.categories[category]
      scores[category] = Math.round((entry?.score ?? Number.NaN) * 100)
      for (const ref of entry?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id]
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9)
          continue
        if (audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'manual')
          continue
        failing.push({
          id: audit.id,
          title: audit.title,
          score: audit.score,
          category,
        })
      }
    }
    const metric = (id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN
    return {
      preset,
      scores,
      failing,
      benchmarkIndex: lhr.environment.benchmarkIndex,
      metrics: {
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        si: metric('speed-index'),
      },
    }
  }
  finally {
    await browser.close()
  }
}
