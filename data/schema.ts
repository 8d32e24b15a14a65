import { z } from 'zod'

const confidence = z.enum(['verified', 'inferred'])
const nonEmpty = z.string().trim().min(1)
const httpUrl = z.url({ protocol: /^https?$/ })

export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: nonEmpty,
  /** How a slide's source line names it; the full title is for the sources list. */
  short: nonEmpty.optional(),
  url: httpUrl.optional(),
  confidence,
})

export const statSchema = z.object({
  id: nonEmpty,
  value: z.number().int().positive(),
  prefix: z.enum(['over', 'from', 'every']).optional(),
  label: nonEmpty,
  source: nonEmpty,
})

export const eventSchema = z.object({
  name: nonEmpty,
  city: nonEmpty,
  month: nonEmpty,
  dates: nonEmpty,
  release: nonEmpty,
  report: z.object({ title: nonEmpty, author: nonEmpty, publisher: nonEmpty }),
  source: nonEmpty,
})

export const roleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: nonEmpty,
  others: nonEmpty.optional(),
  source: nonEmpty,
})

export const companySchema = z.object({
  name: nonEmpty,
  roles: z.array(nonEmpty).min(1),
})

export const linkSchema = z.object({
  /** Set on a link a slide refers to by name. */
  id: z.string().regex(/^[a-z0-9-]+$/).optional(),
  label: nonEmpty,
  url: httpUrl,
  confidence,
})

export const talkSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: nonEmpty,
  title: nonEmpty,
  /** A few words naming it on the projected talks slide. */
  short: nonEmpty.max(32),
  /** The `topic` (frontmatter) of the slide whose theme it belongs to. */
  slide: z.string().regex(/^[a-z0-9-]+$/),
  speakers: nonEmpty.optional(),
  when: nonEmpty.optional(),
  note: nonEmpty.optional(),
  links: z.array(linkSchema),
})

export const densitySchema = z.object({
  report: z.object({
    value: z.number().positive(),
    wording: nonEmpty,
    quote: nonEmpty,
    source: nonEmpty,
  }),
  vendor: z.object({
    vendor: nonEmpty,
    versus: nonEmpty,
    context: nonEmpty,
    claims: z.array(z.object({ value: nonEmpty, label: nonEmpty })).min(1),
    source: nonEmpty,
  }),
})

export type Source = z.infer<typeof sourceSchema>
export type Stat = z.infer<typeof statSchema>
export type EventInfo = z.infer<typeof eventSchema>
export type Role = z.infer<typeof roleSchema>
export type Company = z.infer<typeof companySchema>
export type Talk = z.infer<typeof talkSchema>
export type DensityComparison = z.infer<typeof densitySchema>
