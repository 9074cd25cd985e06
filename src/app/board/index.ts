export * from './department.ts';
export * from './member-today.ts';
export * from './organisation.ts';
export type { BoardCapacity } from './load.ts';
