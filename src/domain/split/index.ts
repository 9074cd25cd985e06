export * from './solve.ts';
export * from './types.ts';
export * from './check.ts';
export * from './labels.ts';
export * from './explain.ts';
export * from './violation.ts';
