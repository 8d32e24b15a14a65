import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../scripts/lib/deck.ts'
import { loadPlan } from '../scripts/present/plan.ts'
import { formatBudget, formatClock } from '../shared/pacing.ts'
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
  it('prints each section with its budget and start, then one line a slide: number, file:line and title, in order', async () => {
    const { stdout } = await run(process.execPath, [
      resolve(ROOT, 'scripts/slides.ts'),
    ], { cwd: ROOT })
    const plan = await loadPlan()
    const printed = stdout.trimEnd().split('\n')
    expect(printed).toHaveLength(plan.sections.length + deck.slides.length + 1)
    const rows: string[] = []
    let at = 0
    for (const section of plan.sections) {
      const [, start, title, budget] = /^\s*(\d+:\d\d) {2}(.+) \(budget (.+)\)$/.exec(printed[at] ?? '') ?? []
      expect(title, printed[at]).toBe(section.title)
      expect(start, printed[at]).toBe(formatClock(section.startMs))
      expect(budget, printed[at]).toBe(formatBudget(section.budgetMs))
      at += 1
      for (let no = section.first; no <= section.last; no += 1) {
        rows[no - 1] = printed[at]!
        at += 1
      }
    }
    expect(printed[at]).toMatch(new RegExp(`^\\s*${formatClock(plan.totalMs)} {2}end \\(duration ${formatBudget(plan.totalMs)}\\)$`))
    for (const [i, row] of rows.entries()) {
      const slide = deck.slides[i]!
      expect(plan.sections.find(s => s.first <= slide.number && slide.number <= s.last)?.title, row).toBe(slide.section)
      expect(row.trim().split(/\s{2,}/), row).toEqual([
        String(slide.number),
        `${slide.file}:${slide.line}`,
        slide.title,
      ])
    }
    // A few checked against the files themselves, not against loadDeck: the first slide is the
    // headmatter of slides.md, and a section's opening slide is where its `section:` key is.
    expect(rows[0]).toMatch(/^\s*1\s+slides\.md:1\s+/)
    for (const slide of deck.slides.filter(s => s.startsSection && s.number > 1)) {
      const row = rows[slide.number - 1]!
      const [, file, line] = /\s(\S+\.md):(\d+)\s/.exec(row) ?? []
      const text = lines(file!)
      const frontmatterEnd = text.indexOf('---', Number(line))
      expect(text.slice(Number(line), frontmatterEnd), row).toContain(`section: ${slide.section}`)
    }
  })
})
