import { resolve } from 'node:path'
import process from 'node:process'

export const ROOT = resolve(import.meta.dirname, '../..')

/** Where tests write what they make (builds, PDFs, screenshots); RECAP_TEST_OUTPUT moves it, e.g. for two runs at once. */
export const TEST_OUTPUT = resolve(ROOT, process.env.RECAP_TEST_OUTPUT ?? 'test-output')
