// `npm run build:site`: the public site with its downloads. It builds the deck for the public
// (`build:public`: no speaker notes, no presenter, notes, overview or export routes), prints the
// slides PDF from that build (scripts/export.ts) and the handout with speaker notes
// (scripts/handout.ts, from its own full build or --handout-dist), and puts both under <out>/downloads/, where the
// deck's nav bar links them (custom-nav-controls.vue).
// Usage: node scripts/site/build-site.ts [--out dist] [--base /] [--public-only] [--pages] [--entry slides.md] [--handout-dist DIR]
//   --public-only  only the public build, without the PDFs (that is `npm run build:public`)
//   --handout-dist the handout from this full build (`slidev build` of the same entry, notes
//                  included) instead of a fresh one: the tests pass the one they already have
//   --pages        for GitHub Pages, which cannot send headers: the security policy goes into the
//                  HTML as <meta> elements, and a .nojekyll file keeps _-prefixed assets served
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs, promisify, stripVTControlCharacters } from 'node:util'
import { slidevBuild } from '../lib/build.ts'
import { DECK_ENTRY, DECK_ROOT, loadDeck } from '../lib/deck.ts'
import { injectSecurityMeta } from '../lib/hosting.ts'
import { runMain } from '../lib/main.ts'

const run = promisify(execFile)

/** Headmatter the public build overrides: no presenter (nor /notes, /overview, /entry) and no browser exporter. */
export const PUBLIC_HEADMATTER: Readonly<Record<string, string>> = {
  presenter: 'false',
  browserExporter: 'false',
}

/** `slidev build` arguments of the public build, besides the entry, --out and --base. */
export const PUBLIC_BUILD_ARGS = ['--without-notes'] as const

/** Where the downloads go inside the site, relative to its base. */
export const DOWNLOADS_DIR = 'downloads'

/** The progress line buildSite starts with once the public build is done and the printing starts (the tests' global setup waits on it). */
export const SITE_PRINTING = 'slides PDF from the public build'

export class SiteBuildError extends Error {
  override name = 'SiteBuildError'
}

/**
 * The entry markdown with PUBLIC_HEADMATTER in its headmatter, replacing those keys if present.
 * Only one-line keys are replaced; the rest of the file is kept byte for byte.
 */
export function publicEntryMarkdown(markdown: string, overrides: Readonly<Record<string, string>> = PUBLIC_HEADMATTER): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(markdown)
  if (!match)
    throw new SiteBuildError('slides.md has no headmatter to set the public build\'s options in')
  const keys = Object.keys(overrides)
  const kept = match[1]!.split(/\r?\n/).filter(line => !keys.some(key => new RegExp(`^${key}\\s*:`).test(line)))
  const headmatter = [
    ...kept,
    ...keys.map(key => `${key}: ${overrides[key]}`),
  ].join('\n')
  return `---\n${headmatter}\n---\n${markdown.slice(match[0].length)}`
}

export interface PublicBuildOptions {
  out: string
  base?: string
  /** The deck's entry markdown: slides.md unless given (the tests build a fixture deck). */
  entry?: string
  /** Links in the nav bar to the downloads, which the caller puts under <out>/downloads/. */
  downloads?: { slides: string, handout: string }
}

/**
 * Builds the public site: Slidev has no command-line switch for `presenter`, so the entry is a
 * temporary copy of the entry beside it (so `src:` imports and the project's setup resolve as
 * usual) with PUBLIC_HEADMATTER, built with PUBLIC_BUILD_ARGS.
 */
export async function buildPublic(options: PublicBuildOptions): Promise<string> {
  const out = resolve(options.out)
  const source = resolve(options.entry ?? DECK_ENTRY)
  const entry = join(dirname(source), `.slides.public-${process.pid}-${randomBytes(4).toString('hex')}.md`)
  await writeFile(entry, publicEntryMarkdown(await readFile(source, 'utf8')))
  try {
    await slidevBuild(
      [
        entry,
        '--out',
        out,
        ...PUBLIC_BUILD_ARGS,
        ...(options.base
          ? ['--base', options.base]
          : []),
      ],
      {
        env: options.downloads
          ? { VITE_RECAP_SLIDES_PDF: `${DOWNLOADS_DIR}/${options.downloads.slides}`, VITE_RECAP_HANDOUT_PDF: `${DOWNLOADS_DIR}/${options.downloads.handout}` }
          : {},
      },
    )
  }
  finally {
    await rm(entry, { force: true })
  }
  return out
}

