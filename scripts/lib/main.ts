import process from 'node:process'

/**
 * Runs a script's `main` with its command-line arguments when the script is run directly; a failure
 * is one report on stderr, "NAME failed: MESSAGE", and exit code 1 (no stack trace).
 */
export function runMain(name: string, main: (argv: string[]) => Promise<void>): void {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`${name} failed: ${error instanceof Error
      ? error.message
      : String(error)}`)
    process.exitCode = 1
  })
}
