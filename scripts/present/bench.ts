import type { Buffer } from 'node:buffer'
import type { ServerMessage } from '../../shared/protocol.ts'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { WS_PATH } from '../../shared/protocol.ts'
import { median } from '../../shared/stats.ts'
import { runMain } from '../lib/main.ts'
import { launchPresent } from './launch.ts'

/**
 * The relay under a room's load: `./deck present` runs as its own process on 127.0.0.1 (a stub
 * page, since only the relay is measured); 200 audience sockets, a presenter and a remote connect.
 * Each command is a Next or Previous from the remote, handed by the relay to the presenter, whose
 * report of its new position the relay sends to everyone: timed from the remote's send to the moment
 * the last audience socket has it. Clients and server share this machine's cores, so the figures are pessimistic.
 */

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] ?? Number.NaN
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN)
  return kib / 1024
}

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((done, fail) => {
    const ws = new WebSocket(url, { origin })
    ws.once('open', () => done(ws))
    ws.once('error', fail)
  })
}

function firstMessage(ws: WebSocket, type: ServerMessage['type']): Promise<ServerMessage> {
  return new Promise((done) => {
    const listen = (data: Buffer): void => {
      const message = JSON.parse(data.toString()) as ServerMessage
      if (message.type === type) {
        ws.off('message', listen)
        done(message)
      }
    }
    ws.on('message', listen)
  })
}

