import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { LaunchedPresent } from '../scripts/present/launch.ts'
import type { PaceSnapshot, ServerMessage } from '../shared/protocol.ts'
import type { Rehearsal } from '../shared/rehearsal.ts'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import NodeWebSocket from 'ws'
import { launchChromium } from '../scripts/lib/browser.ts'
import { SECURITY_HEADERS } from '../scripts/lib/hosting.ts'
import { launchPresent } from '../scripts/present/launch.ts'
import { loadPlan } from '../scripts/present/plan.ts'
import { readRehearsals, rehearsalReport } from '../scripts/present/rehearsal.ts'
import { elapsedMs } from '../shared/pacing.ts'
import { isRehearsal } from '../shared/rehearsal.ts'
import { describeViolations, runAxe } from './support/axe.ts'
import { loadDeckWithContent } from './support/deck.ts'

/**
 * `./deck present` as the meeting sees it: the server runs as its own process on 127.0.0.1 (port
 * chosen by the system, kept for the restart), serving the run's one build; each person is a
 * separate browser context. Every wait is on a condition, never a fixed time.
 */
const PHONE = { width: 390, height: 844 }

type Running = LaunchedPresent

let temp: string
let port = 0
const allOutput: string[] = []

async function startServer(): Promise<Running> {
  const launched = await launchPresent({
    dist: inject('distDir'),
    port,
    stateDir: join(temp, 'state'),
    rehearsals: join(temp, 'rehearsals'),
    onLine: line => allOutput.push(line),
  })
  port = Number(new URL(launched.urls.audience).port)
  return launched
}

async function stopServer(running: Running | undefined): Promise<void> {
  await running?.stop()
}

const secretOf = (running: Running): string => new URL(running.urls.presenter).hash.replace('#key=', '')

/** The relay as a test client sees it, with the key: its latest pace clock. */
async function watchPace(running: Running): Promise<{ pace: () => PaceSnapshot | undefined, close: () => void }> {
  const ws = new NodeWebSocket(`ws://127.0.0.1:${port}/__present/ws`, { origin: `http://127.0.0.1:${port}` })
  let pace: PaceSnapshot | undefined
  ws.on('message', (data: NodeWebSocket.RawData) => {
    const message = JSON.parse(data.toString()) as ServerMessage
    if (message.type === 'welcome' || message.type === 'pace' || (message.type === 'state' && message.pace))
      pace = message.pace ?? pace
  })
  await new Promise(done => ws.once('open', done))
  ws.send(JSON.stringify({
    type: 'hello',
    role: 'audience',
    key: secretOf(running),
  }))
  return {
    pace: () => pace,
    close: () => ws.close(),
  }
}

/** Sends one command with the key, as a remote would, from a test client. */
async function command(running: Running, message: object): Promise<void> {
  const ws = new NodeWebSocket(`ws://127.0.0.1:${port}/__present/ws`, { origin: `http://127.0.0.1:${port}` })
  await new Promise(done => ws.once('open', done))
  ws.send(JSON.stringify({
    ...message,
    key: secretOf(running),
  }))
  const closed = new Promise(done => ws.once('close', done))
  ws.close()
  await closed
}

const slideOf = (page: Page): number => Number(/\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1] ?? 0)

async function waitForPath(page: Page, path: RegExp): Promise<void> {
  await page.waitForFunction(source => new RegExp(source).test(location.pathname), path.source, { timeout: 20_000 })
}

