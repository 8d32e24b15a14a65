// Bad input stops every print, loudly: a deck with a slide whose component throws (a <TalkLink> to a
// talk that does not exist) and one that logs an error is built once, then printed in each layout, by
// the API and by the two command lines. Each must fail naming both slides, their source file and line,
// and the errors, exit non-zero, and leave the last good PDF as it was.
import type { PrintLayout } from '../scripts/lib/print.ts'
import { Buffer } from 'node:buffer'
import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { printPdf } from '../scripts/lib/print.ts'
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

describe('a slide whose component throws or logs an error', () => {
  it('stops the slides PDF, the handout and the 3-up handout, naming slide, file, line and error', async () => {
    const browser = await connectBrowser()
    try {
      for (const layout of ['slides', 'notes', '3up'] as const satisfies readonly PrintLayout[]) {
        const { dir, out } = await previous(`api-${layout}`)
        const stages: string[] = []
        await expect(printPdf({
          layout,
          distDir: DIST,
          entry: ENTRY,
          out,
          browser,
          onStage: (stage) => {
            stages.push(stage)
          },
        }), layout).rejects.toThrow(expected)
        // It stops while rendering, before any post-processing or writing.
        expect(stages, layout).toEqual(['build', 'render'])
        await expectUntouched(dir, out)
      }
    }
    finally {
      await browser.close()
    }
  })

  it.each([
    ['export.ts', []],
    [
      'handout.ts',
      ['--layout', '3up'],
    ],
  ])('makes scripts/%s exit non-zero with that one line, keeping the last good PDF', async (script, args) => {
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
    ], { cwd: ROOT }).then(() => undefined, (error: { code: number, stderr: string }) => error)
    expect(failed?.code).toBe(1)
    const lines = failed!.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^${script.replace('.ts', '')} failed: `))
    expect(lines[0]).toMatch(expected)
    await expectUntouched(dir, out)
  })
})