/** Writes the security policy into the site's HTML pages (index.html, 404.html, the prerendered N.html and read.html) as <meta>, for hosts that cannot send headers. */
export async function addSecurityMeta(out: string): Promise<void> {
  for (const page of (await readdir(out)).filter(name => name.endsWith('.html'))) {
    const file = join(out, page)
    await writeFile(file, injectSecurityMeta(await readFile(file, 'utf8')))
  }
  await writeFile(join(out, '.nojekyll'), '')
}

async function runScript(script: string, args: readonly string[]): Promise<void> {
  try {
    await run(process.execPath, [
      resolve(DECK_ROOT, 'scripts', script),
      ...args,
    ], { cwd: DECK_ROOT, maxBuffer: 64 * 1024 * 1024 })
  }
  catch (error) {
    const { stderr = '', stdout = '' } = error as { stderr?: string, stdout?: string }
    throw new SiteBuildError(`${script} ${args.join(' ')} failed:\n${stripVTControlCharacters(`${stdout}\n${stderr}`).trim()}`)
  }
}

export interface SiteOptions {
  out?: string
  base?: string
  /** Only the public build, no PDFs. */
  publicOnly?: boolean
  /** Security policy as <meta> and .nojekyll, for GitHub Pages. */
  pages?: boolean
  /** The deck's entry markdown, slides.md unless given. */
  entry?: string
  /** A full build (notes included) of the same entry to print the handout from; a fresh one unless given. */
  handoutDist?: string
  onStage?: (detail: string) => void
}

export interface SiteResult {
  out: string
  /** The downloads' paths relative to `out`; empty for a public-only build. */
  downloads: string[]
}

export async function buildSite(options: SiteOptions = {}): Promise<SiteResult> {
  const out = resolve(options.out ?? join(DECK_ROOT, 'dist'))
  const base = options.base ?? '/'
  const say = options.onStage ?? (() => {})
  const entryArgs = options.entry
    ? [
        '--entry',
        resolve(options.entry),
      ]
    : []
  const name = (await loadDeck(options.entry && resolve(options.entry))).headmatter.exportFilename ?? 'slides'
  const files = { slides: `${name}.pdf`, handout: `${name}-handout.pdf` }

  say(`public build into ${out} (base ${base})`)
  await buildPublic({
    out,
    base,
    entry: options.entry,
    downloads: options.publicOnly ? undefined : files,
  })

  const downloads: string[] = []
  if (!options.publicOnly) {
    const dir = join(out, DOWNLOADS_DIR)
    await mkdir(dir, { recursive: true })
    const slides = join(dir, files.slides)
    say(`${SITE_PRINTING}: ${relative(DECK_ROOT, slides)}`)
    await runScript('export.ts', [
      '--dist',
      out,
      '--base',
      base,
      '--out',
      slides,
      ...entryArgs,
    ])
    // The handout carries the speaker notes, which the public build leaves out: handout.ts makes its
    // own build, unless given one (it checks that the build has the entry's slides).
    const handout = join(dir, files.handout)
    say(`handout with speaker notes: ${relative(DECK_ROOT, handout)}${options.handoutDist
      ? ` from the build in ${options.handoutDist}`
      : ''}`)
    await runScript('handout.ts', [
      '--out',
      handout,
      ...entryArgs,
      ...(options.handoutDist
        ? [
            '--dist',
            resolve(options.handoutDist),
          ]
        : []),
    ])
    for (const file of [slides, handout]) {
      if (!(await stat(file).catch(() => undefined))?.size)
        throw new SiteBuildError(`${relative(DECK_ROOT, file)} was not written`)
      downloads.push(relative(out, file))
    }
  }

  if (options.pages) {
    say('security policy as <meta> in every HTML page, .nojekyll')
    await addSecurityMeta(out)
  }
  return { out, downloads }
}

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'out': { type: 'string' },
      'base': { type: 'string' },
      'public-only': { type: 'boolean', default: false },
      'pages': { type: 'boolean', default: false },
      'entry': { type: 'string' },
      'handout-dist': { type: 'string' },
    },
  })
  const base = values.base === undefined
    ? undefined
    : `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
  const result = await buildSite({
    out: values.out,
    base,
    publicOnly: values['public-only'],
    pages: values.pages,
    entry: values.entry,
    handoutDist: values['handout-dist'],
    onStage: detail => console.log(detail),
  })
  console.log(`done: ${relative(process.cwd(), result.out) || '.'}${result.downloads.length
    ? `, with ${result.downloads.join(' and ')}`
    : ''}`)
}

if (import.meta.main)
  runMain('build-site', main)