describe('./deck present in the meeting room', () => {
  let server: Running | undefined
  let browser: Browser
  const contexts: BrowserContext[] = []
  let presenter: Page
  let remote: Page
  let audience: Page[]

  async function open(url: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    const context = await browser.newContext(options)
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(url)
    return page
  }

  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'present-test-'))
    server = await startServer()
    browser = await launchChromium()
    presenter = await open(server.urls.presenter, {
      viewport: { width: 1280, height: 800 },
    })
    remote = await open(server.urls.remote, {
      viewport: PHONE,
      screen: PHONE,
      isMobile: true,
      hasTouch: true,
    })
    audience = [
      await open(server.urls.audience),
      await open(server.urls.audience, { viewport: PHONE, isMobile: true, hasTouch: true }),
    ]
    await presenter.getByText('Relay connected').waitFor()
    await remote.getByText('Connected', { exact: true }).waitFor()
    for (const page of audience)
      await page.getByText('Live: following the talk').waitFor({ state: 'attached' })
  })

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.log(`present's output:\n${allOutput.filter(line => !line.includes('#key=')).join('\n')}`))
  })

  afterAll(async () => {
    for (const context of contexts)
      await context.close()
    await browser?.close()
    await stopServer(server)
    await rm(temp, { recursive: true, force: true })
  })

  it('prints the three URLs; the key is in the presenter\'s only, in the fragment; the remote\'s carries a pairing code', () => {
    const secret = secretOf(server!)
    expect(secret).toMatch(/^[\w-]{43}$/)
    expect(server!.urls.presenter).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/presenter\/1#key=/)
    expect(server!.urls.remote).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/remote#pair=[\w-]{16,}$/)
    expect(server!.urls.audience).not.toContain(secret)
    expect(server!.lines.filter(line => line.includes(secret)).map(line => line.split(':')[0])).toEqual(['Presenter'])
  })

  it('takes the key out of the address bar', async () => {
    await expect.poll(() => new URL(presenter.url()).hash).toBe('')
    await expect.poll(() => new URL(remote.url()).hash).toBe('')
  })

  it('next on the remote moves the presenter and both audience views', async () => {
    await remote.getByRole('button', { name: 'Next', exact: true }).click()
    await waitForPath(presenter, /^\/presenter\/2$/)
    for (const page of audience)
      await waitForPath(page, /^\/2$/)
    await remote.getByText('Slide 2 of').waitFor()
  })

  it('a listener browses back and returns to live with one button; nobody else moves', async () => {
    const [listener, other] = audience as [Page, Page]
    await listener.keyboard.press('ArrowLeft')
    await waitForPath(listener, /^\/1$/)
    const back = listener.getByRole('button', { name: /Back to live/ })
    await back.waitFor()
    await remote.getByRole('button', { name: 'Next', exact: true }).click()
    await waitForPath(presenter, /^\/presenter\/3$/)
    await waitForPath(other, /^\/3$/)
    expect(slideOf(listener)).toBe(1)
    await back.click()
    await waitForPath(listener, /^\/3$/)
    await listener.getByText('Live: following the talk').waitFor({ state: 'attached' })
  })

  it('a context without the key presses keys, forges messages and opens every route, and moves no one', async () => {
    const refusedBefore = allOutput.filter(line => line.includes('present: refused')).length
    const stranger = await open(server!.urls.audience)
    await stranger.getByText('Live: following the talk').waitFor({ state: 'attached' })
    for (const key of [
      'PageDown',
      'ArrowRight',
      'Space',
      'b',
      '.',
      'p',
    ])
      await stranger.keyboard.press(key)
    // Forged messages from the page itself: a hello claiming to present, commands without or with a wrong key,
    // a slide outside the deck, broken JSON, an unknown type, an oversized message.
    const forged = await stranger.evaluate(async () => {
      const ws = new WebSocket(new URL('/__present/ws', location.href).href.replace(/^http/, 'ws'))
      await new Promise(done => ws.addEventListener('open', done))
      const fake = 'A'.repeat(43)
      const messages = [
        { type: 'hello', role: 'presenter' },
        { type: 'hello', role: 'remote', key: fake },
        { type: 'nav', action: 'next' },
        { type: 'nav', action: 'next', key: fake },
        {
          type: 'nav',
          action: 'go',
          page: 9999,
          key: fake,
        },
        {
          type: 'state',
          page: 5,
          clicks: 0,
          clicksTotal: 0,
          key: fake,
        },
        { type: 'blank', on: true, key: fake },
        { type: 'clock', action: 'reset', key: fake },
        { type: 'rehearsal', action: 'save', key: fake },
        { type: 'shutdown', key: fake },
      ]
      for (const message of messages)
        ws.send(JSON.stringify(message))
      ws.send('{"type":"nav",')
      const closed = new Promise<number>(done => ws.addEventListener('close', event => done(event.code)))
      ws.send('x'.repeat(10_000))
      return closed
    })
    expect(forged).toBe(1009)
    // Ten refusals of the messages above (the first hello is allowed, as audience) plus the oversized one.
    await expect.poll(() => allOutput.filter(line => line.includes('present: refused')).length - refusedBefore, { timeout: 10_000 }).toBeGreaterThanOrEqual(11)
    // The remote last: the checks below go on on it.
    for (const path of [
      '/presenter/3',
      '/overview',
      '/notes',
      '/entry',
      '/5',
      '/presenter/7',
      '/remote',
    ]) {
      await stranger.goto(new URL(path, server!.urls.audience).href)
      await stranger.waitForFunction(() => (document.getElementById('app')?.childElementCount ?? 0) > 0)
      for (const key of ['PageDown', 'ArrowRight', 'b'])
        await stranger.keyboard.press(key)
    }
    // The remote without the key: its buttons are disabled, and clicking them anyway sends nothing that counts.
    expect(new URL(stranger.url()).pathname).toBe('/remote')
    await stranger.getByText('Connected, following only').waitFor()
    expect(await stranger.getByRole('button', { name: 'Next', exact: true }).isDisabled()).toBe(true)
    await stranger.evaluate(() => document.querySelectorAll('button').forEach(button => button.click()))
    // The stranger's own pages moved; the presenter, the remote and the audience did not.
    expect(new URL(presenter.url()).pathname).toBe('/presenter/3')
    for (const page of audience)
      expect(new URL(page.url()).pathname).toBe('/3')
    await remote.getByText('Slide 3 of').waitFor()
    expect(await audience[0]!.getByText('The screen is blanked').count()).toBe(0)
    // And the talk still moves for those with the key.
    await remote.getByRole('button', { name: 'Next', exact: true }).click()
    for (const page of audience)
      await waitForPath(page, /^\/4$/)
  })

  it('no file the site serves contains the key, and every response has the hosting headers', async () => {
    const secret = secretOf(server!)
    const dist = inject('distDir')
    const walk = async (dir: string): Promise<string[]> => (await Promise.all((await readdir(dir, { withFileTypes: true }))
      .map(entry => entry.isDirectory()
        ? walk(join(dir, entry.name))
        : [
            join(dir, entry.name),
          ]))).flat()
    const files = await walk(dist)
    expect(files.length).toBeGreaterThan(10)
    for (const file of files) {
      const response = await fetch(new URL(relative(dist, file).split('\\').join('/'), server!.urls.audience))
      const body = await response.text()
      expect(body.includes(secret), file).toBe(false)
    }
    for (const path of ['/', '/remote', '/presenter/1']) {
      const response = await fetch(new URL(path, server!.urls.audience))
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers.get(name), `${path} ${name}`).toBe(value)
      expect(await response.text()).not.toContain(secret)
    }
  })

  it('blanks every audience screen from the remote, and shows it again', async () => {
    await remote.getByRole('button', { name: 'Blank screen' }).click()
    for (const page of audience)
      await page.getByText('The screen is blanked').waitFor({ state: 'attached' })
    await presenter.getByText('Screen blanked').waitFor()
    await remote.getByRole('button', { name: 'Show screen' }).click()
    for (const page of audience)
      await page.getByText('The screen is blanked').waitFor({ state: 'detached' })
  })

  it('a clicker on the presenter\'s laptop: PageDown and PageUp move everyone, b and . blank every screen', async () => {
    const from = slideOf(presenter)
    await presenter.keyboard.press('PageDown')
    for (const page of audience)
      await waitForPath(page, new RegExp(`^/${from + 1}$`))
    await presenter.keyboard.press('PageUp')
    for (const page of audience)
      await waitForPath(page, new RegExp(`^/${from}$`))
    await presenter.keyboard.press('b')
    for (const page of audience)
      await page.getByText('The screen is blanked').waitFor({ state: 'attached' })
    await presenter.getByText('Screen blanked').waitFor()
    await presenter.keyboard.press('.')
    for (const page of audience)
      await page.getByText('The screen is blanked').waitFor({ state: 'detached' })
  })

  it('the projector window beside the presenter\'s: a clicker there moves the talk, and it still follows the remote', async () => {
    // Same browser as the presenter view (its windows sync through Slidev's own channel), no key.
    const projector = await presenter.context().newPage()
    await projector.goto(server!.urls.audience)
    const from = slideOf(presenter)
    await waitForPath(projector, new RegExp(`^/${from}$`))
    // The projector's slide show is up and following (its page paints from HTML before that).
    await projector.getByText('Live: following the talk').waitFor({ state: 'attached' })
    await projector.keyboard.press('PageDown')
    await waitForPath(presenter, new RegExp(`^/presenter/${from + 1}$`))
    for (const page of audience)
      await waitForPath(page, new RegExp(`^/${from + 1}$`))
    await remote.getByRole('button', { name: 'Next', exact: true }).click()
    await waitForPath(projector, new RegExp(`^/${from + 2}$`))
    await remote.getByRole('button', { name: 'Previous', exact: true }).click()
    await remote.getByRole('button', { name: 'Previous', exact: true }).click()
    await waitForPath(projector, new RegExp(`^/${from}$`))
    await projector.getByText('Live: following the talk').waitFor({ state: 'attached' })
    await projector.close()
  })

  it('follows clicks too: the remote\'s Next reveals the next click on every screen', async () => {
    const deck = await loadDeckWithContent()
    const withClicks = deck.slides.find(slide => /\bv-click\b/.test(slide.content))!
    await command(server!, { type: 'nav', action: 'go', page: withClicks.number })
    await waitForPath(presenter, new RegExp(`^/presenter/${withClicks.number}$`))
    for (const page of audience)
      await waitForPath(page, new RegExp(`^/${withClicks.number}$`))
    await remote.getByText(/step 0 of [1-9]/).waitFor()
    await remote.getByRole('button', { name: 'Next', exact: true }).click()
    for (const page of [presenter, ...audience])
      await page.waitForFunction(() => new URLSearchParams(location.search).get('clicks') === '1')
    await remote.getByText(/step 1 of [1-9]/).waitFor()
    await command(server!, { type: 'nav', action: 'go', page: 4 })
    for (const page of audience)
      await waitForPath(page, /^\/4$/)
  })

  it('pause and resume keep the pace: paused time is not talk time', async () => {
    const watch = await watchPace(server!)
    try {
      await expect.poll(() => watch.pace()?.clock.startedAt ?? null).not.toBeNull()
      await remote.getByRole('button', { name: 'Pause for questions' }).click()
      await expect.poll(() => watch.pace()?.clock.pausedAt ?? null).not.toBeNull()
      await presenter.getByText('Paused', { exact: true }).waitFor()
      const pausedAt = watch.pace()!.clock.pausedAt!
      const elapsedAtPause = elapsedMs(watch.pace()!.clock, pausedAt)
      // The question: a second and a half on the server's clock, waited for as a condition.
      await expect.poll(() => Date.now() - pausedAt, { interval: 100, timeout: 5000 }).toBeGreaterThan(1500)
      await remote.getByRole('button', { name: 'Resume' }).click()
      await expect.poll(() => watch.pace()?.clock.pausedAt).toBeNull()
      const clock = watch.pace()!.clock
      expect(clock.pausedMs).toBeGreaterThanOrEqual(1500)
      expect(elapsedMs(clock, Date.now()) - elapsedAtPause).toBeLessThan(1500)
      // The presenter's strip shows the same elapsed time, give or take its half-second tick.
      const shown = (await presenter.locator('.pacing-bar dd').first().textContent())?.trim() ?? ''
      const [min, sec] = shown.split(':').map(Number) as [number, number]
      expect(Math.abs((min * 60 + sec) * 1000 - elapsedMs(clock, Date.now()))).toBeLessThan(2000)
      await presenter.getByRole('button', { name: 'Pause' }).waitFor()
      // One clock: Slidev's own countdown and its bar are in the page, and not shown beside the strip.
      const timers = presenter.locator('[data-recap-timer]')
      expect(await timers.count(), 'Slidev\'s timers, tagged by the build').toBe(2)
      expect(await timers.evaluateAll(els => els.filter(el => el.checkVisibility()).length), 'Slidev\'s timers shown beside the pacing strip').toBe(0)
    }
    finally {
      watch.close()
    }
  })

  it('writes a rehearsal through the presenter view and reads it back', async () => {
    await presenter.getByRole('button', { name: 'Save rehearsal' }).click()
    await presenter.getByText(/Saved .+\.json/).waitFor()
    const dir = join(temp, 'rehearsals')
    const runs = readRehearsals(dir)
    expect(runs).toHaveLength(1)
    const run = runs[0]!
    expect(isRehearsal(run)).toBe(true)
    expect(run.slides.find(slide => slide.no === 2)!.ms).toBeGreaterThan(0)
    const report = rehearsalReport(await loadPlan(), runs)
    expect(report).toContain('Suggested budgets')
    for (const section of run.sections)
      expect(report).toContain(section.title)
    const text = JSON.parse(await readFile(join(dir, (await readdir(dir))[0]!), 'utf8')) as unknown
    expect(text).toEqual(run)
    // The presenter view now shows the rehearsed time of the slide beside the live one.
    await presenter.getByText(/\(rehearsed \d+:\d\d\)/).waitFor()
  })

  it('axe finds nothing on the remote and the audience view', async () => {
    // axe is injected as an inline script, which the site's policy forbids: this context bypasses it.
    const phone = await open(server!.urls.remote, {
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    })
    await phone.getByText('Connected', { exact: true }).waitFor()
    const remoteViolations = await runAxe(phone)
    expect(remoteViolations, describeViolations(remoteViolations)).toEqual([])
    const listener = await open(server!.urls.audience, { bypassCSP: true })
    await listener.getByText('Live: following the talk').waitFor({ state: 'attached' })
    const audienceViolations = await runAxe(listener)
    expect(audienceViolations, describeViolations(audienceViolations)).toEqual([])
  })

  it('without the relay the presenter still presents from the keyboard; after a restart everyone reconnects and catches up', async () => {
    const before = await watchPace(server!)
    await expect.poll(() => before.pace()?.clock.startedAt ?? null).not.toBeNull()
    const startedAt = before.pace()!.clock.startedAt
    before.close()
    await stopServer(server)
    const stoppedAt = Date.now()
    await presenter.getByText(/Relay offline/).waitFor()
    await remote.getByText('Reconnecting…').waitFor()
    const from = slideOf(presenter)
    await presenter.keyboard.press('ArrowDown')
    await waitForPath(presenter, new RegExp(`^/presenter/${from + 1}$`))
    const secret = secretOf(server!)
    server = await startServer()
    expect(secretOf(server), 'the key is kept across restarts').toBe(secret)
    await presenter.getByText('Relay connected').waitFor()
    await remote.getByText('Connected', { exact: true }).waitFor()
    await remote.getByText(`Slide ${from + 1} of`).waitFor()
    const after = await watchPace(server)
    // The run goes on across the restart (the session is kept in the state folder), its clock
    // paused where the graceful stop left it: the time the server was down is no talk time.
    await expect.poll(() => after.pace()?.clock.startedAt).toBe(startedAt)
    const resumed = after.pace()!.clock
    expect(resumed.pausedAt, 'the clock after a graceful stop').not.toBeNull()
    expect(resumed.pausedAt!, 'the clock stopped when the server did').toBeLessThanOrEqual(stoppedAt)
    await presenter.getByRole('button', { name: 'Resume' }).waitFor()
    after.close()
    for (const page of audience)
      await waitForPath(page, new RegExp(`^/${from + 1}$`))
    await remote.getByRole('button', { name: 'Next', exact: true }).click()
    await waitForPath(presenter, new RegExp(`^/presenter/${from + 2}$`))
  })

  it('after a crash (SIGKILL) the run resumes: the downtime is counted, marked in the log and in a saved rehearsal, and no slide\'s', async () => {
    await presenter.getByRole('button', { name: 'Resume' }).click()
    const sessionFile = join(temp, 'state', 'session.json')
    const running = async (): Promise<boolean> => {
      const session = JSON.parse(await readFile(sessionFile, 'utf8').catch(() => '{}')) as { clock?: { startedAt: number | null, pausedAt: number | null } }
      return session.clock?.startedAt != null && session.clock.pausedAt === null
    }
    await expect.poll(running).toBe(true)
    const slide = slideOf(presenter)
    const exited = new Promise(done => server!.process.once('exit', done))
    server!.process.kill('SIGKILL')
    await exited
    server = await startServer()
    await expect.poll(() => allOutput.some(line => line.includes(`on slide ${slide}`) && /relay down \d+:\d\d/.test(line))).toBe(true)
    const after = await watchPace(server)
    await expect.poll(() => after.pace()?.log.downtime?.at(-1)?.slide).toBe(slide)
    expect(after.pace()!.clock.pausedAt, 'the run goes on after a crash').toBeNull()
    after.close()
    await presenter.getByText('Relay connected').waitFor()
    // Saved rehearsals only (an atomic write's temporary file is in the folder for a moment too).
    const saved = (): Rehearsal[] => readRehearsals(join(temp, 'rehearsals'), () => {})
    const before = saved().length
    await command(server, { type: 'rehearsal', action: 'save' })
    await expect.poll(() => saved().length).toBe(before + 1)
    const newest = saved().at(-1)!
    expect(newest.downtime?.at(-1)).toMatchObject({
      slide,
      note: expect.stringMatching(new RegExp(`^relay down \\d+:\\d\\d on slide ${slide}$`)),
    })
  })

  it('a phone unpaired from the presenter view moves no one (refused and counted), a second paired phone still does, and a fresh scan pairs again', async () => {
    const phoneOptions = { viewport: PHONE, isMobile: true, hasTouch: true }
    const second = await open(server!.urls.remote, phoneOptions)
    await second.getByText('Connected', { exact: true }).waitFor()
    await presenter.getByRole('button', { name: 'Remote' }).click()
    const devices = presenter.locator('#present-qr [data-device]')
    await expect.poll(() => devices.count()).toBeGreaterThanOrEqual(2)
    const names = await devices.locator('strong').allTextContents()
    // The first phone paired in this file is the remote of the tests above.
    await presenter.getByRole('button', { name: `Unpair ${names[0]}` }).click()
    await remote.getByText('Connected, following only').waitFor()
    const refusedBefore = allOutput.filter(line => line.includes('refused') && line.includes('unauthorized')).length
    const from = slideOf(presenter)
    expect(await remote.getByRole('button', { name: 'Next', exact: true }).isDisabled()).toBe(true)
    // Its token, sent by hand as a command, is refused and counted.
    const token = await remote.evaluate(() => localStorage.getItem('recap-present-device'))
    const ws = new NodeWebSocket(`ws://127.0.0.1:${port}/__present/ws`, { origin: `http://127.0.0.1:${port}` })
    await new Promise(done => ws.once('open', done))
    ws.send(JSON.stringify({ type: 'nav', action: 'next', key: token }))
    await expect.poll(() => allOutput.filter(line => line.includes('refused') && line.includes('unauthorized')).length).toBeGreaterThan(refusedBefore)
    ws.close()
    expect(slideOf(presenter)).toBe(from)
    await second.getByRole('button', { name: 'Next', exact: true }).click()
    await waitForPath(presenter, new RegExp(`^/presenter/${from + 1}$`))
    // Scanning the QR code again pairs the first phone anew.
    await remote.goto('about:blank')
    await remote.goto(server!.urls.remote)
    await remote.getByText('Connected', { exact: true }).waitFor()
    await remote.getByRole('button', { name: 'Previous', exact: true }).click()
    await waitForPath(presenter, new RegExp(`^/presenter/${from}$`))
    await presenter.getByRole('button', { name: 'Remote' }).click()
  })

  it('a swipe on the remote moves the talk: right to left is Next, left to right is Previous', async () => {
    const cdp = await remote.context().newCDPSession(remote)
    const swipe = async (from: number, to: number): Promise<void> => {
      const y = PHONE.height / 2
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [
          { x: from, y },
        ],
      })
      for (let i = 1; i <= 8; i++) {
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [
            { x: from + ((to - from) * i) / 8, y },
          ],
        })
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    }
    const from = slideOf(presenter)
    await swipe(320, 60)
    await waitForPath(presenter, new RegExp(`^/presenter/${from + 1}$`))
    await swipe(60, 320)
    await waitForPath(presenter, new RegExp(`^/presenter/${from}$`))
    await cdp.detach()
  })
})
