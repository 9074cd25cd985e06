export * from './mark.ts';
export * from './preview.ts';
export * from './lift.ts';
export * from './follow.ts';
export * from './queries.ts';
export * from './views.ts';
export { exposureOf, type QuarantineRequest } from './targets.ts';
export { MAX_QUARANTINE_DAYS } from './decision.ts';
