import type { Talk } from './schema.ts'

/**
 * The nine talks the report highlights, in its order. `label` is the report's wording; the rest is
 * from sources/talks.md. URLs the research marks as guessed (I) are left out; a verified
 * URL whose match to the report's label is only inferred carries `confidence: 'inferred'`. A `title`
 * is a talk's title as the research read it, or the report's label where no title was read (the
 * keynote, the missing HPC talk, and the recap video, whose research title is only its URL slug).
 * `short` is how the projected talks slide names it (a few of the report's words); `slide` is the
 * `topic` (in its frontmatter) of the slide whose theme the talk belongs to.
 * The report's own links could not be read: every link here is one the research found.
 */
export const talks = [
  {
    id: 'keynote',
    short: 'Summit Keynote',
    slide: 'innovation-center',
    label: 'Summit Keynote',
    title: 'Summit Keynote',
    speakers: 'Day 1 hosted by Jonathan Bryce, Day 2 by Mark Collier',
    when: 'Tue 27 and Wed 28 October',
    note: 'The report does not say which day it meant, so both are listed.',
    links: [
      { label: 'Day 1 keynote (YouTube)', url: 'https://www.youtube.com/watch?v=fnPj9pQc2L8', confidence: 'verified' },
      { label: 'Day 2 keynote (openstack.org)', url: 'https://www.openstack.org/summit/tokyo-2015/videos/presentation/day-2-openstack-summit-keynote', confidence: 'verified' },
      {
        id: 'innovation-center',
        label: 'Keynote segment: Intel Cloud for All, OpenStack Innovation Center',
        url: 'https://www.openstack.org/summit/tokyo-2015/videos/presentation/intel-cloud-for-all-openstack-innovation-center',
        confidence: 'verified',
      },
    ],
  },
  {
    id: 'lxd',
    short: 'LXD vs KVM',
    slide: 'system-containers',
    label: 'LXD and how it provides higher compute density with better performance than KVM',
    title: 'LXD vs KVM',
    speakers: 'Canonical',
    when: 'Vancouver summit, May 2015',
    note: 'No Tokyo LXD talk was found; this Vancouver talk is the best match.',
    links: [
      { label: 'Video (openstack.org)', url: 'https://www.openstack.org/summit/vancouver-2015/summit-videos/presentation/lxd-vs-kvm', confidence: 'inferred' },
    ],
  },
  {
    id: 'hpc-ska',
    short: 'HPC and the SKA',
    slide: 'hpc-ska',
    label: 'OpenStack for HPC and the Square Kilometre Array',
    title: 'OpenStack for HPC and the Square Kilometre Array',
    note: 'No recording or listing of this talk was found.',
    links: [],
  },
  {
    id: 'container-history',
    short: 'A short history of containers',
    slide: 'three-ways',
    label: 'A short history of container technologies in Linux',
    title: 'Beginner\'s Guide to Containers Technology and How it Actually Works',
    note: 'Its abstract runs from chroot() through Solaris Zones to cgroups; the best match for the label.',
    links: [
      { label: 'Video (Confreaks)', url: 'https://confreaks.tv/videos/openstacksummittokyo2015-beginners-guide-to-containers-technology-and-how-it-actually-works', confidence: 'inferred' },
    ],
  },
  {
    id: 'container-state',
    short: 'Managing state in containers',
    slide: 'three-ways',
    label: 'Patterns for managing state in a containers',
    title: 'In a World of Ephemeral Containers, How Do We Keep Track of Things?',
    speakers: 'Ian Lewis (Google)',
    when: 'Thu 29 October, 3:30pm',
    links: [
      { label: 'Video (openstack.org)', url: 'https://www.openstack.org/summit/tokyo-2015/videos/presentation/in-a-world-of-ephemeral-containers-how-do-we-keep-track-of-things', confidence: 'verified' },
      { label: 'Schedule entry', url: 'https://openstacksummitoctober2015tokyo.sched.com/event/49xT/in-a-world-of-ephemeral-containers-how-do-we-keep-track-of-things', confidence: 'verified' },
    ],
  },
  {
    id: 'ceph',
    short: 'Ceph and CephFS',
    slide: 'container-plumbing',
    label: 'Update on Ceph and CephFS in OpenStack',
    title: 'The State of Ceph, Manila, and Containers in OpenStack',
    speakers: 'Sage Weil (Red Hat)',
    when: 'Wed 28 October',
    links: [
      { label: 'Slides (SlideShare)', url: 'http://fr.slideshare.net/sageweil1/the-state-of-ceph-manila-and-containers-in-openstack', confidence: 'verified' },
    ],
  },
  {
    id: 'magnum',
    short: 'Magnum: containers as a service',
    slide: 'magnum',
    label: 'OpenStack Magnum - Containers as a Service',
    title: 'OpenStack Magnum - Containers as a Service',
    speakers: 'Adrian Otto (Rackspace, Magnum PTL)',
    when: 'Wed 28 October, 4:40pm',
    links: [
      { label: 'Video (openstack.org)', url: 'https://www.openstack.org/summit/tokyo-2015/videos/presentation/openstack-magnum-containers-as-a-service', confidence: 'verified' },
      { label: 'Schedule entry', url: 'http://sched.co/49xE', confidence: 'verified' },
    ],
  },
  {
    id: 'bgp',
    short: 'Neutron and BGP Dynamic Routing',
    slide: 'networking',
    label: 'Neutron and BGP Dynamic Routing',
    title: 'Neutron and BGP Dynamic Routing',
    speakers: 'Ryan Tidwell (HP), Vikram Choudhary (Huawei), Jaume Devesa (Midokura)',
    when: 'Tue 27 October, 3:40pm',
    links: [
      { label: 'Slides (SlideShare)', url: 'https://www2.slideshare.net/rktidwell/bgp-dynamic-routing-and-neutron', confidence: 'verified' },
      { label: 'Schedule listing', url: 'https://mitakadesignsummit.sched.com/list/descriptions/venue/Hokushin', confidence: 'verified' },
    ],
  },
  {
    id: 'recap',
    short: 'A recap of the summit',
    slide: 'week',
    label: 'A Recap, get a flavour of the summit',
    title: 'A Recap, get a flavour of the summit',
    speakers: 'OpenStack Foundation',
    note: 'A featured video on openstack.org; its page title was not read, so the report\'s wording is used.',
    links: [
      { label: 'Video (openstack.org)', url: 'https://www.openstack.org/summit/tokyo-2015/videos/featured/openstack-summit-tokyo-2015-recap', confidence: 'verified' },
    ],
  },
] as const satisfies readonly Talk[]
