export * from './change.ts';
export * from './effects.ts';
export * from './state.ts';
export * from './sync.ts';
export { staleRoster } from './writes.ts';
export * from './export.ts';
