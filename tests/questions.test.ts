import type { Peer, QuestionsLog } from '../scripts/present/relay.ts'
import type { ServerMessage } from '../shared/protocol.ts'
import type { Question, QuestionEvent } from '../shared/questions.ts'
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openQuestionsLog, readQuestionEvents } from '../scripts/present/questions-log.ts'
import { QUESTION_CAPS, Relay } from '../scripts/present/relay.ts'
import { buildPlan } from '../shared/pacing.ts'
import { parseClientMessage } from '../shared/protocol.ts'
import { bookOf, forAudience, printedQuestions, questionsMarkdown } from '../shared/questions.ts'
import { questionsOf } from './support/questions.ts'

// Questions from the room (issue 17): the relay's rules (who sees what, who may change what, the
// caps), and the log that keeps every acknowledged question across a crash.

const plan = buildPlan([1, 2, 3, 4, 5, 6, 7, 8].map(no => ({
  no,
  title: `Slide ${no}`,
  frontmatter: no === 1
    ? { section: 'All', budget: '10min' }
    : {},
})), '10min')
const KEY = 'k'.repeat(43)
const INJECTION = '<img src=x onerror=alert(1)>'

type TestPeer = Peer & { inbox: ServerMessage[] }

function setup(log?: QuestionsLog) {
  let now = Date.UTC(2026, 11, 4, 9)
  const relay = new Relay({
    plan,
    secret: KEY,
    now: () => now,
    ...(log
      ? { questions: log }
      : {}),
  })
  let address = 0
  const peer = (options: { key?: string, asker?: string, address?: string } = {}): TestPeer => {
    const inbox: ServerMessage[] = []
    const p: TestPeer = {
      id: Math.random(),
      address: options.address ?? `192.0.2.${++address}`,
      role: 'audience',
      authorized: false,
      send: (text: string) => inbox.push(JSON.parse(text) as ServerMessage),
      inbox,
    }
    relay.connect(p)
    relay.receive(p, JSON.stringify({
      type: 'hello',
      role: options.key ? 'presenter' : 'audience',
      ...(options.key
        ? { key: options.key }
        : {}),
      ...(options.asker
        ? { asker: options.asker }
        : {}),
    }))
    return p
  }
  return {
    relay,
    peer,
    advance: (ms: number) => { now += ms },
  }
}

const browser = (n: number): string => `browser-${String(n).padStart(10, '0')}`
const send = (relay: Relay, peer: Peer, message: object): void => relay.receive(peer, JSON.stringify(message))
/** The questions a client has, as the browser keeps them. */
const lastQuestions = (peer: TestPeer): Question[] => questionsOf(peer.inbox)
function askOf(slide: number, text: string, asker: string, nonce: string, name?: string): object {
  return {
    type: 'ask',
    slide,
    text,
    asker,
    nonce,
    ...(name
      ? { name }
      : {}),
  }
}

