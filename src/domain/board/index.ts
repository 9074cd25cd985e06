export * from './department.ts';
export * from './organisation.ts';
export * from './standby.ts';
