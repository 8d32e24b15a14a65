import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { promisify, stripVTControlCharacters } from 'node:util'
import { firstLine } from '../../shared/errors.ts'
import { DECK_ROOT } from './deck.ts'

const run = promisify(execFile)
/** Slidev's command line, inside a deck's folder. */
const SLIDEV_BIN = 'node_modules/@slidev/cli/bin/slidev.mjs'

/** A Slidev command that failed: the message's first line names the reason, the rest is Slidev's output. */
export class SlidevBuildError extends Error {
  override name = 'SlidevBuildError'
  readonly output: string

  constructor(command: string, args: readonly string[], output: string) {
    // Slidev colours its output; the first line that names an error is the one worth a one-line report.
    const reason = output.split('\n').map(line => line.trim()).find(line => /error/i.test(line))
    super(`slidev ${command} ${args.join(' ')} failed${reason
      ? `: ${reason}`
      : ''}${output
      ? `\n${output}`
      : ''}`)
    this.output = output
  }
}

export interface SlidevRunOptions {
  /** The deck's folder, whose own Slidev runs; this deck's unless set (the benchmark runs the starter's). */
  cwd?: string
  /** Added to the environment. */
  env?: NodeJS.ProcessEnv
  /** Milliseconds before the command is killed; none unless set. */
  timeout?: number
}

/** Runs `slidev COMMAND ARGS` in a deck's folder with that deck's Slidev and the running Node. */
export async function runSlidev(command: 'build' | 'export', args: readonly string[], options: SlidevRunOptions = {}): Promise<void> {
  const cwd = options.cwd ?? DECK_ROOT
  try {
    await run(process.execPath, [
      resolve(cwd, SLIDEV_BIN),
      command,
      ...args,
    ], {
      cwd,
      env: {
        ...process.env,
        ...options.env,
      },
      timeout: options.timeout,
      maxBuffer: 64 * 1024 * 1024,
    })
  }
  catch (error) {
    const { stderr = '', stdout = '', message } = error as { stderr?: string, stdout?: string, message: string }
    throw new SlidevBuildError(command, args, stripVTControlCharacters(`${stdout}\n${stderr}`).trim() || message)
  }
}

/** Runs `slidev build ARGS` in the deck's folder (or `options.cwd`). */
export async function slidevBuild(args: readonly string[], options: SlidevRunOptions = {}): Promise<void> {
  await runSlidev('build', args, options)
}

/** Builds the deck into `outDir` (relative to the deck's folder unless absolute) with extra `slidev build` arguments; returns its absolute path. */
export async function buildDeck(outDir: string, args: readonly string[] = []): Promise<string> {
  const out = resolve(DECK_ROOT, outDir)
  await slidevBuild(['--out', out, ...args])
  return out
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
    ], {
      // A PDF uses neither the Open Graph image nor slide 1's static first paint, and each would
      // start a Chromium of its own after the build (scripts/site/slide-one.ts).
      env: { RECAP_OG_IMAGE: '0', RECAP_FIRST_PAINT: '0' },
    })
  }
  catch (error) {
    await dispose()
    throw options.fail(firstLine(error))
  }
  return { distDir: temp, dispose }
}
