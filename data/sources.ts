import type { Source } from './schema.ts'

/**
 * Every source a slide may cite. `report` is the content's source; the others come from
 * ../shared/research/talks.md, with the confidence label given there.
 */
export const sources = [
  {
    id: 'report',
    short: 'Catalyst Cloud report (Donovan Jones)',
    title: 'Donovan Jones, "OpenStack Summit Report", Catalyst Cloud blog',
    url: 'https://www.catalyst.net.nz/blog/openstack-summit-report',
    confidence: 'verified',
  },
  {
    id: 'faq',
    short: 'Summit FAQ',
    title: 'OpenStack Foundation, OpenStack Summit Tokyo 2015 FAQ',
    url: 'https://www.openstack.org/summit/tokyo-2015/faq/',
    confidence: 'verified',
  },
  {
    id: 'day1-notes',
    short: 'dave.dev day 1 notes',
    title: 'dave.dev, OpenStack Summit Tokyo 2015, Tuesday 27th show notes',
    url: 'https://dave.dev/blog/2015/10/openstack-summit-tokyo-2015-tuesday-27th-show-notes/',
    confidence: 'verified',
  },
  {
    id: 'mitaka-notes',
    short: 'larainema.github.io summit notes',
    title: 'larainema.github.io, "Mitaka OpenStack Summit at Tokyo" (GitHub file 2015-12-11-mitaka-openstack-summit-at-tokyo.md)',
    confidence: 'verified',
  },
  {
    id: 'innovation-center',
    short: 'Rivard Report',
    title: 'Rivard Report, "Intel and Rackspace announce new innovation center here"',
    url: 'https://sanantonioreport.org/intel-and-rackspace-announce-new-innovation-center-here/',
    confidence: 'verified',
  },
  {
    id: 'lxd-claims',
    short: 'Canonical\'s figures, reposted by Cloud Albania',
    title: 'Cloud Albania blog, "LXD crushes KVM in density and speed" (repost of Canonical\'s May 2015 results)',
    url: 'http://cloudalbania.blogspot.com/2015/05/lxd-crushes-kvm-in-density-and-speed.html',
    confidence: 'verified',
  },
  {
    id: 'magnum-quickstart',
    short: 'Magnum dev-quickstart at 1.0.0.0b1',
    title: 'openstack/magnum, doc/source/dev/dev-quickstart.rst at tag 1.0.0.0b1 (Liberty, October 2015)',
    confidence: 'verified',
  },
  {
    id: 'kolla-readme',
    short: 'Kolla README at 1.0.0-liberty',
    title: 'openstack/kolla, README.rst at tag 1.0.0-liberty (21 October 2015)',
    confidence: 'verified',
  },
  {
    id: 'kuryr-slides',
    short: 'Kuryr slides',
    title: 'Kuryr slides, "Kuryr: OpenShift" (SlideShare)',
    url: 'http://www.slideshare.net/celebdor/kuryr-open-shift',
    confidence: 'verified',
  },
  {
    id: 'confreaks',
    short: 'Confreaks video index',
    title: 'Confreaks, OpenStack Summit Tokyo 2015 video index (307 available presentations)',
    url: 'https://confreaks.tv/events/openstacksummittokyo2015',
    confidence: 'verified',
  },
] as const satisfies readonly Source[]

export type SourceId = (typeof sources)[number]['id']
