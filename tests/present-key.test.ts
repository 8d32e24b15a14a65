// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'

/** The key's way into a page: from the URL's fragment to this tab's storage, and out of the address bar. */
describe('the presenting key in the browser', () => {
  it('is read from #key=, kept for the tab, and taken out of the address bar', async () => {
    const key = 'a'.repeat(43)
    window.history.replaceState(null, '', `/presenter/1?x=1#key=${key}`)
    vi.resetModules()
    const { presentingKey } = await import('../app/present/key.ts')
    expect(presentingKey()).toBe(key)
    expect(window.location.hash).toBe('')
    expect(window.location.pathname + window.location.search).toBe('/presenter/1?x=1')
    expect(sessionStorage.getItem('recap-present-key')).toBe(key)
  })

  it('comes back from the tab\'s storage after a reload, and is absent where it never was', async () => {
    window.history.replaceState(null, '', '/presenter/2')
    vi.resetModules()
    expect((await import('../app/present/key.ts')).presentingKey()).toBe('a'.repeat(43))
    sessionStorage.clear()
    vi.resetModules()
    expect((await import('../app/present/key.ts')).presentingKey()).toBeUndefined()
  })

  it('ignores a fragment that is not a key', async () => {
    window.history.replaceState(null, '', '/remote#key=<script>')
    vi.resetModules()
    expect((await import('../app/present/key.ts')).presentingKey()).toBeUndefined()
  })
})
