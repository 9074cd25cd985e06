export * from './policy.ts';
export * from './read.ts';
export * from './update.ts';
export * from './view.ts';
