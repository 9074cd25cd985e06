export * from './deliver.ts';
export * from './list.ts';
export * from './loop.ts';
export * from './notices.ts';
export * from './retry.ts';
export * from './view.ts';
