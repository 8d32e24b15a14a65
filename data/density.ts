import type { DensityComparison } from './schema.ts'

export const density = {
  report: {
    value: 10,
    wording: 'a factor of 10 or more',
    quote: 'Density increases of a factor of 10 or more are possible.',
    source: 'report',
  },
  vendor: {
    vendor: 'Canonical',
    context: 'LXD vs KVM results, announced by Mark Shuttleworth at the Vancouver summit, May 2015',
    claims: [
      { value: '14.5x', label: 'greater density than KVM' },
      { value: '94%', label: 'faster instance launch than KVM' },
      { value: '57%', label: 'less latency than KVM' },
    ],
    source: 'lxd-claims',
  },
} as const satisfies DensityComparison
