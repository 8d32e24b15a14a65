import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import { ROOT } from './paths.ts'

/** What a host's config says about the site: headers on every path, and which paths fall back to index.html. */
export interface HostConfig {
  name: string
  file: string
  /** Headers that apply to every path ("/*" or "/(.*)"), as the host would send them. */
  headers: Record<string, string>
  /** Whether a request for `path` (no file there) is answered with /index.html and status 200. */
  fallsBackToIndex: (path: string) => boolean
  buildCommand: string | undefined
  publishDir: string | undefined
}

function read(file: string): string {
  return readFileSync(resolve(ROOT, file), 'utf8')
}

interface NetlifyToml {
  build?: { command?: string, publish?: string }
  redirects?: { from: string, to: string, status?: number, force?: boolean }[]
  headers?: { for: string, values: Record<string, string> }[]
}

/** Netlify's path patterns: "*" as a splat matching the rest of the path. */
function netlifyPattern(from: string): RegExp {
  return new RegExp(`^${from.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
}

export function netlifyConfig(): HostConfig {
  const toml = parseToml(read('netlify.toml')) as NetlifyToml
  const headers = Object.assign({}, ...(toml.headers ?? []).filter(rule => rule.for === '/*').map(rule => rule.values)) as Record<string, string>
  return {
    name: 'Netlify',
    file: 'netlify.toml',
    headers,
    fallsBackToIndex: path => (toml.redirects ?? []).some(rule =>
      rule.to === '/index.html' && (rule.status ?? 301) === 200 && netlifyPattern(rule.from).test(path)),
    buildCommand: toml.build?.command,
    publishDir: toml.build?.publish,
  }
}

interface VercelJson {
  buildCommand?: string
  outputDirectory?: string
  rewrites?: { source: string, destination: string }[]
  headers?: { source: string, headers: { key: string, value: string }[] }[]
}

/** Vercel's sources are path-to-regexp patterns; ours are plain regular expressions in a group, which read the same. */
function vercelPattern(source: string): RegExp {
  if (/:\w/.test(source))
    throw new Error(`vercel.json: named parameters in "${source}" are not understood by this test`)
  return new RegExp(`^${source}$`)
}

export function vercelConfig(): HostConfig {
  const json = JSON.parse(read('vercel.json')) as VercelJson
  const everyPath = (json.headers ?? []).filter(rule => vercelPattern(rule.source).test('/') && vercelPattern(rule.source).test('/any/path.js'))
  const headers = Object.fromEntries(everyPath.flatMap(rule => rule.headers.map(h => [h.key, h.value])))
  return {
    name: 'Vercel',
    file: 'vercel.json',
    headers,
    fallsBackToIndex: path => (json.rewrites ?? []).some(rule => rule.destination === '/index.html' && vercelPattern(rule.source).test(path)),
    buildCommand: json.buildCommand,
    publishDir: json.outputDirectory,
  }
}

export interface WorkflowStep {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}

export interface PagesWorkflow {
  file: string
  on: unknown
  permissions: Record<string, string>
  /** Every step of every job, in order. */
  steps: WorkflowStep[]
}

export const PAGES_WORKFLOW = '.github/workflows/pages.yml'

export function pagesWorkflow(): PagesWorkflow {
  const yaml = parseYaml(read(PAGES_WORKFLOW)) as { on?: unknown, permissions?: Record<string, string>, jobs?: Record<string, { steps?: WorkflowStep[] }> }
  return {
    file: PAGES_WORKFLOW,
    on: yaml.on,
    permissions: yaml.permissions ?? {},
    steps: Object.values(yaml.jobs ?? {}).flatMap(job => job.steps ?? []),
  }
}
