export * from './record.ts';
export * from './rules.ts';
export * from './plan.ts';
export * from './undo.ts';
