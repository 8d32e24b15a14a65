// The questions' log of `./deck present`: one JSON event a line (shared/questions.ts), appended and
// flushed to disk (fsync) before the relay tells an asker "received", so that a crash of the server
// or of the machine loses no question anyone saw acknowledged. Read back whole at the next start; a
// line cut short by a crash mid-write is skipped, as is anything that is not an event.
import type { QuestionEvent } from '../../shared/questions.ts'
import type { QuestionsLog } from './relay.ts'
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs'
import { z } from 'zod'
import { MAX_ANSWER_CHARS, MAX_NAME_CHARS, MAX_QUESTION_CHARS } from '../../shared/questions.ts'

export const QUESTIONS_FILE = 'questions.jsonl'

const id = z.string().max(64)
const eventSchema = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('ask'),
    id,
    slide: z.number().int().min(1),
    text: z.string().max(MAX_QUESTION_CHARS),
    name: z.string().max(MAX_NAME_CHARS).optional(),
    at: z.number(),
    asker: id,
    nonce: id,
  }),
  z.object({
    t: z.literal('vote'),
    id,
    voter: id,
  }),
  z.object({
    t: z.enum(['show', 'hide', 'reopen']),
    id,
  }),
  z.object({
    t: z.literal('answer'),
    id,
    answer: z.string().max(MAX_ANSWER_CHARS).optional(),
  }),
])

/** The events of a log file, in order; `skipped` counts the lines that were not events. */
export function readQuestionEvents(file: string): { events: QuestionEvent[], skipped: number } {
  if (!existsSync(file))
    return { events: [], skipped: 0 }
  const events: QuestionEvent[] = []
  let skipped = 0
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim())
      continue
    try {
      const parsed = eventSchema.safeParse(JSON.parse(line))
      if (parsed.success)
        events.push(parsed.data as QuestionEvent)
      else
        skipped++
    }
    catch {
      skipped++
    }
  }
  return { events, skipped }
}

/** Opens the log for appending, with the events already in it. */
export function openQuestionsLog(file: string, log: (line: string) => void = () => {}): QuestionsLog & { close: () => void } {
  const { events, skipped } = readQuestionEvents(file)
  if (skipped)
    log(`present: ${skipped} line(s) of ${file} were not questions' events and are skipped (a write cut short by a crash?)`)
  const fd = openSync(file, 'a')
  // A line cut short by a crash has no newline: the next event starts on a line of its own.
  const text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : ''
  if (text && !text.endsWith('\n'))
    writeSync(fd, '\n')
  return {
    events,
    append(event) {
      writeSync(fd, `${JSON.stringify(event)}\n`)
      fsyncSync(fd)
    },
    close() {
      closeSync(fd)
    },
  }
}
