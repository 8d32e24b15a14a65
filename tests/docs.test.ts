import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './support/paths.ts'

/** The repository's files as git knows them, tracked or new (not ignored), relative to its root. */
const FILES = execFileSync('git', [
  'ls-files',
  '--cached',
  '--others',
  '--exclude-standard',
], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter(file => file !== '' && existsSync(join(ROOT, file)))

/** The documentation that describes the tree: the READMEs and docs/. */
const DOCS = FILES.filter(file => (basename(file) === 'README.md' || file.startsWith('docs/')) && file.endsWith('.md') && !file.startsWith('tests/fixtures/'))

/** A file named in `code` spans: a path or a file name with one of the tree's extensions, no wildcard, no URL. */
const NAMED_FILE = /`((?:[\w@.-]+\/)*[\w.-]+\.(?:ts|vue|css|json|md|js|toml|yml|txt|html))`/g

/**
 * Where a name in a document may point: a path from the document's folder or from the root, or a bare
 * file name that exists at the root or somewhere under the document's folder (the tables name files by
 * their name). A build's output (`dist/…`) is not the tree's to check.
 */
function resolves(doc: string, name: string): boolean {
  const folder = dirname(doc)
  if (name.startsWith('dist/'))
    return true
  if (FILES.includes(name))
    return true
  if (name.includes('/')) {
    return [
      join(folder, name),
      name,
    ].some(path => FILES.includes(path) || FILES.some(file => file.startsWith(`${path}/`)))
  }
  return FILES.some(file => basename(file) === name && (folder === '.' || file.startsWith(`${folder}/`)))
}

describe('the documentation names files that exist', () => {
  it.each(DOCS)('%s', (doc) => {
    const names = [
      ...readFileSync(join(ROOT, doc), 'utf8').matchAll(NAMED_FILE),
    ].map(m => m[1]!)
    expect(names.filter(name => !resolves(doc, name)), `${doc} names files that are not in the tree`).toEqual([])
  })
})
