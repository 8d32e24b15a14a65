import type { z } from 'zod'
import { companies, roles } from './companies.ts'
import { density } from './density.ts'
import {
  companySchema,
  densitySchema,
  eventSchema,
  roleSchema,
  sourceSchema,
  statSchema,
  talkSchema,
} from './schema.ts'
import { sources } from './sources.ts'
import { attendanceStats, event } from './summit.ts'
import { talks } from './talks.ts'

/** A data error names the file, the entry and the field, so the fix is one hop away. */
export class DataError extends Error {
  override name = 'DataError'
  readonly file: string
  readonly entry: string
  readonly field: string

  constructor(file: string, entry: string, field: string, detail: string) {
    super(`${file}: ${entry}: field "${field}": ${detail}`)
    this.file = file
    this.entry = entry
    this.field = field
  }
}

function entryName(collection: string, index: number, value: unknown): string {
  const record = (value ?? {}) as Record<string, unknown>
  const key = record.id ?? record.name
  return typeof key === 'string'
    ? `${collection}[${index}] "${key}"`
    : `${collection}[${index}]`
}

/** Parses every entry of one collection; the first problem becomes a DataError. */
export function checkEntries<S extends z.ZodType>(file: string, collection: string, schema: S, entries: readonly unknown[]): z.infer<S>[] {
  return entries.map((value, index) => {
    const result = schema.safeParse(value)
    if (!result.success) {
      const issue = result.error.issues[0]!
      throw new DataError(file, entryName(collection, index, value), issue.path.join('.') || '(entry)', issue.message)
    }
    return result.data
  })
}

function checkUnique(file: string, collection: string, field: string, values: readonly string[]): void {
  values.forEach((value, index) => {
    if (values.indexOf(value) !== index)
      throw new DataError(file, `${collection}[${index}] "${value}"`, field, `duplicate ${field} "${value}"`)
  })
}

function checkReference(file: string, entry: string, field: string, value: string, known: readonly string[]): void {
  if (!known.includes(value))
    throw new DataError(file, entry, field, `unknown id "${value}" (known: ${known.join(', ')})`)
}

export interface DeckData {
  sources: readonly unknown[]
  event: unknown
  attendanceStats: readonly unknown[]
  roles: readonly unknown[]
  companies: readonly unknown[]
  talks: readonly unknown[]
  density: unknown
}

export const deckData: DeckData = {
  sources,
  event,
  attendanceStats,
  roles,
  companies,
  talks,
  density,
}

/** Validates the deck's data modules (or a modified copy, in tests); throws a DataError on the first fault. */
export function validateData(data: DeckData = deckData): void {
  const checkedSources = checkEntries('data/sources.ts', 'sources', sourceSchema, data.sources)
  const sourceIds = checkedSources.map(s => s.id)
  checkUnique('data/sources.ts', 'sources', 'id', sourceIds)

  const [checkedEvent] = checkEntries('data/summit.ts', 'event', eventSchema, [data.event])
  checkReference('data/summit.ts', 'event', 'source', checkedEvent!.source, sourceIds)
  const stats = checkEntries('data/summit.ts', 'attendanceStats', statSchema, data.attendanceStats)
  checkUnique('data/summit.ts', 'attendanceStats', 'id', stats.map(s => s.id))
  stats.forEach((s, i) => checkReference('data/summit.ts', entryName('attendanceStats', i, s), 'source', s.source, sourceIds))

  const checkedRoles = checkEntries('data/companies.ts', 'roles', roleSchema, data.roles)
  const roleIds = checkedRoles.map(r => r.id)
  checkUnique('data/companies.ts', 'roles', 'id', roleIds)
  checkedRoles.forEach((r, i) => checkReference('data/companies.ts', entryName('roles', i, r), 'source', r.source, sourceIds))
  const checkedCompanies = checkEntries('data/companies.ts', 'companies', companySchema, data.companies)
  checkUnique('data/companies.ts', 'companies', 'name', checkedCompanies.map(c => c.name))
  checkedCompanies.forEach((c, i) => c.roles.forEach((role, r) =>
    checkReference('data/companies.ts', entryName('companies', i, c), `roles.${r}`, role, roleIds)))

  const checkedTalks = checkEntries('data/talks.ts', 'talks', talkSchema, data.talks)
  checkUnique('data/talks.ts', 'talks', 'id', checkedTalks.map(t => t.id))

  const [checkedDensity] = checkEntries('data/density.ts', 'density', densitySchema, [data.density])
  checkReference('data/density.ts', 'density', 'report.source', checkedDensity!.report.source, sourceIds)
  checkReference('data/density.ts', 'density', 'vendor.source', checkedDensity!.vendor.source, sourceIds)
}
