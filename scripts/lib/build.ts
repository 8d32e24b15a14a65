import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import process from 'node:process'
import { promisify, stripVTControlCharacters } from 'node:util'
import { DECK_ROOT } from './deck.ts'

const run = promisify(execFile)
const SLIDEV = resolve(DECK_ROOT, 'node_modules/@slidev/cli/bin/slidev.mjs')

/** A failed `slidev build`: the message has the first line naming an error, `output` all of it. */
export class SlidevBuildError extends Error {
  override name = 'SlidevBuildError'
  readonly output: string

  constructor(args: readonly string[], output: string) {
    // Slidev colours its output; the first line that names an error is the one worth a one-line report.
    const reason = output.split('\n').map(line => line.trim()).find(line => /error/i.test(line))
    super(`slidev build ${args.join(' ')} failed${reason
      ? `: ${reason}`
      : ''}`)
    this.output = output
  }
}

/** Runs `slidev build ARGS` in the deck's folder with the running Node. */
export async function slidevBuild(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  try {
    await run(process.execPath, [SLIDEV, 'build', ...args], {
      cwd: DECK_ROOT,
      env: {
        ...process.env,
        ...env,
      },
      maxBuffer: 64 * 1024 * 1024,
    })
  }
  catch (error) {
    const { stderr = '', stdout = '' } = error as { stderr?: string, stdout?: string }
    throw new SlidevBuildError(args, stripVTControlCharacters(`${stdout}\n${stderr}`).trim())
  }
}

/** The first line of an error's message: Playwright's run to pages of call log. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error
    ? error.message
    : String(error)
  return message.split('\n').map(line => line.trim()).find(line => line !== '') ?? 'unknown error'
}
