export * from './plan.ts';
export * from './types.ts';
export * from './model.ts';
export * from './invariants.ts';
export * from './schedule.ts';
export * from './bridging.ts';
