export * from './plan.ts';
export * from './effects.ts';
