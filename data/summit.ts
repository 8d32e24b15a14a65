import type { EventInfo, Stat } from './schema.ts'

export const event = {
  name: 'OpenStack Summit',
  city: 'Tokyo',
  month: 'October 2015',
  dates: 'Tuesday 27 to Friday 30 October 2015',
  release: 'Liberty',
  report: {
    title: 'OpenStack Summit Report',
    author: 'Donovan Jones',
    publisher: 'Catalyst Cloud',
  },
  source: 'faq',
} as const satisfies EventInfo

/**
 * The summit's week as its FAQ planned it ("The Summit will run for four days, Tuesday - Friday,
 * October 27 - 30, 2015: Keynotes will be held Tuesday and Wednesday … Main Conference Breakout
 * sessions run Tuesday – Thursday; Design Summit developer & operator working sessions run Tuesday -
 * Friday."). `from` and `to` index `days`.
 */
export const week = {
  days: ['Tue 27', 'Wed 28', 'Thu 29', 'Fri 30'],
  tracks: [
    {
      id: 'keynotes',
      label: 'Keynotes',
      from: 0,
      to: 1,
    },
    {
      id: 'conference',
      label: 'Main conference',
      from: 0,
      to: 2,
    },
    {
      id: 'design-summit',
      label: 'Design summit',
      from: 0,
      to: 3,
    },
  ],
  source: 'faq',
} as const

/** The attendance figures, worded as their sources word them ("over 5000", not "5,000+"). */
export const attendanceStats = [
  {
    id: 'attendees',
    value: 5000,
    prefix: 'over',
    label: 'attendees',
    source: 'report',
  },
  {
    id: 'countries',
    value: 56,
    prefix: 'from',
    label: 'countries',
    source: 'day1-notes',
  },
  {
    id: 'tracks',
    value: 14,
    label: 'tracks in the main conference alone',
    source: 'report',
  },
  {
    id: 'days',
    value: 4,
    label: 'days, Tuesday to Friday',
    source: 'faq',
  },
  {
    id: 'cadence',
    value: 6,
    prefix: 'every',
    label: 'months, a new summit',
    source: 'report',
  },
] as const satisfies readonly Stat[]

/** The report's example of the resources being put into the project. */
export const innovationCenter = {
  clusters: 2,
  nodesPerCluster: 1000,
  source: 'report',
} as const

/** From a write-up of the Day 2 keynote; the write-up does not say who gave this figure. */
export const neutronUsage = {
  value: 89,
  unit: '%',
  quote: '89% of respondents to the latest OpenStack User Survey said they\'re using Neutron in production.',
  source: 'mitaka-notes',
} as const
