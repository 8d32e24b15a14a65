import process from 'node:process'
import { firstLine } from '../../shared/errors.ts'
import { SlidevBuildError } from './build.ts'

/**
 * The one way a command fails: runs a script's `main` with its command-line arguments; a failure is
 * one report on stderr, "NAME failed: FIRST LINE OF THE MESSAGE", and exit code 1, no stack trace.
 * A failed Slidev build adds Slidev's own output below that line, which says where.
 */
export function runMain(name: string, main: (argv: string[]) => Promise<void>): void {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`${name} failed: ${firstLine(error)}`)
    if (error instanceof SlidevBuildError && error.output)
      console.error(error.output)
    process.exitCode = 1
  })
}
