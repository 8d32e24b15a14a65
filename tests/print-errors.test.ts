// Bad input stops every print, loudly: a deck with a slide whose component throws (a <TalkLink> to a
// talk that does not exist) and one that logs an error is built once, then printed in each layout,
// once each, by the API or by one of the two command lines. Each must fail naming both slides, their
// source file and line, and the errors, exit non-zero, and leave the last good PDF as it was.
import type { PrintLayout } from '../scripts/lib/print.ts'
import { Buffer } from 'node:buffer'
import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRINT_LAYOUTS, printPdf } from '../scripts/lib/print.ts'
import { connectBrowser } from './support/browser.ts'
import { buildDeck } from './support/build.ts'
import { FIXTURE_ENTRY } from './support/fixture.ts'
import { ROOT, TEST_OUTPUT } from './support/paths.ts'

const run = promisify(execFile)
const OUT_DIR = join(TEST_OUTPUT, 'print-errors')
/** Beside the fixture deck's slides.md, whose headmatter it takes: the repository is its addon, so the deck's components, setup and data resolve as for the real deck. */
const ENTRY = join(dirname(FIXTURE_ENTRY), `.print-errors-${process.pid}.md`)
const DIST = join(TEST_OUTPUT, 'dist-print-errors')
/** Stands for the last good PDF, which a failed print must leave alone. */
const PREVIOUS = Buffer.from('%PDF-1.7 the last good PDF\n')

let expected: RegExp

beforeAll(async () => {
  await rm(OUT_DIR, { recursive: true, force: true })
  await mkdir(OUT_DIR, { recursive: true })
  // The fixture deck's headmatter (the repository as addon, title, fonts, canvas), then a good slide, one that throws and one that logs.
  const headmatter = /^---\n[\s\S]*?\n---\n/.exec(await readFile(FIXTURE_ENTRY, 'utf8'))![0]
  const body = [
    '',
    '# Fine',
    '',
    'A slide that renders.',
    '',
    '---',
    '',
    '# Broken',
    '',
    '<TalkLink talk="no-such-talk" link="no-such-link" />',
    '',
    '---',
    '',
    '# Logs',
    '',
    '<script setup>',
    'console.error(\'Logs: the chart has no data\')',
    '</script>',
    '',
  ].join('\n')
  const markdown = headmatter + body
  await writeFile(ENTRY, markdown)
  // Slidev starts a slide without frontmatter on the line after its `---`: the blank line before its heading.
  const lines = markdown.split('\n')
  const file = basename(ENTRY).replace(/\./g, '\\.')
  expected = new RegExp([
    `slide 2 \\("Broken", ${file}:${lines.indexOf('# Broken')}\\) has an error: TalkLink: no link "no-such-link" on talk "no-such-talk" in data/talks\\.ts`,
    `slide 3 \\("Logs", ${file}:${lines.indexOf('# Logs')}\\) has an error: Logs: the chart has no data`,
  ].join('; '))
  await buildDeck(DIST, [ENTRY])
}, 600_000)

afterAll(async () => {
  await rm(ENTRY, { force: true })
})

async function previous(name: string): Promise<{ dir: string, out: string }> {
  const dir = join(OUT_DIR, name)
  await mkdir(dir, { recursive: true })
  const out = join(dir, 'last-good.pdf')
  await writeFile(out, PREVIOUS)
  return { dir, out }
}

async function expectUntouched(dir: string, out: string): Promise<void> {
  expect(await readdir(dir)).toEqual([
    basename(out),
  ])
  expect(Buffer.compare(await readFile(out), PREVIOUS)).toBe(0)
}

/**
 * Each layout is printed once, by the API or by the command line that prints it (the command lines
 * call printPdf too, and print its stages on stdout): together they stop every layout.
 */
const BY_API: PrintLayout = 'notes'
const BY_CLI = [
  ['export.ts', [], 'slides'],
  [
    'handout.ts',
    ['--layout', '3up'],
    '3up',
  ],
] as const satisfies readonly (readonly [string, readonly string[], PrintLayout])[]

// The prints share nothing but the build and the entry, which they only read: they run at once.
describe.concurrent('a slide whose component throws or logs an error', () => {
  it('prints every layout once below, by printPdf or a command line', ({ expect }) => {
    expect([
      BY_API,
      ...BY_CLI.map(([, , layout]) => layout),
    ].sort()).toEqual([...PRINT_LAYOUTS].sort())
  })

  it(`stops printPdf's ${BY_API} handout while rendering, naming slide, file, line and error`, async ({ expect }) => {
    const browser = await connectBrowser()
    try {
      const { dir, out } = await previous(`api-${BY_API}`)
      const stages: string[] = []
      await expect(printPdf({
        layout: BY_API,
        distDir: DIST,
        entry: ENTRY,
        out,
        browser,
        onStage: (stage) => {
          stages.push(stage)
        },
      })).rejects.toThrow(expected)
      // It stops while rendering, before any post-processing or writing.
      expect(stages).toEqual(['build', 'render'])
      await expectUntouched(dir, out)
    }
    finally {
      await browser.close()
    }
  })

  it.for(BY_CLI)('makes scripts/%s exit non-zero with that one line, printing no stage past rendering, keeping the last good PDF', async ([script, args, layout], { expect }) => {
    const { dir, out } = await previous(`cli-${script}`)
    const failed = await run(process.execPath, [
      resolve(ROOT, 'scripts', script),
      '--dist',
      DIST,
      '--entry',
      ENTRY,
      '--out',
      out,
      ...args,
    ], { cwd: ROOT }).then(() => undefined, (error: { code: number, stdout: string, stderr: string }) => error)
    expect(failed?.code).toBe(1)
    const lines = failed!.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^${script.replace('.ts', '')} failed: `))
    expect(lines[0]).toMatch(expected)
    // printCli prints each stage as "STAGE: DETAIL": it stops while rendering its layout, before any post-processing or writing.
    const stages = failed!.stdout.trim().split('\n')
    expect(stages.map(line => line.split(':')[0])).toEqual(['build', 'render'])
    expect(stages[1]).toContain(`layout=${layout}`)
    await expectUntouched(dir, out)
  })
})
