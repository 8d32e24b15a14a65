import type { Buffer } from 'node:buffer'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

/** Every file under `dir`, recursively, as paths relative to it (dotfiles included). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter(entry => entry.isFile()).map(entry => relative(dir, join(entry.parentPath, entry.name))).sort()
}

/** A file's text as a search would see it: .gz and .br files decompressed, everything read as UTF-8 and Latin-1. */
export async function searchableText(file: string): Promise<string> {
  let bytes: Buffer = await readFile(file)
  if (file.endsWith('.gz'))
    bytes = gunzipSync(bytes)
  else if (file.endsWith('.br'))
    bytes = brotliDecompressSync(bytes)
  return `${bytes.toString('utf8')}\n${bytes.toString('latin1')}`
}

/**
 * A pattern for `words` as they may appear after a build: separated by any whitespace or escaped
 * whitespace (\n in JSON or JS strings, &#10; or &nbsp; in HTML, \u00a0), case kept.
 */
export function wordsPattern(words: readonly string[]): RegExp {
  const gap = String.raw`(?:\s|\\[nrt]|\\u00a0|&#10;|&#x0?a;|&nbsp;|&#160;)+`
  return new RegExp(words.map(word => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(gap))
}

/**
 * The longest runs of plain words (letters and digits only) in a sentence: what survives
 * any escaping (JSON, HTML entities, \u escapes of quotes and dashes) unchanged.
 */
export function plainWordRuns(sentence: string, minWords = 6): string[][] {
  return sentence
    .split(/[^\p{L}\p{N}\s]+/u)
    .map(run => run.trim().split(/\s+/).filter(Boolean))
    .filter(run => run.length >= minWords && run.every(word => /^[A-Z0-9]+$/i.test(word)))
}
