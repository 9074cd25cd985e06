export * from './manage.ts';
