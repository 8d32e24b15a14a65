import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
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

export interface PrintableBuild {
  distDir: string
  /** Removes the build when it was made for this run; a build passed in is left alone. */
  dispose: () => Promise<void>
}

export interface PrintableBuildOptions {
  /** Prefix of the temporary folder a fresh build goes into. */
  tempPrefix: string
  /** Told which build is used, for the caller's progress line. */
  onStage: (detail: string) => Promise<void>
  /** Turns a one-line reason into the caller's own error type. */
  fail: (message: string) => Error
  /** The deck's entry markdown for a fresh build; slides.md unless given. */
  entry?: string
}

/**
 * The build an export prints from: `distDir` when given (it must hold a built deck), else a fresh
 * `slidev build` into a temporary folder, removed by `dispose` or when the build fails.
 */
export async function printableBuild(distDir: string | undefined, options: PrintableBuildOptions): Promise<PrintableBuild> {
  if (distDir !== undefined) {
    const dir = resolve(distDir)
    await options.onStage(`using the build in ${dir}`)
    if (!existsSync(join(dir, 'index.html')))
      throw options.fail(`no built deck in ${dir} (index.html missing): run "npx slidev build" or drop --dist`)
    return {
      distDir: dir,
      dispose: async () => {},
    }
  }
  const temp = await mkdtemp(join(tmpdir(), options.tempPrefix))
  const dispose = (): Promise<void> => rm(temp, { recursive: true, force: true })
  await options.onStage(`building the deck into ${temp}`)
  try {
    await slidevBuild([
      ...(options.entry
        ? [
            resolve(options.entry),
          ]
        : []),
      '--out',
      temp,
    ])
  }
  catch (error) {
    await dispose()
    throw options.fail(firstLine(error))
  }
  return { distDir: temp, dispose }
}
