/** What went wrong, as text: the one way the project turns a thrown value into a message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error
    ? error.message
    : String(error)
}

/** The first non-empty line of an error's message (Playwright's run on to pages of call log). */
export function firstLine(error: unknown): string {
  return errorMessage(error).split('\n').map(line => line.trim()).find(line => line !== '') ?? 'unknown error'
}
