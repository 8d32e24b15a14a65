import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../scripts/lib/deck.ts'
import { ROOT } from './support/paths.ts'

const run = promisify(execFile)
const deck = await loadDeck()
const lines = (file: string): string[] => readFileSync(resolve(ROOT, file), 'utf8').split(/\r?\n/)

describe('where each slide is written (DeckSlide.file and .line)', () => {
  it.each(deck.slides.map(s => [s.number, s] as const))('slide %i starts at its line: the file\'s first line or a --- separator', (_n, slide) => {
    const text = lines(slide.file)
    expect(slide.line, `${slide.file}:${slide.line}`).toBeGreaterThanOrEqual(1)
    expect(slide.line).toBeLessThanOrEqual(text.length)
    if (slide.line > 1)
      expect(text[slide.line - 1], `${slide.file}:${slide.line}`).toBe('---')
  })

  it.each(deck.slides.filter(s => s.heading !== undefined).map(s => [s.number, s] as const))('slide %i shows its heading between its line and the next slide of its file', (_n, slide) => {
    const text = lines(slide.file)
    const next = deck.slides.find(other => other.file === slide.file && other.line > slide.line)?.line ?? text.length + 1
    const own = text.slice(slide.line - 1, next - 1)
    expect(own.some(line => /^#\s/.test(line) && line.replace(/\*\*|__|[*_`]/g, '').includes(slide.heading!)), `${slide.file}:${slide.line}-${next - 1} has no "# ${slide.heading}"`).toBe(true)
  })
})

describe('npm run slides: the running order', () => {
  it('prints one line a slide, with number, section, file:line and title, in order', async () => {
    const { stdout } = await run(process.execPath, [
      resolve(ROOT, 'scripts/slides.ts'),
    ], { cwd: ROOT })
    const [header, ...rows] = stdout.trimEnd().split('\n')
    expect(header?.split(/\s{2,}/).map(cell => cell.trim())).toEqual(['#', 'section', 'source', 'title'])
    expect(rows).toHaveLength(deck.slides.length)
    for (const [i, row] of rows.entries()) {
      const slide = deck.slides[i]!
      const cells = row.trim().split(/\s{2,}/)
      expect(cells, row).toEqual([
        String(slide.number),
        slide.section,
        `${slide.file}:${slide.line}`,
        slide.title,
      ])
    }
    // A few checked against the files themselves, not against loadDeck: the first slide is the
    // headmatter of slides.md, and a section's opening slide is where its `section:` key is.
    expect(rows[0]).toMatch(/^\s*1\s+\S.*(?:[\n\r\u2028\u2029]\s*|[\t\v\f \xA0\u1680\u2000-\u200A\u202F\u205F\u3000\uFEFF])slides\.md:1\s+/)
    for (const slide of deck.slides.filter(s => s.startsSection && s.number > 1)) {
      const row = rows[slide.number - 1]!
      const [, file, line] = /\s(\S+\.md):(\d+)\s/.exec(row) ?? []
      const text = lines(file!)
      const frontmatterEnd = text.indexOf('---', Number(line))
      expect(text.slice(Number(line), frontmatterEnd), row).toContain(`section: ${slide.section}`)
    }
  })
})
