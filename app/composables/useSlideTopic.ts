import type { ComputedRef } from 'vue'
import { computed } from 'vue'
import { useNav } from '../../setup/slidev-client.js'

/**
 * The number of the slide whose frontmatter names `topic` (`topic: magnum`), so a slide can point at
 * another by what it is about rather than by a number that moves when slides are added. Throws when
 * no slide has it, so a broken reference fails the build's print and the tests.
 */
export function useSlideTopic(topic: () => string): ComputedRef<number> {
  const { slides } = useNav()
  return computed(() => {
    const wanted = topic()
    const found = slides.value.find(slide => slide.meta.slide?.frontmatter.topic === wanted)
    if (!found)
      throw new Error(`no slide has "topic: ${wanted}" in its frontmatter`)
    return found.no
  })
}
