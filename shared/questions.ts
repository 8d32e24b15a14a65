// Questions from the room (`./deck present`): asked on a phone in the audience view, tied to a slide,
// shown to the room, answered or hidden by the presenter. The relay keeps them as an append-only log
// of events (scripts/present/questions-log.ts writes it, flushed before an asker is told "received");
// this module is the book those events make, and what each reader of it may see. Pure.

export const MAX_QUESTION_CHARS = 500
export const MAX_NAME_CHARS = 60
export const MAX_ANSWER_CHARS = 200

/** pending: only the presenter (and the asker) see it; shown: the room sees it; hidden: no one else, never printed. */
export type Visibility = 'pending' | 'shown' | 'hidden'

/** A question as the views show it: text only, never HTML (Vue's interpolation prints it as text). */
export interface Question {
  id: string
  slide: number
  text: string
  name?: string | undefined
  askedAt: number
  visibility: Visibility
  answered: boolean
  answer?: string | undefined
  votes: number
  /** To an asker only, on their own questions. */
  mine?: boolean
}

export type QuestionAction = 'show' | 'hide' | 'answer' | 'reopen'

/** One line of the log. `asker` and `voter` are digests of a browser's id (never the id itself). */
export type QuestionEvent
  = | { t: 'ask', id: string, slide: number, text: string, name?: string | undefined, at: number, asker: string, nonce: string }
    | { t: 'vote', id: string, voter: string }
    | { t: 'show' | 'hide' | 'reopen', id: string }
    | { t: 'answer', id: string, answer?: string | undefined }

export interface QuestionBook {
  questions: Map<string, Question>
  /** Who asked each question (a digest). */
  askers: Map<string, string>
  /** `asker nonce` to the question it made: an ask sent again (a reconnect) is the same question. */
  asked: Map<string, string>
  /** `id voter`: one vote a question per browser. */
  votes: Set<string>
}

export function emptyBook(): QuestionBook {
  return {
    questions: new Map(),
    askers: new Map(),
    asked: new Map(),
    votes: new Set(),
  }
}

/**
 * Applies one event to the book; returns false (and changes nothing) for one that does not apply: a
 * question asked twice, a vote twice, an action on a question that does not exist.
 */
export function applyEvent(book: QuestionBook, event: QuestionEvent): boolean {
  if (event.t === 'ask') {
    if (book.questions.has(event.id) || book.asked.has(`${event.asker} ${event.nonce}`))
      return false
    book.questions.set(event.id, {
      id: event.id,
      slide: event.slide,
      text: event.text,
      ...(event.name
        ? { name: event.name }
        : {}),
      askedAt: event.at,
      visibility: 'pending',
      answered: false,
      votes: 0,
    })
    book.askers.set(event.id, event.asker)
    book.asked.set(`${event.asker} ${event.nonce}`, event.id)
    return true
  }
  const question = book.questions.get(event.id)
  if (!question)
    return false
  switch (event.t) {
    case 'vote': {
      const vote = `${event.id} ${event.voter}`
      if (book.votes.has(vote) || question.visibility !== 'shown')
        return false
      book.votes.add(vote)
      question.votes++
      return true
    }
    case 'show':
      question.visibility = 'shown'
      return true
    case 'hide':
      question.visibility = 'hidden'
      return true
    case 'answer':
      question.answered = true
      question.answer = event.answer || undefined
      return true
    case 'reopen':
      question.answered = false
      question.answer = undefined
      return true
  }
}

/** The book the log's events make, in order; events that do not apply are skipped. */
export function bookOf(events: Iterable<QuestionEvent>): QuestionBook {
  const book = emptyBook()
  for (const event of events)
    applyEvent(book, event)
  return book
}

/** The queue's order: by slide, then most voted, then newest first. */
export function queueOrder(questions: Iterable<Question>): Question[] {
  return [...questions].sort((a, b) => a.slide - b.slide || b.votes - a.votes || b.askedAt - a.askedAt)
}

/** What the relay sends of questions (shared/protocol.ts's `questions`, `question`, `question-gone`). */
export type QuestionsUpdate
  = | { type: 'questions', questions: Question[] }
    | { type: 'question', question: Question }
    | { type: 'question-gone', id: string }

/** A client's questions after an update from the relay: the whole list, one question new or changed, or one gone. */
export function applyUpdate(list: readonly Question[], update: QuestionsUpdate): Question[] {
  switch (update.type) {
    case 'questions':
      return update.questions
    case 'question':
      return queueOrder([
        ...list.filter(q => q.id !== update.question.id),
        update.question,
      ])
    case 'question-gone':
      return list.filter(q => q.id !== update.id)
  }
}

/** Everything, for key holders (the presenter view, the remote). */
export function forPresenter(book: QuestionBook): Question[] {
  return queueOrder(book.questions.values())
}

/** For someone in the room: the questions shown to it, and their own whatever becomes of them (hidden ones say only that they are not shown). */
export function forAudience(book: QuestionBook, asker: string | undefined): Question[] {
  const out: Question[] = []
  for (const question of book.questions.values()) {
    const mine = asker !== undefined && book.askers.get(question.id) === asker
    if (question.visibility === 'shown' || mine) {
      out.push({
        ...question,
        ...(mine
          ? { mine: true }
          : {}),
      })
    }
  }
  return queueOrder(out)
}

/** The questions a handout prints: those shown to the room, by slide. */
export function printedQuestions(questions: Iterable<Question>): Question[] {
  return queueOrder([...questions].filter(q => q.visibility === 'shown'))
}

/** A Markdown record of the meeting's questions, by slide, with the slide titles given. */
export function questionsMarkdown(questions: readonly Question[], titleOf: (slide: number) => string, heading: string): string {
  const lines = [`# ${heading}`, '']
  let slide = 0
  for (const q of queueOrder(questions)) {
    if (q.slide !== slide) {
      slide = q.slide
      lines.push(`## Slide ${slide}: ${titleOf(slide)}`, '')
    }
    const who = q.name
      ? ` (${q.name})`
      : ''
    const state = [
      q.visibility === 'shown'
        ? 'shown'
        : q.visibility,
      q.answered ? 'answered' : 'open',
      q.votes
        ? `${q.votes} +1`
        : '',
    ].filter(Boolean).join(', ')
    lines.push(`- ${q.text.replace(/\s+/g, ' ')}${who} [${state}]`)
    if (q.answer)
      lines.push(`  - Answer: ${q.answer}`)
  }
  if (slide === 0)
    lines.push('No questions.')
  return `${lines.join('\n')}\n`
}
