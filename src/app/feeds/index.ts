export * from './manage.ts';
export * from './render.ts';
