/**
 * Pacing: section budgets, the pace clock (pauses shift the plan, they never reset it) and how far
 * ahead or behind plan the speaker is. Pure functions of their arguments and an explicit `now`, so
 * the server, the presenter view, the remote and the tests all compute the same figures. One file
 * for each job, in shared/pacing/; this one is their common entry.
 */
export * from './pacing/clock.ts'
export * from './pacing/log.ts'
export * from './pacing/pace.ts'
export * from './pacing/plan.ts'
export * from './pacing/time.ts'
