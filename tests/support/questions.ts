import type { ServerMessage } from '../../shared/protocol.ts'
import type { Question } from '../../shared/questions.ts'
import { applyUpdate } from '../../shared/questions.ts'

/** The questions a relay client has after these messages, as the browser keeps them: the welcome's list, then each change. */
export function questionsOf(inbox: readonly ServerMessage[]): Question[] {
  return inbox.reduce<Question[]>((list, message) => message.type === 'questions' || message.type === 'question' || message.type === 'question-gone'
    ? applyUpdate(list, message)
    : list, [])
}
