export * from './messages.ts';
export * from './delivery.ts';
