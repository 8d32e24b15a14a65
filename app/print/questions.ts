import type { MeetingQuestions } from '../../shared/print-model'
import type { Question } from '../../shared/questions'
import { QUESTIONS_GLOBAL } from '../../shared/print-model'

/**
 * The meeting's questions printPdf handed the page (scripts/lib/print.ts, before the route loaded),
 * or none: a handout printed without `--questions`, or the route opened in a browser.
 */
export function meetingQuestions(): MeetingQuestions | undefined {
  const given = (window as unknown as Record<string, unknown>)[QUESTIONS_GLOBAL] as MeetingQuestions | undefined
  return given && Array.isArray(given.questions) && given.questions.length > 0
    ? given
    : undefined
}

/** A slide's questions, in the order given. */
export function questionsOf(meeting: MeetingQuestions | undefined, no: number): Question[] {
  return meeting?.questions.filter(q => q.slide === no) ?? []
}