describe('questions from the room: the relay\'s rules', () => {
  it('an ask reaches key holders under its slide, its asker hears it was received, the room does not see it until shown', () => {
    const { relay, peer } = setup()
    const presenter = peer({ key: KEY })
    const asker = peer({
      asker: browser(1),
    })
    const other = peer({
      asker: browser(2),
    })
    send(relay, asker, askOf(7, 'How many nodes per cluster?', browser(1), 'nonce-0001', 'Ana'))
    const acked = asker.inbox.find(m => m.type === 'asked') as { id: string, nonce: string }
    expect(acked.nonce).toBe('nonce-0001')
    expect(lastQuestions(presenter)).toMatchObject([
      {
        id: acked.id,
        slide: 7,
        text: 'How many nodes per cluster?',
        name: 'Ana',
        visibility: 'pending',
      },
    ])
    expect(lastQuestions(asker)).toMatchObject([
      { id: acked.id, mine: true, visibility: 'pending' },
    ])
    expect(lastQuestions(other)).toEqual([])

    send(relay, presenter, {
      type: 'question',
      key: KEY,
      id: acked.id,
      action: 'show',
    })
    expect(lastQuestions(other)).toMatchObject([
      { id: acked.id, visibility: 'shown', votes: 0 },
    ])
    expect(lastQuestions(other)[0]).not.toHaveProperty('mine')
  })

  it('a "+1" counts once per browser, however often it reconnects, and only on a shown question', () => {
    const { relay, peer } = setup()
    const presenter = peer({ key: KEY })
    const asker = peer({
      asker: browser(1),
    })
    send(relay, asker, askOf(2, 'Is Magnum production ready?', browser(1), 'nonce-0002'))
    const { id } = asker.inbox.find(m => m.type === 'asked') as { id: string }
    const voter = peer({
      asker: browser(2),
    })
    send(relay, voter, {
      type: 'vote',
      id,
      asker: browser(2),
    })
    expect(relay.refused.invalid).toBe(1)
    send(relay, presenter, {
      type: 'question',
      key: KEY,
      id,
      action: 'show',
    })
    send(relay, voter, {
      type: 'vote',
      id,
      asker: browser(2),
    })
    const again = peer({
      asker: browser(2),
    })
    send(relay, again, {
      type: 'vote',
      id,
      asker: browser(2),
    })
    expect(lastQuestions(presenter)[0]!.votes).toBe(1)
    send(relay, peer(), {
      type: 'vote',
      id,
      asker: browser(3),
    })
    expect(lastQuestions(presenter)[0]!.votes).toBe(2)
  })

  it('without the key no one shows, hides or answers a question, nor sees hidden ones; the refusals are counted', () => {
    const { relay, peer } = setup()
    const presenter = peer({ key: KEY })
    const asker = peer({
      asker: browser(1),
    })
    send(relay, asker, askOf(3, 'Why LXD?', browser(1), 'nonce-0003'))
    const { id } = asker.inbox.find(m => m.type === 'asked') as { id: string }
    const stranger = peer()
    for (const action of ['show', 'hide', 'answer']) {
      send(relay, stranger, {
        type: 'question',
        key: 'x'.repeat(43),
        id,
        action,
      })
    }
    send(relay, stranger, { type: 'question', id, action: 'show' })
    expect(relay.refused.unauthorized).toBe(3)
    expect(relay.refused.invalid).toBe(1)
    expect(lastQuestions(presenter)[0]!.visibility).toBe('pending')
    send(relay, presenter, {
      type: 'question',
      key: KEY,
      id,
      action: 'hide',
    })
    expect(lastQuestions(stranger)).toEqual([])
    // Its asker still sees it, as not shown.
    expect(lastQuestions(asker)).toMatchObject([
      { id, visibility: 'hidden', mine: true },
    ])
    send(relay, presenter, {
      type: 'question',
      key: KEY,
      id,
      action: 'answer',
      answer: 'Density.',
    })
    expect(lastQuestions(presenter)[0]).toMatchObject({ answered: true, answer: 'Density.' })
  })

  it('takes text only: an injection string is kept as the text it is, control characters and oversized text are refused', () => {
    const { relay, peer } = setup()
    const presenter = peer({ key: KEY })
    const asker = peer({
      asker: browser(1),
    })
    send(relay, asker, askOf(1, INJECTION, browser(1), 'nonce-0004', INJECTION))
    expect(lastQuestions(presenter)[0]).toMatchObject({ text: INJECTION, name: INJECTION })
    expect(parseClientMessage(JSON.stringify(askOf(1, 'a\u0000b', browser(1), 'nonce-0005')), 8, 0)).toEqual({ ok: false, reason: 'invalid' })
    expect(parseClientMessage(JSON.stringify(askOf(1, 'x'.repeat(501), browser(1), 'nonce-0006')), 8, 0)).toEqual({ ok: false, reason: 'invalid' })
    expect(parseClientMessage(JSON.stringify(askOf(9, 'On a slide the deck has not?', browser(1), 'nonce-0007')), 8, 0)).toEqual({ ok: false, reason: 'invalid' })
    expect(parseClientMessage(JSON.stringify(askOf(1, '   ', browser(1), 'nonce-0008')), 8, 0)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('caps a flood per connection and per address, counts what it refused, and others still ask', () => {
    const { relay, peer, advance } = setup()
    const presenter = peer({ key: KEY })
    const flooder = peer({
      asker: browser(1),
      address: '192.0.2.99',
    })
    for (let i = 0; i < 20; i++)
      send(relay, flooder, askOf(1, `Flood ${i}`, browser(1), `flood-${String(i).padStart(4, '0')}`))
    expect(flooder.inbox.filter(m => m.type === 'asked')).toHaveLength(QUESTION_CAPS.askBurst)
    expect(relay.refused.limited).toBe(20 - QUESTION_CAPS.askBurst)
    expect(flooder.inbox.filter(m => m.type === 'refused').every(m => m.type === 'refused' && m.reason === 'limited' && m.nonce)).toBe(true)
    // New connections from the same address, each with a fresh burst: the address's cap holds.
    for (let i = 0; i < 40; i++) {
      const again = peer({
        asker: browser(100 + i),
        address: '192.0.2.99',
      })
      for (let j = 0; j < 3; j++)
        send(relay, again, askOf(1, `Again ${i}.${j}`, browser(100 + i), `again-${i}-${j}-xx`))
      advance(1000)
    }
    expect(lastQuestions(presenter).length).toBe(QUESTION_CAPS.asksPerAddress)
    const other = peer({
      asker: browser(2),
    })
    send(relay, other, askOf(4, 'Still heard?', browser(2), 'nonce-0009'))
    expect(other.inbox.some(m => m.type === 'asked')).toBe(true)
  })

  it('an ask sent again (a reconnect before the answer came) is the same question, acknowledged again', () => {
    const { relay, peer } = setup()
    const presenter = peer({ key: KEY })
    const first = peer({
      asker: browser(1),
    })
    send(relay, first, askOf(5, 'Twice?', browser(1), 'nonce-0010'))
    const second = peer({
      asker: browser(1),
    })
    send(relay, second, askOf(5, 'Twice?', browser(1), 'nonce-0010'))
    const ids = [first, second].map(p => (p.inbox.find(m => m.type === 'asked') as { id: string }).id)
    expect(ids[0]).toBe(ids[1])
    expect(lastQuestions(presenter)).toHaveLength(1)
  })
})

describe('the questions\' log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recap-questions-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('holds every acknowledged question, and a line cut short by a crash is skipped without losing the others', () => {
    const file = join(dir, 'questions.jsonl')
    const log = openQuestionsLog(file)
    const { relay, peer } = setup(log)
    const presenter = peer({ key: KEY })
    const asker = peer({
      asker: browser(1),
    })
    send(relay, asker, askOf(7, 'Kept?', browser(1), 'nonce-0011'))
    const { id } = asker.inbox.find(m => m.type === 'asked') as { id: string }
    send(relay, presenter, {
      type: 'question',
      key: KEY,
      id,
      action: 'show',
    })
    log.close()
    // A crash in the middle of the next write.
    appendFileSync(file, '{"t":"ask","id":"qcut')
    const reopened = openQuestionsLog(file)
    expect(reopened.events.map(e => e.t)).toEqual(['ask', 'show'])
    const { relay: again, peer: peerAgain } = setup(reopened)
    const presenterAgain = peerAgain({ key: KEY })
    expect(lastQuestions(presenterAgain)).toMatchObject([
      { id, text: 'Kept?', visibility: 'shown' },
    ])
    const askerAgain = peerAgain({
      asker: browser(1),
    })
    send(again, askerAgain, askOf(7, 'After the crash', browser(1), 'nonce-0012'))
    reopened.close()
    const { events } = readQuestionEvents(file)
    expect(events.filter(e => e.t === 'ask').map(e => (e as Extract<QuestionEvent, { t: 'ask' }>).text)).toEqual(['Kept?', 'After the crash'])
    // The log keeps no browser id, only digests.
    expect(readFileSync(file, 'utf8')).not.toContain(browser(1))
  })

  it('prints what was shown, by slide, with the answers; hidden questions never', () => {
    const events: QuestionEvent[] = [
      {
        t: 'ask',
        id: 'qaaaa1',
        slide: 7,
        text: 'Shown and answered',
        name: 'Ana',
        at: 1,
        asker: 'a',
        nonce: 'n1',
      },
      {
        t: 'ask',
        id: 'qaaaa2',
        slide: 3,
        text: 'Hidden',
        at: 2,
        asker: 'b',
        nonce: 'n2',
      },
      {
        t: 'ask',
        id: 'qaaaa3',
        slide: 7,
        text: INJECTION,
        at: 3,
        asker: 'c',
        nonce: 'n3',
      },
      { t: 'show', id: 'qaaaa1' },
      { t: 'answer', id: 'qaaaa1', answer: 'Yes.' },
      { t: 'hide', id: 'qaaaa2' },
      { t: 'show', id: 'qaaaa3' },
      { t: 'vote', id: 'qaaaa3', voter: 'd' },
    ]
    const book = bookOf(events)
    expect(printedQuestions(book.questions.values()).map(q => q.text)).toEqual([INJECTION, 'Shown and answered'])
    expect(forAudience(book, undefined).map(q => q.id)).toEqual(['qaaaa3', 'qaaaa1'])
    const markdown = questionsMarkdown([
      ...book.questions.values(),
    ], no => `Slide ${no}`, 'Questions')
    expect(markdown).toContain('## Slide 7: Slide 7')
    expect(markdown).toContain('- Shown and answered (Ana) [shown, answered]')
    expect(markdown).toContain('  - Answer: Yes.')
  })
})
