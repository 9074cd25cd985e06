export * from './limits.ts';
export * from './demand.ts';
export * from './survivability.ts';
export * from './effect.ts';
