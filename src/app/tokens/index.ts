export * from './actors.ts';
export * from './authenticate.ts';
export * from './bootstrap.ts';
export * from './issue.ts';
export * from './list.ts';
export * from './revoke.ts';
export * from './view.ts';
export * from './throttle.ts';
