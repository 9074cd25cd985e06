export * from './create.ts';
export * from './undo.ts';
export * from './list.ts';
export * from './view.ts';
