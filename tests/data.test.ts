import { describe, expect, it } from 'vitest'
import { companies, roles } from '../data/companies.ts'
import { sources } from '../data/sources.ts'
import { attendanceStats } from '../data/summit.ts'
import { talks } from '../data/talks.ts'
import { DataError, deckData, validateData } from '../data/validate.ts'

function broken(patch: (data: typeof deckData) => Partial<typeof deckData>) {
  const copy = structuredClone(deckData)
  return {
    ...copy,
    ...patch(copy),
  }
}

/** The shipped data with the links of talk `index` replaced by `link` alone. */
function withOnlyLink(index: number, link: Record<string, string>) {
  return broken(d => ({
    talks: d.talks.map((t, i) => i === index
      ? {
          ...(t as object),
          links: [link],
        }
      : t),
  }))
}

describe('deck data', () => {
  it('validates as shipped', () => {
    expect(() => validateData()).not.toThrow()
  })

  it('keeps the report\'s wording of the attendance', () => {
    const attendees = attendanceStats.find(s => s.id === 'attendees')
    expect(attendees).toMatchObject({ value: 5000, prefix: 'over', source: 'report' })
  })

  it('has the nine talks of the report, in its order', () => {
    expect(talks.map(t => t.label)).toEqual([
      'Summit Keynote',
      'LXD and how it provides higher compute density with better performance than KVM',
      'OpenStack for HPC and the Square Kilometre Array',
      'A short history of container technologies in Linux',
      'Patterns for managing state in a containers',
      'Update on Ceph and CephFS in OpenStack',
      'OpenStack Magnum - Containers as a Service',
      'Neutron and BGP Dynamic Routing',
      'A Recap, get a flavour of the summit',
    ])
  })

  it('carries no link the research marks as guessed', () => {
    const guessed = [
      'https://www.openstack.org/summit/tokyo-2015/videos/presentation/beginners-guide-to-containers-technology-and-how-it-actually-works',
      'https://www.openstack.org/summit/tokyo-2015/videos/presentation/the-state-of-ceph-manila-and-containers-in-openstack',
      'https://www.openstack.org/summit/tokyo-2015/videos/presentation/neutron-and-bgp-dynamic-routing',
    ]
    const urls = talks.flatMap(t => t.links.map(l => l.url))
    for (const url of guessed)
      expect(urls).not.toContain(url)
  })

  it('names every company of the report once', () => {
    const names = companies.map(c => c.name)
    for (const name of [
      'IBM',
      'HP',
      'Red Hat',
      'Rackspace',
      'Canonical',
      'EMC',
      'VMware',
      'Cisco',
      'Microsoft',
      'Google',
      'Intel',
      'NTT',
      'Yahoo Japan',
      'Huawei',
      'SK Telecom',
      'NEC',
    ])
      expect(names.filter(n => n === name)).toHaveLength(1)
    expect(roles.every(r => companies.some(c => (c.roles as readonly string[]).includes(r.id)))).toBe(true)
  })

  it('rejects a talk link that is not a URL, naming file, entry and field', () => {
    const data = withOnlyLink(6, { label: 'x', url: 'not a url', confidence: 'verified' })
    expect(() => validateData(data)).toThrow(DataError)
    expect(() => validateData(data)).toThrow(/data\/talks\.ts: talks\[6\] "magnum": field "links\.0\.url"/)
  })

  it('rejects an unknown confidence label', () => {
    const data = withOnlyLink(0, { label: 'x', url: 'https://example.org/', confidence: 'guessed' })
    expect(() => validateData(data)).toThrow(/data\/talks\.ts: talks\[0\] "keynote": field "links\.0\.confidence"/)
  })

  it('rejects a figure that is not a positive whole number', () => {
    const data = broken(d => ({
      attendanceStats: d.attendanceStats.map((s, i) => i === 0
        ? { ...(s as object), value: -1 }
        : s),
    }))
    expect(() => validateData(data)).toThrow(/data\/summit\.ts: attendanceStats\[0\] "attendees": field "value"/)
  })

  it('rejects a company with a role that does not exist', () => {
    const data = broken(d => ({
      companies: d.companies.map((c, i) => i === 1
        ? {
            ...(c as object),
            roles: ['keynote-sponsor'],
          }
        : c),
    }))
    expect(() => validateData(data)).toThrow(/data\/companies\.ts: companies\[1\] "HP": field "roles\.0": unknown id "keynote-sponsor"/)
  })

  it('rejects a citation of an unknown source', () => {
    const data = broken(d => ({
      attendanceStats: d.attendanceStats.map((s, i) => i === 2
        ? { ...(s as object), source: 'hearsay' }
        : s),
    }))
    expect(() => validateData(data)).toThrow(/data\/summit\.ts: attendanceStats\[2\] "tracks": field "source": unknown id "hearsay"/)
  })

  it('rejects duplicate source ids', () => {
    const data = broken(d => ({
      sources: [...d.sources, d.sources[0]],
    }))
    expect(() => validateData(data)).toThrow(/data\/sources\.ts: sources\[\d+\] "report": field "id": duplicate/)
  })

  it('gives every source a title, and a URL unless it is a repository file', () => {
    for (const source of sources)
      expect(source.title.length).toBeGreaterThan(5)
  })
})
