// `./deck questions`: the questions of the last `./deck present` session, per slide, as kept in its
// log (.present/questions.jsonl), and exported for the minutes or the handout.
// Usage: ./deck questions [--state-dir .present] [--json FILE] [--markdown FILE] [--clear]
//   --json FILE      every question (hidden ones too, marked), as JSON: `./deck handout --questions FILE` prints the shown ones
//   --markdown FILE  the same as Markdown, by slide
//   --clear          archives the log (questions-DATE.jsonl beside it) so the next meeting starts with none
import type { Question } from '../../shared/questions.ts'
import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { bookOf, forPresenter, MAX_ANSWER_CHARS, MAX_NAME_CHARS, MAX_QUESTION_CHARS, questionsMarkdown } from '../../shared/questions.ts'
import { slideTitle } from '../../shared/slides.ts'
import { writeFileAtomic } from '../lib/atomic.ts'
import { DECK_ROOT, loadDeck } from '../lib/deck.ts'
import { runMain } from '../lib/main.ts'
import { QUESTIONS_FILE, readQuestionEvents } from './questions-log.ts'

/** What an export file holds: the questions, and the meeting's day (the first question's). */
export interface QuestionsExport {
  meeting: string
  questions: Question[]
}

/** The questions of a log (questions.jsonl), in the queue's order, and the day of the first. */
export function logQuestions(file: string): QuestionsExport {
  const questions = forPresenter(bookOf(readQuestionEvents(file).events))
  const first = Math.min(...questions.map(q => q.askedAt))
  return {
    meeting: new Date(Number.isFinite(first)
      ? first
      : Date.now()).toISOString().slice(0, 10),
    questions,
  }
}

/** The questions in a session's log, or undefined when the session has none. */
export function sessionQuestions(stateDir: string): QuestionsExport | undefined {
  const file = join(stateDir, QUESTIONS_FILE)
  return existsSync(file)
    ? logQuestions(file)
    : undefined
}

export class QuestionsFileError extends Error {
  override name = 'QuestionsFileError'
}

const questionSchema = z.object({
  id: z.string(),
  slide: z.number().int().min(1),
  text: z.string().max(MAX_QUESTION_CHARS),
  name: z.string().max(MAX_NAME_CHARS).optional(),
  askedAt: z.number(),
  visibility: z.enum(['pending', 'shown', 'hidden']),
  answered: z.boolean(),
  answer: z.string().max(MAX_ANSWER_CHARS).optional(),
  votes: z.number().int().min(0),
})
const exportSchema = z.strictObject({
  meeting: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  questions: z.array(questionSchema),
})

/**
 * A meeting's questions from a file: a session's log (`.jsonl`, as `./deck present` writes it) or an
 * export (`./deck questions --json`). A file that is neither says which field is wrong.
 */
export function loadQuestionsFile(file: string): QuestionsExport {
  if (!existsSync(file))
    throw new QuestionsFileError(`${file}: no such file`)
  if (file.endsWith('.jsonl'))
    return logQuestions(file)
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  }
  catch (error) {
    throw new QuestionsFileError(`${file}: not JSON (${(error as Error).message})`)
  }
  const parsed = exportSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new QuestionsFileError(`${file}: ${issue.path.join('.') || 'the file'}: ${issue.message}`)
  }
  return parsed.data as QuestionsExport
}

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'state-dir': {
        type: 'string',
        default: join(DECK_ROOT, '.present'),
      },
      'json': { type: 'string' },
      'markdown': { type: 'string' },
      'clear': { type: 'boolean', default: false },
    },
  })
  const stateDir = resolve(values['state-dir'])
  const found = sessionQuestions(stateDir)
  if (!found) {
    console.log(`no questions: ${relative(process.cwd(), join(stateDir, QUESTIONS_FILE))} does not exist (./deck present writes it)`)
    return
  }
  const deck = await loadDeck()
  const titleOf = (no: number): string => slideTitle(deck.slides[no - 1]?.title, no)
  const markdown = questionsMarkdown(found.questions, titleOf, `Questions from the meeting on ${found.meeting}`)
  if (values.json) {
    await writeFileAtomic(resolve(values.json), `${JSON.stringify(found, null, 2)}\n`)
    console.log(`wrote ${values.json}`)
  }
  if (values.markdown) {
    await writeFileAtomic(resolve(values.markdown), markdown)
    console.log(`wrote ${values.markdown}`)
  }
  if (!values.json && !values.markdown)
    process.stdout.write(markdown)
  if (values.clear) {
    const archive = join(stateDir, `questions-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`)
    renameSync(join(stateDir, QUESTIONS_FILE), archive)
    console.log(`archived the log to ${relative(process.cwd(), archive)}: the next ./deck present starts with no questions`)
  }
}

if (import.meta.main)
  runMain('questions', main)
