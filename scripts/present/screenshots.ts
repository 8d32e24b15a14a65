import { execFile } from 'node:child_process'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { launchChromium } from '../lib/browser.ts'
import { DECK_ROOT } from '../lib/deck.ts'
import { animationsDone, fontsReady } from '../lib/page.client.ts'
import { printPdf } from '../lib/print.ts'
import { launchPresent } from './launch.ts'
import { sessionQuestions } from './questions.ts'

/**
 * The pictures in docs/presenting.md: the presenter view with its pacing strip and the remote's QR
 * code, the phone remote at 390x844 and an audience phone; then a question from the room: the
 * audience's ask box, the presenter's queue, and the handout page that prints it (rendered with
 * poppler's pdftoppm). Served by `./deck present` from the build in dist-present/ (made if needed),
 * with a throwaway key and state so no real one ends up in a picture.
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

  // A question from the room, about slide 4: asked, shown to the room, answered.
  await presenter.getByRole('button', { name: 'Remote' }).click()
  await audience.getByRole('button', { name: 'Ask a question' }).click()
  const ask = audience.getByRole('dialog')
  await ask.getByLabel('Your question').fill('How does this compare with the size of our own region?')
  await ask.getByLabel('Your name (optional)').fill('Ana')
  await ask.getByRole('button', { name: 'Send' }).click()
  await ask.getByText(/^Received/).waitFor()
  await audience.screenshot({
    path: join(OUT, 'present-ask.png'),
  })
  await presenter.getByRole('button', { name: /^Questions \(/ }).click()
  const queue = presenter.locator('#present-questions')
  await queue.getByRole('button', { name: 'Show to the room' }).click()
  await queue.getByText('shown to the room').waitFor()
  await presenter.screenshot({
    path: join(OUT, 'present-questions.png'),
  })
  await queue.getByLabel('Answer (optional, one line)').fill('We will compare after the meeting.')
  await queue.getByRole('button', { name: 'Answered' }).click()
  await queue.getByText('Answer: We will compare after the meeting.').waitFor()

  // The handout made from the session: the page of slide 4, with the question under its notes.
  const pdf = join(temp, 'handout.pdf')
  const printed = await printPdf({
    layout: 'notes',
    distDir: resolve(DECK_ROOT, 'dist-present'),
    out: pdf,
    questions: sessionQuestions(temp),
    browser,
  })
  const page = printed.manifest.pages.find(p => p.slides.some(s => s.no === 4))!.index + 1
  await promisify(execFile)('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    join(temp, 'handout-questions'),
  ])
  await copyFile(join(temp, 'handout-questions.png'), join(OUT, 'handout-questions.png'))
  await browser.close()
  console.log(`screenshots in ${OUT}: present-presenter.png, present-remote.png, present-audience.png, present-ask.png, present-questions.png, handout-questions.png`)
}
finally {
  await present.stop()
  await rm(temp, { recursive: true, force: true })
}
