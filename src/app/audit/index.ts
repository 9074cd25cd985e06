export * from './entry.ts';
export * from './export.ts';
export * from './list.ts';
export * from './view.ts';
