import type { ClockState, PaceLog, Plan } from '../shared/pacing.ts'
import type { SlideFacts } from '../shared/slide-facts.ts'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPlan } from '../scripts/present/plan.ts'
import {
  buildPlan,
  describePace,
  elapsedMs,
  EMPTY_LOG,
  enterSlide,
  formatClock,
  MINUTE,
  paceAt,
  parseDuration,
  parseEndTime,
  pauseClock,
  PlanError,
  resumeClock,
  SECOND,
  startClock,
  STOPPED,
  togglePause,
} from '../shared/pacing.ts'
import { suggestBudgets, summarizeRuns } from '../shared/rehearsal.ts'

/** A fixture deck: three sections of 2, 3 and 1 slides with budgets of 2, 6 and 2 minutes. */
function fixture(overrides: Record<number, Record<string, unknown>> = {}): SlideFacts[] {
  const frontmatter: Record<number, Record<string, unknown>> = {
    1: { section: 'Intro', budget: '2min' },
    3: { section: 'Body', budget: '6min' },
    6: { section: 'End', budget: '2min' },
    ...overrides,
  }
  return [1, 2, 3, 4, 5, 6].map(no => ({
    no,
    title: `Slide ${no}`,
    frontmatter: frontmatter[no] ?? {},
    file: `pages/f${no}.md`,
  }))
}

const plan: Plan = buildPlan(fixture(), '10min')

/** A fake clock: the test moves time; the pacing functions only ever read `now`. */
function fakeClock(start = Date.UTC(2026, 10, 27, 9, 0)) {
  let now = start
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    },
  }
}

