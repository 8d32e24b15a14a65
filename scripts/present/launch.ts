// `./deck present` started as a child process on 127.0.0.1, for what drives it from outside: the
// tests, the relay bench and the screenshots in docs/presenting.md. One place reads the three URL
// lines it prints, so they are parsed one way.
import type { Buffer } from 'node:buffer'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import process from 'node:process'
import { DECK_ROOT } from '../lib/deck.ts'

const CLI = resolve(DECK_ROOT, 'scripts/present/cli.ts')

export interface LaunchOptions {
  /** The build to serve; without it, the CLI builds (or reuses) dist-present/. */
  dist?: string
  /** 0 lets the system choose. */
  port?: number
  stateDir: string
  rehearsals: string
  /** Told of every line it prints, stdout and stderr, for as long as it runs. */
  onLine?: (line: string) => void
  /** More of the CLI's options, e.g. `--questions-per-address 10000` (the benchmark's 200 sockets share one address). */
  args?: readonly string[]
}

export interface PresentUrls {
  presenter: string
  remote: string
  audience: string
}

export interface LaunchedPresent {
  process: ChildProcessWithoutNullStreams
  /** Everything it has printed so far, stdout and stderr, a line each. */
  lines: string[]
  urls: PresentUrls
  /** Stops it (SIGTERM) and waits until it has exited. */
  stop: () => Promise<void>
}

/** Starts `./deck present` on 127.0.0.1 without a terminal QR code and resolves once it has printed its three URLs. */
export async function launchPresent(options: LaunchOptions): Promise<LaunchedPresent> {
  const child = spawn(process.execPath, [
    CLI,
    ...(options.dist === undefined
      ? []
      : ['--dist', options.dist]),
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port ?? 0),
    '--state-dir',
    options.stateDir,
    '--rehearsals',
    options.rehearsals,
    '--no-qr',
    '--stop-with-stdin',
    ...(options.args ?? []),
  ], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const urls = await new Promise<PresentUrls>((done, fail) => {
    let buffer = ''
    const take = (chunk: Buffer): void => {
      buffer += chunk.toString()
      const parts = buffer.split('\n')
      buffer = parts.pop() ?? ''
      lines.push(...parts)
      for (const part of parts)
        options.onLine?.(part)
      const find = (name: string): string | undefined => lines.find(line => line.startsWith(`${name}: `))?.slice(name.length + 2)
      const [presenter, remote, audience] = [
        find('Presenter'),
        find('Remote'),
        find('Audience'),
      ]
      if (presenter && remote && audience)
        done({ presenter, remote, audience })
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.once('exit', code => fail(new Error(`present exited with ${code}:\n${lines.join('\n')}`)))
  })
  return {
    process: child,
    lines,
    urls,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null)
        return
      const exited = new Promise(done => child.once('exit', done))
      child.kill('SIGTERM')
      await exited
    },
  }
}
