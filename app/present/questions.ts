import type { ComputedRef } from 'vue'
// Questions from the room, the browser's end (shared/questions.ts has the model, the relay keeps the
// log): this browser's asks waiting for the relay's "received" (kept on the device, and sent again
// after a reconnect or a reload: the relay knows an ask it has already), its votes, and the commands
// of key holders. The questions this browser may see are `live.questions` (connection.ts).
import type { QuestionAction } from '../../shared/questions.ts'
import { useLocalStorage } from '@vueuse/core'
import { computed, ref } from 'vue'
import { askerId, nonce } from './asker.ts'
import { live, onServerMessage, sendCommand, sendRoomMessage } from './connection.ts'

export interface PendingAsk {
  nonce: string
  slide: number
  text: string
  name?: string | undefined
}

/** Asks sent and not yet acknowledged (sent again after a reconnect or a reload), and the questions this browser voted for. */
export const pending = useLocalStorage<PendingAsk[]>('recap-pending-asks', [])
export const voted = useLocalStorage<string[]>('recap-voted', [])
/** How many asks the relay has acknowledged since this page loaded: what "Received" says. */
export const received = ref(0)
/** The last ask the relay refused (over a cap): not kept, given back to the asker's box. */
export const refusedAsk = ref<PendingAsk>()

function send(ask: PendingAsk): void {
  sendRoomMessage({
    type: 'ask',
    slide: ask.slide,
    text: ask.text,
    ...(ask.name
      ? { name: ask.name }
      : {}),
    asker: askerId(),
    nonce: ask.nonce,
  })
}

/** Asks a question about `slide`; it is kept until the relay says it has it on disk. */
export function ask(slide: number, text: string, name?: string): void {
  const entry: PendingAsk = {
    nonce: nonce(),
    slide,
    text: text.trim(),
    ...(name?.trim()
      ? {
          name: name.trim(),
        }
      : {}),
  }
  pending.value = [...pending.value, entry]
  send(entry)
}

export function vote(id: string): void {
  if (voted.value.includes(id))
    return
  voted.value = [...voted.value, id]
  sendRoomMessage({
    type: 'vote',
    id,
    asker: askerId(),
  })
}

/** With the key: show a question to the room, hide it, mark it answered (with a line of answer) or open again. */
export function act(id: string, action: QuestionAction, answer?: string): boolean {
  return sendCommand({
    type: 'question',
    id,
    action,
    ...(action === 'answer' && answer?.trim()
      ? {
          answer: answer.trim(),
        }
      : {}),
  })
}

onServerMessage((message) => {
  // Welcomed (after every hello): what was asked and not acknowledged goes again.
  if (message.type === 'welcome') {
    for (const entry of pending.value)
      send(entry)
  }
  if (message.type === 'refused' && message.nonce !== undefined) {
    refusedAsk.value = pending.value.find(entry => entry.nonce === message.nonce)
    pending.value = pending.value.filter(entry => entry.nonce !== message.nonce)
  }
  if (message.type === 'asked' && pending.value.some(entry => entry.nonce === message.nonce)) {
    pending.value = pending.value.filter(entry => entry.nonce !== message.nonce)
    received.value++
  }
})

/** The queue's counts for key holders' labels: questions not yet shown or hidden, and those about slide `current()`. */
export function useQueueCounts(current: () => number): { fresh: ComputedRef<number>, onSlide: ComputedRef<number> } {
  return {
    fresh: computed(() => live.questions.filter(q => q.visibility === 'pending').length),
    onSlide: computed(() => live.questions.filter(q => q.slide === current()).length),
  }
}
