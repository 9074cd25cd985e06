export * from './mark.ts';
export * from './lift.ts';
export * from './follow.ts';
export * from './queries.ts';
export * from './views.ts';
export * from './context.ts';
