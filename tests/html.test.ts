import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { withOneCharset } from '../setup/vite-plugins.ts'
import { htmlErrors, htmlFiles } from './support/html.ts'

describe('the built deck is valid HTML', () => {
  it('has its first paint and one charset declaration in index.html', async () => {
    const html = await readFile(join(inject('distDir'), 'index.html'), 'utf8')
    // The first paint is slide 1's markup copied into the page: what the checker below must see.
    expect(html).toContain('id="recap-first-paint"')
    expect(html.match(/<meta charset=/gi)).toHaveLength(1)
    expect(html).not.toMatch(/http-equiv="content-type"/i)
  })

  it('passes the Nu HTML Checker with no error, in every HTML file of the build', async () => {
    const dist = inject('distDir')
    expect(await htmlFiles(dist)).toEqual(expect.arrayContaining([
      'index.html',
      '404.html',
      '2.html',
      'read.html',
    ]))
    const errors = await htmlErrors([dist])
    expect(errors, `${errors.length} HTML errors:\n${errors.join('\n')}`).toEqual([])
  })
})

describe('withOneCharset', () => {
  const head = (meta: string): string => `<!DOCTYPE html>\n<html>\n<head>\n${meta}<title>t</title>\n</head>\n</html>\n`

  it('drops meta http-equiv Content-Type beside meta charset, line and all', () => {
    expect(withOneCharset(head('<meta charset="utf-8">\n<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n')))
      .toBe(head('<meta charset="utf-8">\n'))
  })

  it('keeps it when it is the only declaration, and leaves other http-equiv tags alone', () => {
    const only = head('<meta http-equiv="content-type" content="text/html; charset=utf-8">\n')
    expect(withOneCharset(only)).toBe(only)
    const csp = head('<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">\n')
    expect(withOneCharset(csp)).toBe(csp)
  })
})
