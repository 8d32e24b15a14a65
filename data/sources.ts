import type { Source } from './schema.ts'

/**
 * Every source a slide may cite. `report` is the content's source; the others come from
 * sources/talks.md, with the confidence label given there.
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
    title: 'openstack.org, the official OpenStack Summit Tokyo 2015 FAQ',
    url: 'https://www.openstack.org/summit/tokyo-2015/faq/',
    confidence: 'verified',
  },
  {
    id: 'day1-notes',
    short: 'dave.dev Day 1 show notes',
    title: 'dave.dev, Day 1 show notes (Tuesday 27 October)',
    url: 'https://dave.dev/blog/2015/10/openstack-summit-tokyo-2015-tuesday-27th-show-notes/',
    confidence: 'verified',
  },
  {
    id: 'mitaka-notes',
    short: 'larainema.github.io file on GitHub',
    title: 'GitHub file larainema/larainema.github.io, 2015-12-11-mitaka-openstack-summit-at-tokyo.md',
    confidence: 'verified',
  },
  {
    id: 'innovation-center',
    short: 'sanantonioreport.org',
    title: 'sanantonioreport.org, on the Intel and Rackspace OpenStack Innovation Center in San Antonio',
    url: 'https://sanantonioreport.org/intel-and-rackspace-announce-new-innovation-center-here/',
    confidence: 'verified',
  },
  {
    id: 'lxd-claims',
    short: 'Canonical\'s figures, reposted on cloudalbania.blogspot.com',
    title: 'cloudalbania.blogspot.com, a repost of Canonical\'s LXD vs KVM results (May 2015)',
    url: 'http://cloudalbania.blogspot.com/2015/05/lxd-crushes-kvm-in-density-and-speed.html',
    confidence: 'verified',
  },
  {
    id: 'magnum-quickstart',
    short: 'Magnum dev-quickstart at 1.0.0.0b1',
    title: 'openstack/magnum git repo, dev-quickstart.rst at tag 1.0.0.0b1 (tagged 2015-10-21, "Liberty Beta 1" in the Magnum wiki)',
    confidence: 'verified',
  },
  {
    id: 'kolla-readme',
    short: 'Kolla README at 1.0.0-liberty',
    title: 'openstack/kolla git repo, README at tag 1.0.0-liberty (2015-10-21)',
    confidence: 'verified',
  },
  {
    id: 'kuryr-slides',
    short: 'Kuryr slides',
    title: 'Kuryr slides on SlideShare (slideshare.net/celebdor)',
    url: 'http://www.slideshare.net/celebdor/kuryr-open-shift',
    confidence: 'verified',
  },
  {
    id: 'confreaks',
    short: 'Confreaks Tokyo event index',
    title: 'Confreaks Tokyo event index ("307 available presentations")',
    url: 'https://confreaks.tv/events/openstacksummittokyo2015',
    confidence: 'verified',
  },
] as const satisfies readonly Source[]
