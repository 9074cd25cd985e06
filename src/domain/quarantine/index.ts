export * from './swap.ts';
export * from './covering-team.ts';
export * from './standby.ts';
export * from './exposure.ts';
export * from './member-day.ts';
