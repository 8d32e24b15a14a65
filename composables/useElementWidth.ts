import type { Ref } from 'vue'
import { onBeforeUnmount, onMounted, ref } from 'vue'

/**
 * The laid-out width of an element in CSS pixels (transforms such as the slide's scale do not
 * count), kept up to date with a ResizeObserver; undefined until measured, and outside a browser.
 */
export function useElementWidth(element: Readonly<Ref<Element | null | undefined>>): Ref<number | undefined> {
  const width = ref<number>()
  let observer: ResizeObserver | undefined
  onMounted(() => {
    const el = element.value
    if (!el || typeof ResizeObserver === 'undefined')
      return
    observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect
      if (box)
        width.value = box.width
    })
    observer.observe(el)
  })
  onBeforeUnmount(() => observer?.disconnect())
  return width
}
