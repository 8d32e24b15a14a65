// Waiting on the DOM as a condition, not a delay: shared by the routes that lay themselves out (handout, reader).

/** Resolves once `check()` holds, re-checking on every DOM change under `root`; rejects after `timeoutMs`. */
export function until(check: () => boolean, root: Node, timeoutMs: number, what: string): Promise<void> {
  if (check())
    return Promise.resolve()
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const observer = new MutationObserver(() => {
      if (!check())
        return
      clearTimeout(timer)
      observer.disconnect()
      resolve()
    })
    timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))
    }, timeoutMs)
    observer.observe(root, { childList: true, subtree: true, attributes: true })
  })
}