interface Round {
  medianMs: number
  p95Ms: number
  maxMs: number
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'clients': { type: 'string', default: '200' },
      'commands': { type: 'string', default: '100' },
      'rounds': { type: 'string', default: '3' },
      'asks': { type: 'string', default: '4' },
      'ask-every-ms': { type: 'string', default: '3000' },
    },
  })
  const clients = Number(values.clients)
  const commands = Number(values.commands)
  const rounds = Number(values.rounds)

  const temp = await mkdtemp(join(tmpdir(), 'present-bench-'))
  await writeFile(join(temp, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body></body></html>')
  const asks = Number(values.asks)
  const askEveryMs = Number(values['ask-every-ms'])
  const present = await launchPresent({
    dist: temp,
    stateDir: join(temp, 'state'),
    rehearsals: join(temp, 'rehearsals'),
    // The benchmark's sockets all come from 127.0.0.1; in a room each phone has its own address.
    args: [
      '--questions-per-address',
      String(clients * asks * 2),
    ],
  })
  try {
    // The presenter's key (the remote's URL carries a pairing code).
    const url = new URL(present.urls.presenter)
    const key = url.hash.replace('#key=', '')
    const origin = url.origin
    const wsUrl = `ws://${url.host}${WS_PATH}`
    const pid = present.process.pid!
    const rssIdle = await rssMiB(pid)

    // The presenter: moves on the relay's command and reports its new position, as the presenter view does.
    const presenter = await connect(wsUrl, origin)
    let page = 1
    presenter.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as ServerMessage
      if (message.type === 'command') {
        if (message.action === 'go' && message.page !== undefined) {
          page = message.page
        }
        else {
          page = message.action === 'next'
            ? page + 1
            : Math.max(1, page - 1)
        }
        presenter.send(JSON.stringify({
          type: 'state',
          page,
          clicks: 0,
          clicksTotal: 0,
          key,
        }))
      }
    })
    const presenterWelcome = firstMessage(presenter, 'welcome')
    presenter.send(JSON.stringify({ type: 'hello', role: 'presenter', key }))
    await presenterWelcome
    const remote = await connect(wsUrl, origin)
    const remoteWelcome = firstMessage(remote, 'welcome')
    remote.send(JSON.stringify({ type: 'hello', role: 'remote', key }))
    await remoteWelcome

    const audience: WebSocket[] = []
    let waitingFor = 0
    let seen = 0
    let onAll: (() => void) | undefined
    for (let i = 0; i < clients; i++) {
      const ws = await connect(wsUrl, origin)
      const welcome = firstMessage(ws, 'welcome')
      ws.send(JSON.stringify({ type: 'hello', role: 'audience' }))
      await welcome
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as ServerMessage
        if (message.type === 'state' && message.state.page === waitingFor && ++seen === clients)
          onAll?.()
      })
      audience.push(ws)
    }
    const rssConnected = await rssMiB(pid)

    const results: Round[] = []
    for (let round = 0; round < rounds; round++) {
      const times: number[] = []
      for (let i = 0; i < commands; i++) {
        // Forward and back within the deck: Next on even commands, Previous on odd ones.
        const action = i % 2 === 0
          ? 'next'
          : 'prev'
        waitingFor = action === 'next'
          ? page + 1
          : page - 1
        seen = 0
        const arrived = new Promise<void>(done => onAll = done)
        const start = performance.now()
        remote.send(JSON.stringify({ type: 'nav', action, key }))
        await arrived
        times.push(performance.now() - start)
      }
      times.sort((a, b) => a - b)
      results.push({
        medianMs: percentile(times, 50),
        p95Ms: percentile(times, 95),
        maxMs: times.at(-1) ?? Number.NaN,
      })
    }
    const rssAfter = await rssMiB(pid)

    // Questions: every audience socket asks `asks` questions, one every `askEveryMs`, the sockets
    // spread evenly over that interval (a steady rate for the relay); each one timed from its send to
    // the moment the presenter's socket has it. Then 20 sockets flood (30 asks at once) to show the caps.
    const sentAt = new Map<string, number>()
    const questionMs: number[] = []
    presenter.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as ServerMessage
      if (message.type === 'question') {
        const sent = sentAt.get(message.question.text)
        if (sent !== undefined) {
          questionMs.push(performance.now() - sent)
          sentAt.delete(message.question.text)
        }
      }
    })
    let limited = 0
    for (const ws of audience) {
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as ServerMessage
        if (message.type === 'refused' && message.reason === 'limited')
          limited++
      })
    }
    const askStarted = performance.now()
    await Promise.all(audience.map(async (ws, i) => {
      await new Promise(done => setTimeout(done, i * askEveryMs / audience.length))
      for (let n = 0; n < asks; n++) {
        const text = `Question ${n} from socket ${i}`
        sentAt.set(text, performance.now())
        ws.send(JSON.stringify({
          type: 'ask',
          slide: 1 + (i % 5),
          text,
          asker: `bench-browser-${String(i).padStart(6, '0')}`,
          nonce: `bench-${i}-${n}-nonce`,
        }))
        if (n < asks - 1)
          await new Promise(done => setTimeout(done, askEveryMs))
      }
    }))
    const deadline = performance.now() + 10_000
    while (sentAt.size > 0 && performance.now() < deadline)
      await new Promise(done => setTimeout(done, 50))
    const askedMs = performance.now() - askStarted
    const steadyLimited = limited
    await Promise.all(audience.slice(0, 20).map(async (ws, i) => {
      for (let n = 0; n < 30; n++) {
        ws.send(JSON.stringify({
          type: 'ask',
          slide: 2,
          text: `Flood ${n} from socket ${i}`,
          asker: `bench-flood-${String(i).padStart(8, '0')}`,
          nonce: `flood-${i}-${n}-nonce`,
        }))
      }
    }))
    const floodDeadline = performance.now() + 5_000
    const floodRefused = (): number => limited - steadyLimited
    while (floodRefused() < 20 * (30 - 3) && performance.now() < floodDeadline)
      await new Promise(done => setTimeout(done, 50))
    const rssQuestions = await rssMiB(pid)
    questionMs.sort((a, b) => a - b)

    const fmt = (ms: number): string => ms.toFixed(1)
    console.log(`present relay: ${clients} audience sockets, ${commands} commands a round, ${rounds} rounds (remote -> relay -> presenter -> relay -> every audience socket)`)
    console.log('round  median ms  p95 ms  max ms')
    results.forEach((r, i) => console.log(`${String(i + 1).padStart(5)}  ${fmt(r.medianMs).padStart(9)}  ${fmt(r.p95Ms).padStart(6)}  ${fmt(r.maxMs).padStart(6)}`))
    const medianP95 = median(results.map(r => r.p95Ms))
    console.log(`median of rounds: median ${fmt(median(results.map(r => r.medianMs)))} ms, p95 ${fmt(medianP95)} ms (target p95 < 100 ms: ${medianP95 < 100
      ? 'met'
      : 'NOT met'})`)
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map(l => l.toFixed(1)).join(' ')} (1, 5, 15 min) at the end`)
    console.log(`server memory (RSS): ${rssIdle.toFixed(1)} MiB idle, ${rssConnected.toFixed(1)} MiB with ${clients + 2} sockets, ${rssAfter.toFixed(1)} MiB after ${rounds * commands} commands`)
    const questionP95 = percentile(questionMs, 95)
    console.log(`questions: ${clients} sockets asked ${asks} each, one every ${askEveryMs} ms (${questionMs.length} of ${clients * asks} reached the presenter, ${sentAt.size} never did, in ${(askedMs / 1000).toFixed(1)} s): send to presenter median ${fmt(percentile(questionMs, 50))} ms, p95 ${fmt(questionP95)} ms, max ${fmt(questionMs.at(-1) ?? Number.NaN)} ms (target p95 < 100 ms: ${questionP95 < 100
      ? 'met'
      : 'NOT met'}); each written and fsynced to the log before its asker is told`)
    console.log(`questions refused by the caps: ${steadyLimited} at the steady rate, ${limited - steadyLimited} of the 600 asks of a flood from 20 sockets (30 at once each; a connection may ask 3 at once, then one every 5 s); server memory ${rssQuestions.toFixed(1)} MiB after them`)
    for (const ws of [...audience, presenter, remote])
      ws.terminate()
  }
  finally {
    await present.stop()
    await rm(temp, { recursive: true, force: true })
  }
}

runMain('bench:present', main)
