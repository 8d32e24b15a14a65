import { onBeforeUnmount, onMounted } from 'vue'

/**
 * While the reader is shown: `html.reader-mode`, under which the page scrolls (Slidev fixes html,
 * body and #app to the window), and paper stays white: the page prints light whatever the screen's
 * colour scheme, which is restored after printing.
 */
export function usePageMode(): void {
  const html = document.documentElement
  let darkBeforePrint = false
  const beforePrint = (): void => {
    darkBeforePrint = html.classList.contains('dark')
    html.classList.remove('dark')
  }
  const afterPrint = (): void => {
    html.classList.toggle('dark', darkBeforePrint)
  }

  onMounted(() => {
    html.classList.add('reader-mode')
    window.addEventListener('beforeprint', beforePrint)
    window.addEventListener('afterprint', afterPrint)
  })

  onBeforeUnmount(() => {
    window.removeEventListener('beforeprint', beforePrint)
    window.removeEventListener('afterprint', afterPrint)
    html.classList.remove('reader-mode')
    delete html.dataset.reader
  })
}
