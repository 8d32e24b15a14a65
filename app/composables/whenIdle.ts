/** Runs `work` once the browser is idle, or after 200 ms where it has no requestIdleCallback. */
export function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === 'function')
    window.requestIdleCallback(() => work())
  else
    setTimeout(work, 200)
}
