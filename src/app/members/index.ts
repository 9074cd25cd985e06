export * from './add.ts';
export {
  emailKey,
  isSlackUserTaken,
  isUniqueViolation,
  slackUserTaken,
  repeatedEmails,
  type MemberInput,
  type MemberUpdate,
} from './input.ts';
export * from './list.ts';
export * from './read-overview.ts';
export * from './read.ts';
export * from './roster-csv.ts';
export * from './schedule.ts';
export * from './slack-link.ts';
export { memberInScope, scopedDepartment } from './scope.ts';
export * from './view.ts';
