// Dev aid: screenshots of every slide of a built deck, for looking at.
import { mkdir } from 'node:fs/promises'
import process from 'node:process'
import { launchChromium } from './lib/browser.ts'
import { serveStatic } from './lib/serve.ts'

const [dist = 'dist', out = 'test-output/shots', total = '24', scheme = 'light'] = process.argv.slice(2)
await mkdir(out, { recursive: true })
const server = await serveStatic(dist)
const browser = await launchChromium()
const page = await browser.newPage({
  viewport: { width: 980, height: 552 },
  colorScheme: scheme as 'light' | 'dark',
})
page.on('console', m => m.type() === 'error' && console.log('console:', m.text()))
page.on('pageerror', e => console.log('pageerror:', e.message))
for (let n = 1; n <= Number(total); n++) {
  await page.goto(`${server.url}${n}?clicks=99`, { waitUntil: 'networkidle' })
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: `${out}/${String(n).padStart(2, '0')}.png` })
}
await browser.close()
await server.close()
