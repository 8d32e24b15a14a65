import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { join, relative, resolve, sep } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { listFiles } from './files.ts'

const run = promisify(execFile)

/** The Nu HTML Checker (the W3C's), as the vnu-jar package ships it. */
export const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')

/** JAVA_HOME's java if set, else the one on PATH. Not vnu-jar's own launcher, which downloads a Java runtime when none is found. */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME
    ? join(env.JAVA_HOME, 'bin', 'java')
    : 'java'
}

/** The HTML files under `dir`, relative to it. */
export async function htmlFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter(file => /\.html?$/i.test(file))
}

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error'
  subType?: string
  url?: string
  lastLine?: number
  firstColumn?: number
  lastColumn?: number
  message: string
  extract?: string
}

/**
 * Checks every HTML file under each of `dirs` with the Nu HTML Checker, all in one `java -jar vnu.jar`
 * (the JVM takes a second or two to start), and returns its errors (warnings left out), each as
 * "DIR/FILE:LINE:COLUMN: MESSAGE" with the markup around it; none for valid files. Throws when a
 * directory has no HTML file, and when Java is missing, saying how to install it.
 */
export async function htmlErrors(dirs: readonly string[]): Promise<string[]> {
  return (await checkHtml(dirs)).map(error => error.text)
}

/**
 * As htmlErrors, in the same one run of the checker, but each directory's errors apart: for a test
 * file that checks several builds in tests of their own. An error that names no file of any of them
 * (the checker's own) is in every directory's list.
 */
export async function htmlErrorsByDir(dirs: readonly string[]): Promise<Map<string, string[]>> {
  const errors = await checkHtml(dirs)
  return new Map(dirs.map(dir => [
    dir,
    errors.filter(error => error.dir === undefined || error.dir === dir).map(error => error.text),
  ]))
}

interface HtmlError {
  /** The one of the checked directories the file is in (the deepest, should they nest); undefined when it names no file in any. */
  dir: string | undefined
  text: string
}

async function checkHtml(dirs: readonly string[]): Promise<HtmlError[]> {
  const files: string[] = []
  for (const dir of dirs) {
    const found = await htmlFiles(dir)
    if (!found.length)
      throw new Error(`no HTML file in ${dir}`)
    files.push(...found.map(file => resolve(dir, file)))
  }
  const java = javaCommand()
  let stdout: string
  try {
    ({ stdout } = await run(java, [
      // A short run: the JIT's first tier only and the simplest collector start the checker about twice
      // as fast; first-tier code takes more stack, and the checker's schema needs at least 512k of it.
      '-Xss4m',
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-jar',
      VNU_JAR,
      '--errors-only',
      '--format',
      'json',
      '--stdout',
      ...files,
    ], { maxBuffer: 64 * 1024 * 1024 }))
  }
  catch (error) {
    const failure = error as NodeJS.ErrnoException & { stdout?: string, stderr?: string }
    if (failure.code === 'ENOENT') {
      throw new Error(`no Java to run the Nu HTML Checker (${java} not found): install a Java runtime, 11 or later `
        + `(Debian: apt-get install default-jre-headless; ./deck test does this), or set JAVA_HOME`)
    }
    // vnu exits 1 when it found errors, with its report on stdout.
    if (!failure.stdout?.trim().startsWith('{'))
      throw new Error(`the Nu HTML Checker failed (${java} -jar ${VNU_JAR}): ${failure.message}\n${failure.stderr ?? ''}`)
    stdout = failure.stdout
  }
  const { messages } = JSON.parse(stdout) as { messages: VnuMessage[] }
  const cwd = process.cwd()
  const dirOf = (path: string): string | undefined => dirs
    .filter(dir => path.startsWith(`${resolve(dir)}${sep}`))
    .sort((a, b) => resolve(b).length - resolve(a).length)[0]
  return messages
    .filter(message => message.type !== 'info')
    .map((message) => {
      const path = message.url?.startsWith('file:')
        ? fileURLToPath(message.url)
        : message.url ?? '(no file)'
      const file = relative(cwd, path).startsWith('..')
        ? path
        : relative(cwd, path)
      const where = [file, message.lastLine, message.firstColumn ?? message.lastColumn].filter(part => part !== undefined).join(':')
      const extract = message.extract
        ? `\n    ${message.extract.replace(/\s+/g, ' ').trim()}`
        : ''
      return {
        dir: dirOf(path),
        text: `${where}: ${message.type === 'error'
          ? ''
          : `${message.type}: `}${message.message}${extract}`,
      }
    })
}
