export * from './manage.ts';
export * from './snapshot.ts';
export * from './plan.ts';
export * from './view.ts';
export * from './move.ts';
export * from './month.ts';
