export * from './create.ts';
export type { DepartmentInput } from './input.ts';
export * from './list.ts';
export * from './read.ts';
export * from './update.ts';
export * from './view.ts';
