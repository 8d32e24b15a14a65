import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** 32 random bytes: 256 bits, twice what the key needs, as 43 base64url characters. */
const SECRET_BYTES = 32
const SECRET = /^[\w-]{43}$/

/**
 * The presenting key: kept in `stateDir/secret` (git-ignored, readable by its owner only) so that a
 * paired phone reconnects after the server restarts; `rotate` makes a new one, which unpairs every
 * remote. A file that holds anything but a key is replaced.
 */
export function loadSecret(stateDir: string, rotate = false): string {
  const file = join(stateDir, 'secret')
  if (!rotate && existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim()
    if (SECRET.test(kept))
      return kept
  }
  mkdirSync(stateDir, { recursive: true, mode: 0o700 })
  const secret = randomBytes(SECRET_BYTES).toString('base64url')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}
