// Slidev's starter deck, for comparison: the template of the `create-slidev` npm package, installed
// with npm into a folder of its own, with @slidev/cli pinned to the version this deck uses.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface StarterDeck {
  dir: string
  /** The create-slidev version whose template this is. */
  templateVersion: string
  slidevVersion: string
  /** Whether this run installed it (false: reused an earlier install of the same versions). */
  installed: boolean
}

export interface StarterOptions {
  /** Our @slidev/cli version, which the starter is pinned to. */
  slidevVersion: string
  /** Our playwright-chromium version: `slidev export` needs the package (never its browser download). */
  playwrightVersion: string
  /** Reinstall even when an install of the same versions is there. */
  fresh?: boolean
  log?: (line: string) => void
}

interface Marker {
  templateVersion: string
  slidevVersion: string
  playwrightVersion: string
}

const MARKER = '.recap-bench.json'

/** npm, under the lock the project's engineers share, so installs never overlap. */
async function npm(args: string[], cwd: string): Promise<string> {
  const useLock = existsSync('/usr/bin/flock')
  const [file, argv] = useLock
    ? [
        '/usr/bin/flock',
        ['/tmp/npm.lock', 'npm', ...args],
      ]
    : ['npm', args]
  const { stdout } = await run(file, argv, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 })
  return stdout
}

/** The create-slidev release matching our Slidev, else its latest (create-slidev is not released with every Slidev). */
async function packTemplate(slidevVersion: string, into: string): Promise<{ version: string, tarball: string }> {
  for (const spec of [`create-slidev@${slidevVersion}`, 'create-slidev@latest']) {
    try {
      const out = await npm([
        'pack',
        spec,
        '--pack-destination',
        into,
        '--json',
      ], into)
      const [info] = JSON.parse(out) as { filename: string, version: string }[]
      if (info) {
        return {
          version: info.version,
          tarball: join(into, info.filename),
        }
      }
    }
    catch {
      // Not published under that version: try the next.
    }
  }
  throw new Error('could not download the create-slidev package from the npm registry')
}

export async function prepareStarter(options: StarterOptions): Promise<StarterDeck> {
  const log = options.log ?? (() => {})
  const root = join(tmpdir(), 'recap-bench')
  const dir = join(root, `starter-slidev-${options.slidevVersion}`)
  const wanted = { slidevVersion: options.slidevVersion, playwrightVersion: options.playwrightVersion }

  if (!options.fresh && existsSync(join(dir, 'node_modules/@slidev/cli/package.json'))) {
    const marker = JSON.parse(await readFile(join(dir, MARKER), 'utf8').catch(() => '{}')) as Partial<Marker>
    const cli = JSON.parse(await readFile(join(dir, 'node_modules/@slidev/cli/package.json'), 'utf8')) as { version: string }
    if (marker.templateVersion && marker.slidevVersion === wanted.slidevVersion && marker.playwrightVersion === wanted.playwrightVersion && cli.version === wanted.slidevVersion) {
      log(`starter: reusing ${dir} (create-slidev ${marker.templateVersion} template, @slidev/cli ${cli.version})`)
      return {
        dir,
        templateVersion: marker.templateVersion,
        slidevVersion: cli.version,
        installed: false,
      }
    }
  }

  await mkdir(root, { recursive: true })
  const work = await mkdtemp(join(root, 'starter-'))
  try {
    const { version: templateVersion, tarball } = await packTemplate(options.slidevVersion, work)
    log(`starter: create-slidev ${templateVersion} template, @slidev/cli pinned to ${options.slidevVersion}`)
    await run('tar', ['-xzf', tarball, '-C', work])
    const project = join(work, 'project')
    await cp(join(work, 'package/template'), project, { recursive: true })
    if (existsSync(join(project, '_gitignore')))
      await rename(join(project, '_gitignore'), join(project, '.gitignore'))

    const pkgPath = join(project, 'package.json')
    const pkg = JSON.parse(await readFile(pkgPath, 'utf8')) as {
      dependencies?: Record<string, string>
      devDependencies?: Record<string, string>
      allowScripts?: Record<string, boolean>
    }
    pkg.dependencies = { ...pkg.dependencies, '@slidev/cli': options.slidevVersion }
    // As in our deck: the package for `slidev export`, never its browser download.
    pkg.devDependencies = { ...pkg.devDependencies, 'playwright-chromium': options.playwrightVersion }
    pkg.allowScripts = { ...pkg.allowScripts, 'playwright-chromium': false }
    await writeFile(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`)

    log('starter: npm install (about a minute)…')
    await npm([
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ], project)
    const cli = JSON.parse(await readFile(join(project, 'node_modules/@slidev/cli/package.json'), 'utf8')) as { version: string }
    if (cli.version !== options.slidevVersion)
      throw new Error(`starter installed @slidev/cli ${cli.version}, not ${options.slidevVersion}`)
    const marker: Marker = { templateVersion, ...wanted }
    await writeFile(join(project, MARKER), `${JSON.stringify(marker, null, 2)}\n`)

    await rm(dir, { recursive: true, force: true })
    await rename(project, dir)
    return {
      dir,
      templateVersion,
      slidevVersion: cli.version,
      installed: true,
    }
  }
  finally {
    await rm(work, { recursive: true, force: true })
  }
}
