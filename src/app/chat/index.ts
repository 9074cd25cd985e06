export * from './command.ts';
export * from './office.ts';
export * from './reminders.ts';
export * from './signature.ts';
