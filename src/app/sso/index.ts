export * from './rules.ts';
export * from './provider.ts';
export * from './flow.ts';
export * from './confirm.ts';
export * from './settings.ts';
