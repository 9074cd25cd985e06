export * from './report.ts';
export * from './demand.ts';
export * from './effect.ts';
