export * from './manage.ts';
export * from './roster-csv.ts';
export * from './overview.ts';
