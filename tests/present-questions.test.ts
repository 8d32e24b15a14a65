import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { LaunchedPresent } from '../scripts/present/launch.ts'
import type { ServerMessage } from '../shared/protocol.ts'
import type { Question } from '../shared/questions.ts'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import NodeWebSocket from 'ws'
import { launchChromium } from '../scripts/lib/browser.ts'
import { printPdf } from '../scripts/lib/print.ts'
import { launchPresent } from '../scripts/present/launch.ts'
import { loadQuestionsFile } from '../scripts/present/questions.ts'
import { QUESTION_CAPS } from '../scripts/present/relay.ts'
import { describeViolations, runAxe } from './support/axe.ts'
import { ROOT } from './support/paths.ts'
import { normalise, openPdf, pageTexts } from './support/pdf-read.ts'
import { questionsOf } from './support/questions.ts'

const run = promisify(execFile)

/**
 * Questions from the room against `./deck present` on 127.0.0.1 (its own process and state folder,
 * the run's build): an audience member asks on slide 7, the presenter and the remote see it there,
 * another listener sees it once shown and can "+1" it once, the presenter answers; an injection
 * string stays text everywhere; a flood is capped while others still ask; and a SIGKILL in the
 * middle of a burst loses no acknowledged question and doubles none. Every wait is on a condition.
 */
const PHONE = { width: 390, height: 844 }
const INJECTION = '<img src=x onerror=alert(1)>'

let temp: string
let port = 0
let server: LaunchedPresent | undefined
const output: string[] = []

async function start(): Promise<LaunchedPresent> {
  server = await launchPresent({
    dist: inject('distDir'),
    port,
    stateDir: join(temp, 'state'),
    rehearsals: join(temp, 'rehearsals'),
    onLine: line => output.push(line),
  })
  port = Number(new URL(server.urls.audience).port)
  return server
}

const keyOf = (running: LaunchedPresent): string => new URL(running.urls.presenter).hash.replace('#key=', '')

