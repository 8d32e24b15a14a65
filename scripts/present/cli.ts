import { existsSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import QRCode from 'qrcode'
import { buildIsStale } from '../lib/build-inputs.ts'
import { slidevBuild } from '../lib/build.ts'
import { DECK_ROOT } from '../lib/deck.ts'
import { runMain } from '../lib/main.ts'
import { loadPlan } from './plan.ts'
import { loadSecret } from './secret.ts'
import { startPresentServer } from './server.ts'

const USAGE = `usage: ./deck present [--host 0.0.0.0] [--port 3031] [--dist DIR] [--rebuild] [--new-secret]
                      [--state-dir .present] [--rehearsals rehearsals] [--no-qr] [--stop-with-stdin]
                      [--questions-per-address 60]
Serves the full build of the deck on the meeting network with a live relay for a phone remote and
the audience. Prints the presenter, remote and audience URLs and the remote's QR code.`

function lanAddress(host: string): string {
  if (host !== '0.0.0.0' && host !== '::')
    return host
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find(a => a.family === 'IPv4' && !a.internal)
    if (found)
      return found.address
  }
  return 'localhost'
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'host': { type: 'string', default: '0.0.0.0' },
      'port': { type: 'string', default: '3031' },
      'dist': { type: 'string' },
      'rebuild': { type: 'boolean', default: false },
      'new-secret': { type: 'boolean', default: false },
      'state-dir': {
        type: 'string',
        default: join(DECK_ROOT, '.present'),
      },
      'rehearsals': {
        type: 'string',
        default: join(DECK_ROOT, 'rehearsals'),
      },
      'no-qr': { type: 'boolean', default: false },
      'questions-per-address': { type: 'string' },
      'stop-with-stdin': { type: 'boolean', default: false },
      'help': { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${values.port} is not a port number`)

  const perAddress = values['questions-per-address'] === undefined
    ? undefined
    : Number(values['questions-per-address'])
  if (perAddress !== undefined && (!Number.isInteger(perAddress) || perAddress < 0))
    throw new Error(`--questions-per-address ${values['questions-per-address']} is not a whole number`)
  const plan = await loadPlan()
  let distDir = values.dist === undefined
    ? undefined
    : resolve(values.dist)
  if (distDir === undefined) {
    distDir = join(DECK_ROOT, 'dist-present')
    // Rebuilt when any file of the repository that can be an input is newer than the build (see build-inputs.ts).
    if (values.rebuild || buildIsStale(DECK_ROOT, distDir)) {
      console.error(`present: building the deck into ${distDir}`)
      await slidevBuild(['--out', distDir])
    }
  }
  if (!existsSync(join(distDir, 'index.html')))
    throw new Error(`no built deck in ${distDir} (index.html missing)`)

  const secret = loadSecret(resolve(values['state-dir']), values['new-secret'])
  const server = await startPresentServer({
    distDir,
    plan,
    secret,
    host: values.host,
    port,
    stateDir: resolve(values['state-dir']),
    rehearsalsDir: resolve(values.rehearsals),
    publicHost: lanAddress(values.host),
    ...(perAddress !== undefined && { questionsPerAddress: perAddress }),
    log: line => console.log(line),
  })
  // The only lines that carry the key: the presenter's and the remote's URLs (and the QR of the latter).
  console.log(`Presenter: ${server.urls.presenter}`)
  console.log(`Remote: ${server.urls.remote}`)
  console.log(`Audience: ${server.urls.audience}`)
  if (!values['no-qr'])
    console.log(await QRCode.toString(server.urls.remote, { type: 'terminal', small: true }))
  console.log(`present: serving ${distDir} on ${values.host}:${server.port}; Ctrl-C stops`)

  const stop = async (): Promise<void> => {
    await server.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
  // For tests and tools that start the server: it stops when its parent goes, even if the parent crashed.
  if (values['stop-with-stdin']) {
    process.stdin.on('close', () => void stop())
    process.stdin.resume()
  }
}

runMain('present', main)
