export * from './manage.ts';
export * from './policy.ts';