/** A relay client from the test itself: says hello (with the key if given) and keeps what it hears. */
async function client(options: { key?: string, asker?: string } = {}): Promise<{ ws: NodeWebSocket, inbox: ServerMessage[], questions: () => Question[], close: () => Promise<void> }> {
  const ws = new NodeWebSocket(`ws://127.0.0.1:${port}/__present/ws`, { origin: `http://127.0.0.1:${port}` })
  const inbox: ServerMessage[] = []
  ws.on('message', data => inbox.push(JSON.parse(data.toString()) as ServerMessage))
  ws.on('error', () => {})
  await new Promise((done, fail) => {
    ws.once('open', done)
    ws.once('error', fail)
  })
  ws.send(JSON.stringify({
    type: 'hello',
    // A remote, not a presenter: the relay hands moves to the last presenter that said hello, the page.
    role: options.key ? 'remote' : 'audience',
    ...(options.key
      ? { key: options.key }
      : {}),
    ...(options.asker
      ? { asker: options.asker }
      : {}),
  }))
  return {
    ws,
    inbox,
    questions: () => questionsOf(inbox),
    close: async () => {
      if (ws.readyState === ws.CLOSED)
        return
      const closed = new Promise(done => ws.once('close', done))
      ws.close()
      await closed
    },
  }
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}`)
    await new Promise(done => setTimeout(done, 20))
  }
}

describe('questions from the room, live', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const dialogs: string[] = []
  let presenter: Page
  let remote: Page
  let asker: Page
  let listener: Page

  async function open(url: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
    // Without the served Content-Security-Policy (which would stop an inline handler anyway, and
    // axe's injected script): what keeps the injection string from running is that it is text.
    const context = await browser.newContext({ ...options, bypassCSP: true })
    contexts.push(context)
    const page = await context.newPage()
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(url)
    return page
  }

  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'present-questions-'))
    const running = await start()
    browser = await launchChromium()
    presenter = await open(running.urls.presenter, {
      viewport: { width: 1280, height: 800 },
    })
    await presenter.getByText('Relay connected').waitFor()
    // The talk is on slide 7 when the room opens the audience view.
    const key = await client({
      key: keyOf(running),
    })
    key.ws.send(JSON.stringify({
      type: 'nav',
      action: 'go',
      page: 7,
      key: keyOf(running),
    }))
    await presenter.waitForFunction(() => location.pathname === '/presenter/7')
    await key.close()
    remote = await open(running.urls.remote, { viewport: PHONE, isMobile: true, hasTouch: true })
    asker = await open(running.urls.audience, { viewport: PHONE, isMobile: true, hasTouch: true })
    listener = await open(running.urls.audience, { viewport: PHONE, isMobile: true, hasTouch: true })
    for (const page of [asker, listener])
      await page.getByRole('button', { name: 'Ask a question' }).waitFor()
  })

  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.log(`present's output:\n${output.filter(line => !line.includes('#key=')).join('\n')}`))
  })

  afterAll(async () => {
    for (const context of contexts)
      await context.close()
    await browser?.close()
    await server?.stop()
    await rm(temp, { recursive: true, force: true })
  })

  it('a question asked on slide 7 reaches the presenter and the remote under slide 7, as text', async () => {
    expect(new URL(asker.url()).pathname).toBe('/7')
    await asker.getByRole('button', { name: 'Ask a question' }).click()
    const dialog = asker.getByRole('dialog', { name: 'Ask about slide 7' })
    await dialog.getByLabel('Your question').fill(INJECTION)
    await dialog.getByLabel('Your name (optional)').fill('Ana')
    await dialog.getByRole('button', { name: 'Send' }).click()
    await dialog.getByText(/^Received/).waitFor()
    await dialog.getByText(INJECTION, { exact: true }).waitFor()
    const violations = await runAxe(asker)
    expect(violations, describeViolations(violations)).toEqual([])

    await presenter.getByRole('button', { name: /^Questions \(1 new, 1 on this slide\)/ }).click()
    const item = presenter.locator('[data-queue-slide="7"] [data-question]')
    await item.first().waitFor()
    expect(await item.locator('.text').textContent()).toBe(INJECTION)
    expect(await presenter.locator('#present-questions').getByText('Ana').count()).toBe(1)

    await remote.getByText(/^Questions \(1 new, 1 on this slide, 1 in all\)/).click()
    expect(await remote.locator('[data-queue-slide="7"] [data-question] .text').textContent()).toBe(INJECTION)
    for (const page of [asker, presenter, remote])
      expect(await page.locator('img[src="x"]').count()).toBe(0)
  })

  it('another listener sees it only once shown, can +1 it once, still once after a reload', async () => {
    await listener.getByRole('button', { name: 'Ask a question' }).click()
    const dialog = listener.getByRole('dialog')
    expect(await dialog.getByText(INJECTION).count()).toBe(0)
    await presenter.locator('#present-questions').getByRole('button', { name: 'Show to the room' }).click()
    const vote = dialog.getByRole('button', { name: /^\+1 \(0\)/ })
    await vote.click()
    await dialog.getByRole('button', { name: /^\+1 \(1\)/ }).waitFor()
    expect(await dialog.getByRole('button', { name: /^\+1/ }).isDisabled()).toBe(true)
    await listener.reload()
    await listener.getByRole('button', { name: 'Ask a question' }).click()
    const again = listener.getByRole('dialog').getByRole('button', { name: /^\+1 \(1\)/ })
    await again.waitFor()
    expect(await again.isDisabled()).toBe(true)
    await presenter.locator('[data-question] .meta', { hasText: '+1' }).waitFor()
  })

  it('the presenter answers it; the asker sees the answer', async () => {
    const queue = presenter.locator('#present-questions')
    await queue.getByLabel('Answer (optional, one line)').fill('Two clusters of 1000 nodes.')
    await queue.getByRole('button', { name: 'Answered' }).click()
    await asker.getByRole('dialog').getByText('Answered: Two clusters of 1000 nodes.').waitFor()
    expect(dialogs).toEqual([])
  })

  it('a flood from one browser hits the caps, and another listener still asks', async () => {
    const refusedBefore = output.filter(line => line.includes('refused a question')).length
    await listener.evaluate(async ({ port, count }) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/__present/ws`)
      await new Promise(done => ws.addEventListener('open', done))
      for (let i = 0; i < count; i++) {
        ws.send(JSON.stringify({
          type: 'ask',
          slide: 3,
          text: `Flood ${i}`,
          asker: 'flooding-browser-0001',
          nonce: `flood-nonce-${i}`,
        }))
      }
      await new Promise(done => setTimeout(done, 0))
    }, { port, count: 15 })
    await until(() => output.filter(line => line.includes('refused a question')).length - refusedBefore >= 15 - QUESTION_CAPS.askBurst, 'the flood to be refused')
    const third = await open(server!.urls.audience, { viewport: PHONE })
    await third.getByRole('button', { name: 'Ask a question' }).click()
    await third.getByLabel('Your question').fill('Still heard?')
    await third.getByRole('button', { name: 'Send' }).click()
    await third.getByText(/^Received/).waitFor()
  })

  it('./deck questions lists them per slide and exports JSON and Markdown', async () => {
    const state = join(temp, 'state')
    const { stdout } = await run(process.execPath, ['scripts/present/questions.ts', '--state-dir', state], { cwd: ROOT })
    expect(stdout).toContain('## Slide 7: ')
    expect(stdout).toContain(`- ${INJECTION} (Ana) [shown, answered, 1 +1]`)
    const json = join(temp, 'questions.json')
    await run(process.execPath, [
      'scripts/present/questions.ts',
      '--state-dir',
      state,
      '--json',
      json,
    ], { cwd: ROOT })
    const exported = JSON.parse(await readFile(json, 'utf8')) as { meeting: string, questions: Question[] }
    expect(exported.meeting).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(exported.questions.find(q => q.slide === 7)).toMatchObject({
      text: INJECTION,
      name: 'Ana',
      answered: true,
      answer: 'Two clusters of 1000 nodes.',
      votes: 1,
    })

    // The handout made afterwards prints it under slide 7's notes and on the closing page, as text; what was never shown, not at all.
    const out = join(temp, 'handout.pdf')
    const printed = await printPdf({
      layout: 'notes',
      distDir: inject('distDir'),
      out,
      questions: loadQuestionsFile(json),
      browser,
    })
    const texts = await pageTexts(await openPdf(out))
    const slide7 = printed.manifest.pages.find(p => p.slides.some(s => s.no === 7))!
    expect(texts[slide7.index]).toContain(normalise(`${INJECTION} (Ana)`))
    expect(texts[slide7.index]).toContain('Answered: Two clusters of 1000 nodes.')
    const closing = printed.manifest.pages.find(p => p.kind === 'questions')!
    expect(texts[closing.index]).toContain('Questions from the meeting on')
    expect(texts.join(' ')).not.toContain('Still heard?')
    expect(texts.join(' ')).not.toContain('Flood 1')
  })

  it('a SIGKILL in the middle of a burst loses no acknowledged question and doubles none', async () => {
    const running = server!
    const burst = await client({ asker: 'burst-browser-00000001' })
    const acked = new Set<string>()
    burst.ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage
      if (message.type === 'asked')
        acked.add(message.nonce)
    })
    // One connection a question (the per-connection cap is a burst of three), from many browsers.
    const senders = await Promise.all(Array.from({ length: 40 }, (_, i) => client({ asker: `burst-browser-${String(i).padStart(8, '0')}` })))
    for (const [i, sender] of senders.entries()) {
      sender.ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as ServerMessage
        if (message.type === 'asked')
          acked.add(message.nonce)
      })
      sender.ws.send(JSON.stringify({
        type: 'ask',
        slide: 2,
        text: `Burst ${i}`,
        asker: `burst-browser-${String(i).padStart(8, '0')}`,
        nonce: `burst-nonce-${String(i).padStart(4, '0')}`,
      }))
      if (i === 20) {
        await until(() => acked.size > 0, 'a first acknowledgement')
        running.process.kill('SIGKILL')
      }
    }
    await new Promise(done => running.process.once('exit', done))
    const ackedBeforeKill = new Set(acked)
    expect(ackedBeforeKill.size).toBeGreaterThan(0)
    await Promise.all([burst, ...senders].map(c => c.close().catch(() => {})))

    const restarted = await start()
    const key = await client({
      key: keyOf(restarted),
    })
    await until(() => key.inbox.some(m => m.type === 'questions'), 'the questions after the restart')
    const burstTexts = key.questions().filter(q => q.text.startsWith('Burst ')).map(q => q.text)
    for (const nonce of ackedBeforeKill)
      expect(burstTexts, `acknowledged ${nonce} is kept`).toContain(`Burst ${Number(nonce.slice(-4))}`)
    expect(new Set(burstTexts).size).toBe(burstTexts.length)
    // The earlier questions are there too, as they were.
    expect(key.questions().find(q => q.slide === 7)).toMatchObject({
      text: INJECTION,
      visibility: 'shown',
      answered: true,
      votes: 1,
    })
    await key.close()
  })
})
