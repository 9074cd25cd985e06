export * from './cache.ts';
export { feedContext, memberScheduleDays } from './context.ts';
export * from './create.ts';
export * from './links.ts';
export * from './list.ts';
export * from './render.ts';
export * from './revoke.ts';
