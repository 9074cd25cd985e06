export * from './days.ts';
export * from './dates.ts';
export * from './time-of-day.ts';
export * from './department.ts';
export * from './zone-offsets.ts';
