export * from './record.ts';
export * from './plan.ts';
export * from './undo.ts';
