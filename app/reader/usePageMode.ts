import { onBeforeUnmount, onMounted } from 'vue'

/**
 * While the reader is shown: `html.reader-mode`, under which the page scrolls (Slidev fixes html,
 * body and #app to the window). Its paper (light in print) is app/composables/useWholeDeck.ts's.
 */
export function usePageMode(): void {
  const html = document.documentElement

  onMounted(() => {
    html.classList.add('reader-mode')
  })

  onBeforeUnmount(() => {
    html.classList.remove('reader-mode')
    delete html.dataset.reader
  })
}
