export * from './manage.ts';
export * from './throttle.ts';