describe('budgets', () => {
  it('parses the durations budgets are written in', () => {
    expect(parseDuration('25min')).toBe(25 * MINUTE)
    expect(parseDuration('1.5min')).toBe(90 * SECOND)
    expect(parseDuration('2min 30s')).toBe(150 * SECOND)
    expect(parseDuration('90s')).toBe(90 * SECOND)
    for (const bad of [
      '4 mins',
      '4',
      '',
      'soon',
      '-2min',
      '0min',
      4,
    ])
      expect(parseDuration(bad), String(bad)).toBeUndefined()
  })

  it('builds sections with planned start times', () => {
    expect(plan.sections.map(s => [
      s.title,
      s.first,
      s.last,
      s.startMs / MINUTE,
    ])).toEqual([
      ['Intro', 1, 2, 0],
      ['Body', 3, 5, 2],
      ['End', 6, 6, 8],
    ])
  })

  it('names the file and field of a malformed budget', () => {
    expect(() => buildPlan(fixture({
      3: { section: 'Body', budget: '6 minutes' },
    }), '10min'))
      .toThrow(/pages\/f3\.md: budget "6 minutes" of section "Body"/)
  })

  it('names the section without a budget', () => {
    expect(() => buildPlan(fixture({
      6: { section: 'End' },
    }), '10min')).toThrow(/pages\/f6\.md: section "End" \(slide 6\) has no budget/)
  })

  it('refuses budgets that do not sum to the duration, listing them', () => {
    expect(() => buildPlan(fixture(), '25min')).toThrow(PlanError)
    expect(() => buildPlan(fixture(), '25min')).toThrow(/budgets sum to 10min but duration is 25min: Intro 2min \(pages\/f1\.md\)/)
  })

  it('refuses a budget on a slide that opens no section', () => {
    expect(() => buildPlan(fixture({
      4: { budget: '1min' },
    }), '10min')).toThrow(/pages\/f4\.md: slide 4 has budget/)
  })

  it('the deck itself: every section has a budget and they sum to its duration', async () => {
    const deckPlan = await loadPlan()
    expect(deckPlan.totalMs).toBe(25 * MINUTE)
    expect(deckPlan.sections.length).toBeGreaterThan(1)
    expect(deckPlan.sections.every(s => s.budgetMs > 0)).toBe(true)
  })

  it('a fixture deck with a malformed budget in a section file fails, naming that file and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pacing-fixture-'))
    try {
      await mkdir(join(dir, 'pages'))
      await writeFile(join(dir, 'slides.md'), '---\ntitle: Fixture\nduration: 5min\nsection: One\nbudget: 2min\n---\n\n# One\n\n---\nsrc: ./pages/two.md\n---\n')
      await writeFile(join(dir, 'pages/two.md'), '---\nsection: Two\nbudget: three minutes\n---\n\n# Two\n')
      await expect(loadPlan(join(dir, 'slides.md'))).rejects.toThrow(/pages\/two\.md: budget "three minutes" of section "Two"/)
      await writeFile(join(dir, 'pages/two.md'), '---\nsection: Two\nbudget: 2min\n---\n\n# Two\n')
      await expect(loadPlan(join(dir, 'slides.md'))).rejects.toThrow(/budgets sum to 4min but duration is 5min/)
      await writeFile(join(dir, 'pages/two.md'), '---\nsection: Two\nbudget: 3min\n---\n\n# Two\n')
      expect((await loadPlan(join(dir, 'slides.md'))).sections.map(s => s.title)).toEqual(['One', 'Two'])
    }
    finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('the pace clock', () => {
  it('counts elapsed time, not paused time; a pause shifts the plan instead of resetting it', () => {
    const t = fakeClock()
    let clock: ClockState = startClock(STOPPED, t.now())
    t.advance(3 * MINUTE)
    clock = pauseClock(clock, t.now())
    t.advance(5 * MINUTE)
    expect(elapsedMs(clock, t.now())).toBe(3 * MINUTE)
    clock = resumeClock(clock, t.now())
    t.advance(MINUTE)
    expect(elapsedMs(clock, t.now())).toBe(4 * MINUTE)
    clock = togglePause(clock, t.now())
    expect(clock.pausedAt).toBe(t.now())
    clock = togglePause(clock, t.now())
    expect(clock.pausedAt).toBeNull()
  })

  it('a question break keeps the pace: on slide 3 after 2 minutes of talk is on pace, however long the pause', () => {
    const t = fakeClock()
    let clock = startClock(STOPPED, t.now())
    let log = enterSlide(EMPTY_LOG, 1, 0)
    t.advance(MINUTE)
    log = enterSlide(log, 2, elapsedMs(clock, t.now()))
    clock = pauseClock(clock, t.now())
    t.advance(10 * MINUTE)
    clock = resumeClock(clock, t.now())
    t.advance(MINUTE)
    log = enterSlide(log, 3, elapsedMs(clock, t.now()))
    const pace = paceAt(plan, clock, log, 3, t.now())
    expect(pace.elapsedMs).toBe(2 * MINUTE)
    expect(pace.status).toBe('on-pace')
    expect(pace.remainingMs).toBe(8 * MINUTE)
    expect(describePace(pace)).toBe('on pace')
  })
})

describe('ahead and behind', () => {
  function at(slide: number, elapsedMinutes: number, log: PaceLog = EMPTY_LOG) {
    const t = fakeClock()
    const clock = startClock(STOPPED, t.now())
    t.advance(elapsedMinutes * MINUTE)
    return paceAt(plan, clock, log, slide, t.now())
  }

  it('is on pace inside the slide\'s planned window', () => {
    // Body: 6 minutes over slides 3 to 5, so slide 4 is planned from minute 4 to minute 6.
    expect(at(4, 4.5).status).toBe('on-pace')
    expect(at(4, 4.5).deltaMs).toBe(0)
  })

  it('is ahead when the slide comes before its planned time', () => {
    const pace = at(4, 1)
    expect(pace.status).toBe('ahead')
    expect(pace.deltaMs).toBe(3 * MINUTE)
    expect(describePace(pace)).toBe('3 min ahead')
  })

  it('is behind when the slide is still on screen after its window', () => {
    const pace = at(4, 8)
    expect(pace.status).toBe('behind')
    expect(pace.deltaMs).toBe(-2 * MINUTE)
    expect(describePace(pace)).toBe('2 min behind')
  })

  it('going back a slide puts the speaker further behind', () => {
    expect(at(3, 5).deltaMs).toBeLessThan(at(4, 5).deltaMs)
  })

  it('skipping a section puts the speaker ahead by its budget', () => {
    // At minute 2 the Body starts; jumping to End (planned at minute 8) is 6 minutes ahead.
    expect(at(6, 2).deltaMs).toBe(6 * MINUTE)
    expect(describePace(at(6, 2))).toBe('6 min ahead')
  })

  it('running over: remaining time goes negative and the pace says behind', () => {
    const pace = at(6, 12)
    expect(pace.remainingMs).toBe(-2 * MINUTE)
    expect(formatClock(pace.remainingMs)).toBe('-2:00')
    expect(describePace(pace)).toBe('2 min behind')
  })

  it('tracks the current section\'s time left across visits', () => {
    let log = enterSlide(EMPTY_LOG, 3, 0)
    log = enterSlide(log, 4, 2 * MINUTE)
    log = enterSlide(log, 1, 3 * MINUTE)
    log = enterSlide(log, 5, 4 * MINUTE)
    const pace = at(5, 5, log)
    expect(pace.section).toEqual({
      title: 'Body',
      budgetMs: 6 * MINUTE,
      spentMs: 4 * MINUTE,
      leftMs: 2 * MINUTE,
    })
  })

  it('before the start there is no pace', () => {
    const pace = paceAt(plan, STOPPED, EMPTY_LOG, 1, Date.now())
    expect(pace.status).toBe('not-started')
    expect(pace.remainingMs).toBe(10 * MINUTE)
    expect(describePace(pace)).toBe('not started')
  })
})

describe('end-time mode', () => {
  it('counts to a wall-clock time: "finish at 14:30"', () => {
    const now = new Date(2026, 10, 27, 14, 10).getTime()
    const endAt = parseEndTime('14:30', now)!
    expect(new Date(endAt).getHours()).toBe(14)
    expect(endAt - now).toBe(20 * MINUTE)
    expect(parseEndTime('25:00', now)).toBeUndefined()
    expect(parseEndTime('half past', now)).toBeUndefined()
  })

  it('slack is ahead, and a pause spends it', () => {
    const t = fakeClock(new Date(2026, 10, 27, 14, 0).getTime())
    let clock: ClockState = {
      ...startClock(STOPPED, t.now()),
      endAt: parseEndTime('14:12', t.now())!,
    }
    // 12 minutes for a 10-minute talk: 2 minutes ahead at the start.
    expect(paceAt(plan, clock, EMPTY_LOG, 1, t.now()).deltaMs).toBe(2 * MINUTE)
    clock = pauseClock(clock, t.now())
    t.advance(4 * MINUTE)
    const pace = paceAt(plan, clock, EMPTY_LOG, 1, t.now())
    expect(pace.remainingMs).toBe(8 * MINUTE)
    expect(describePace(pace)).toBe('1 min behind')
  })
})

describe('rehearsals', () => {
  const run = (body: number, date: string) => ({
    date,
    durationMs: 10 * MINUTE,
    sections: [
      { title: 'Intro', budgetMs: 2 * MINUTE, ms: 2 * MINUTE },
      { title: 'Body', budgetMs: 6 * MINUTE, ms: body * MINUTE },
      { title: 'End', budgetMs: 2 * MINUTE, ms: 2 * MINUTE },
    ],
    slides: [],
  })

  it('lists the last runs per section, newest first', () => {
    const summary = summarizeRuns(plan, [
      run(7, '2026-11-01T10:00:00Z'),
      run(8, '2026-11-02T10:00:00Z'),
    ], 3)
    expect(summary.map(s => s.title)).toEqual(['Intro', 'Body', 'End'])
    expect(summary[1]!.runsMs).toEqual([8 * MINUTE, 7 * MINUTE])
  })

  it('suggests budgets in proportion to the runs, summing to the duration', () => {
    const suggested = suggestBudgets(plan, [
      run(12, '2026-11-01T10:00:00Z'),
    ])
    // Runs of 2 + 12 + 2 = 16 minutes scaled to 10: 1.25, 7.5, 1.25, in half minutes summing to 10.
    expect(suggested.reduce((a, b) => a + b, 0)).toBe(10 * MINUTE)
    expect(suggested[1]).toBe(7.5 * MINUTE)
  })
})
