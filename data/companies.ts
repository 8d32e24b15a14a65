import type { Company, Role } from './schema.ts'

/** How the report places each company; `others` marks a list the report leaves open ("and many others"). */
export const roles = [
  {
    id: 'represented',
    label: 'Largest technology companies represented',
    others: 'and many others',
    source: 'report',
  },
  { id: 'non-contributor', label: 'Represented without contributing directly', source: 'report' },
  {
    id: 'on-the-ground',
    label: 'Dozens of people on the ground',
    others: 'and others',
    source: 'report',
  },
  { id: 'asian-deployment', label: 'Huge and growing deployments in Asia', source: 'report' },
  { id: 'investment', label: 'Announcing the OpenStack Innovation Center', source: 'report' },
] as const satisfies readonly Role[]

export const companies = [
  {
    name: 'IBM',
    roles: ['represented', 'on-the-ground'],
  },
  {
    name: 'HP',
    roles: ['represented', 'on-the-ground'],
  },
  {
    name: 'Red Hat',
    roles: ['represented', 'on-the-ground'],
  },
  {
    name: 'Rackspace',
    roles: ['represented', 'investment'],
  },
  {
    name: 'Canonical',
    roles: ['represented', 'on-the-ground'],
  },
  {
    name: 'EMC',
    roles: ['represented'],
  },
  {
    name: 'VMware',
    roles: ['represented'],
  },
  {
    name: 'Cisco',
    roles: ['represented'],
  },
  {
    name: 'Microsoft',
    roles: ['non-contributor'],
  },
  {
    name: 'Google',
    roles: ['non-contributor'],
  },
  {
    name: 'Intel',
    roles: ['investment'],
  },
  {
    name: 'NTT',
    roles: ['asian-deployment'],
  },
  {
    name: 'Yahoo Japan',
    roles: ['asian-deployment'],
  },
  {
    name: 'Huawei',
    roles: ['asian-deployment'],
  },
  {
    name: 'SK Telecom',
    roles: ['asian-deployment'],
  },
  {
    name: 'NEC',
    roles: ['asian-deployment'],
  },
] as const satisfies readonly Company[]
