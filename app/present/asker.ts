import { useLocalStorage } from '@vueuse/core'

function randomId(bytes: number): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes))
  return btoa(String.fromCharCode(...data)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * This browser's id for its questions and its "+1"s, kept on the device (so that reconnecting, or
 * reloading, is still the same asker and voter); the relay keeps only a digest of it.
 */
const asker = useLocalStorage('recap-asker', () => randomId(16))

export function askerId(): string {
  return asker.value
}

/** A fresh random id: an ask's nonce. */
export function nonce(): string {
  return randomId(12)
}
