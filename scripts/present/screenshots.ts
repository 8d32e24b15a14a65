import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { launchChromium } from '../lib/browser.ts'
import { DECK_ROOT } from '../lib/deck.ts'
import { animationsDone, fontsReady } from '../lib/page.client.ts'
import { launchPresent } from './launch.ts'

/**
 * The pictures in docs/presenting.md: the presenter view with its pacing strip and the remote's QR
 * code, the phone remote at 390x844 and an audience phone. Served by `./deck present` from the
 * build in dist-present/ (made if needed), with a throwaway key so no real one ends up in a picture.
 */
const OUT = resolve(DECK_ROOT, 'docs/images')

const temp = await mkdtemp(join(tmpdir(), 'present-shots-'))
const present = await launchPresent({
  stateDir: temp,
  rehearsals: join(temp, 'rehearsals'),
})
try {
  const urls = present.urls
  const browser = await launchChromium()
  const presenterContext = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
  })
  const presenter = await presenterContext.newPage()
  await presenter.goto(urls.presenter)
  await presenter.getByText('Relay connected').waitFor()
  const phone = {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    colorScheme: 'light' as const,
  }
  const remote = await (await browser.newContext(phone)).newPage()
  await remote.goto(urls.remote)
  await remote.getByText('Connected', { exact: true }).waitFor()
  const audience = await (await browser.newContext(phone)).newPage()
  await audience.goto(urls.audience)
  await audience.getByText('Live: following the talk').waitFor({ state: 'attached' })
  // A few slides into the talk: the clock runs, the pace has something to say.
  for (let i = 0; i < 3; i++) {
    await remote.getByRole('button', { name: 'Next', exact: true }).click()
    await presenter.waitForURL(new RegExp(`/presenter/${i + 2}$`))
  }
  await audience.waitForURL(/\/4(\?.*)?$/)
  await presenter.getByRole('button', { name: 'Remote' }).click()
  await presenter.evaluate(fontsReady)
  // The slide transition has ended on every page.
  for (const page of [presenter, audience])
    await page.waitForFunction(animationsDone)
  await presenter.screenshot({
    path: join(OUT, 'present-presenter.png'),
  })
  await remote.screenshot({
    path: join(OUT, 'present-remote.png'),
  })
  await audience.screenshot({
    path: join(OUT, 'present-audience.png'),
  })
  await browser.close()
  console.log(`screenshots in ${OUT}: present-presenter.png, present-remote.png, present-audience.png`)
}
finally {
  await present.stop()
  await rm(temp, { recursive: true, force: true })
}
