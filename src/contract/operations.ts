import type { Role } from '../app/actor.ts';
import type { ResponseName } from './responses.ts';
import type { SchemaName } from './schemas.ts';
import { SCHEDULE_OPERATIONS } from './schedule-operations.ts';
import { BOARD_OPERATIONS } from './board-operations.ts';

/** One operation of the public API, as the OpenAPI document describes it. */
export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  roles: Role[] | 'public';
  body?: SchemaName;
  /** The schema of the success answer (schemas/responses/). */
  response: ResponseName;
  csv?: boolean;
  created?: boolean;
  /** Takes If-Match with the version of a rotation or of a department's roster. */
  ifMatch?: 'rotation' | 'roster';
  /** If-Match may be left out (a change that checks it when sent, or a preview). */
  ifMatchOptional?: boolean;
  /** The body is Slack's form (application/x-www-form-urlencoded), the request signed by Slack. */
  slackSigned?: boolean;
}

/** Every operation of the public API: the organisation's (below) and the schedule's. */
export const OPERATIONS: Operation[] = [
  { method: 'get', path: '/healthz', response: 'health', summary: 'Liveness', roles: 'public' },
  {
    method: 'get',
    path: '/openapi.json',
    response: 'openapi',
    summary: 'This document',
    roles: 'public',
  },
  {
    method: 'post',
    path: '/slack/commands',
    response: 'slack-answer',
    summary:
      "Slack's slash command /bunsan (today, schedule, help): no token, the request is signed with Slack's signing secret",
    roles: 'public',
    slackSigned: true,
  },
  {
    method: 'post',
    path: '/v1/departments',
    response: 'department',
    summary: 'Create a department',
    roles: ['admin'],
    body: 'department-create',
    created: true,
  },
  {
    method: 'get',
    path: '/v1/departments',
    response: 'departments',
    summary: 'List departments (a chief sees their own)',
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'get',
    path: '/v1/departments/{id}',
    response: 'department',
    summary: 'One department',
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'patch',
    path: '/v1/departments/{id}',
    response: 'department',
    summary: 'Change a department',
    roles: ['admin', 'chief'],
    body: 'department-update',
  },
  {
    method: 'post',
    path: '/v1/departments/{id}/members',
    response: 'members',
    summary: 'Add members (JSON or a CSV roster), all or nothing',
    roles: ['admin', 'chief'],
    body: 'members-create',
    csv: true,
    created: true,
  },
  {
    method: 'post',
    path: '/v1/departments/{id}/roster',
    response: 'roster-sync',
    summary:
      'Sync the members with a whole roster (JSON or CSV), matched by e-mail; ?preview=true answers the plan without writing; ?effectiveDate= the day leavers leave',
    roles: ['admin', 'chief'],
    body: 'roster-sync',
    csv: true,
    ifMatch: 'roster',
  },
  {
    method: 'get',
    path: '/v1/departments/{id}/members.csv',
    response: 'members-csv',
    summary: "The roster as CSV (UTF-8 with BOM, the department's language)",
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'get',
    path: '/v1/departments/{id}/members',
    response: 'members',
    summary: "A department's members (?active=true|false)",
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'get',
    path: '/v1/members/{id}',
    response: 'member',
    summary: 'One member (staff: themselves)',
    roles: ['admin', 'hr', 'chief', 'staff'],
  },
  {
    method: 'get',
    path: '/v1/members/{id}/schedule',
    response: 'member-schedule',
    summary: "A member's office / remote / standby days, as their feed shows them (?from=&to=)",
    roles: ['admin', 'hr', 'chief', 'staff'],
  },
  {
    method: 'patch',
    path: '/v1/members/{id}',
    response: 'member-change',
    summary:
      'Change a member; active:false deactivates (feeds and tokens end, the member leaves their team from effectiveDate); ?preview=true answers without writing',
    roles: ['admin', 'chief'],
    body: 'member-update',
    ifMatch: 'roster',
    ifMatchOptional: true,
  },
  {
    method: 'post',
    path: '/v1/members/{id}/slack',
    response: 'member',
    summary: 'Link a member to their Slack account for /bunsan (staff: themselves), or unlink',
    roles: ['admin', 'chief', 'staff'],
    body: 'member-slack',
  },
  {
    method: 'delete',
    path: '/v1/members/{id}',
    response: 'member-change',
    summary: 'Deactivate a member (history stays; ?effectiveDate=, ?preview=true)',
    roles: ['admin', 'chief'],
    ifMatch: 'roster',
    ifMatchOptional: true,
  },
  {
    method: 'post',
    path: '/v1/invitations',
    response: 'invitation-issued',
    summary:
      'Invite a member ({memberId}: admin, or their chief) or an HR user, admin or chief ({email, role, departmentId?}: admin); the one-time link is e-mailed and shown once',
    roles: ['admin', 'chief'],
    body: 'invitation-create',
    created: true,
  },
  {
    method: 'get',
    path: '/v1/invitations',
    response: 'invitations',
    summary: "Invitations and their state (a chief: their department's)",
    roles: ['admin', 'chief'],
  },
  {
    method: 'delete',
    path: '/v1/invitations/{id}',
    response: 'invitation-revoked',
    summary: 'Revoke an invitation not used yet',
    roles: ['admin', 'chief'],
  },
  {
    method: 'post',
    path: '/v1/departments/{id}/invitations',
    response: 'member-invitations',
    summary:
      'Invite every member of the department not signed up yet (each e-mailed; the links shown once, for a printed list)',
    roles: ['admin', 'chief'],
    created: true,
  },
  {
    method: 'get',
    path: '/v1/people',
    response: 'people',
    summary: 'Everyone who signs in: role, scope, passkeys, authenticator app',
    roles: ['admin'],
  },
  {
    method: 'post',
    path: '/v1/people/{id}/reset',
    response: 'invitation-issued',
    summary:
      "Reset a person's credentials: passkeys and authenticator app removed, sessions ended, a fresh invitation sent",
    roles: ['admin'],
    created: true,
  },
  {
    method: 'post',
    path: '/v1/tokens',
    response: 'token-issued',
    summary: 'Issue a token (secret shown once)',
    roles: ['admin'],
    body: 'token-create',
    created: true,
  },
  {
    method: 'get',
    path: '/v1/tokens',
    response: 'tokens',
    summary: 'List tokens (no secrets)',
    roles: ['admin'],
  },
  {
    method: 'delete',
    path: '/v1/tokens/{id}',
    response: 'token',
    summary: 'Revoke a token',
    roles: ['admin'],
  },
  {
    method: 'get',
    path: '/v1/audit',
    response: 'audit',
    summary: 'Audit log (?from=&to=&limit=)',
    roles: ['admin', 'hr'],
  },
  {
    method: 'get',
    path: '/v1/settings',
    response: 'settings',
    summary:
      "The organisation's settings: policy (quarantine length, exposure window, …), thin-client seats, loan PCs, department reservations",
    roles: ['admin', 'hr'],
  },
  {
    method: 'patch',
    path: '/v1/settings',
    response: 'settings',
    summary: 'Change the policy, remote capacity and reservations (the fields given)',
    roles: ['admin'],
    body: 'settings-update',
  },
  {
    method: 'get',
    path: '/v1/capacity',
    response: 'capacity',
    summary:
      'Remote demand against capacity, day by day, for a department or the organisation (?from=&to=&departmentId=)',
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'get',
    path: '/v1/outbox',
    response: 'outbox',
    summary: 'Notification outbox, oldest first (?status=pending|sent|failed|logged&limit=)',
    roles: ['admin'],
  },
  {
    method: 'post',
    path: '/v1/outbox/{id}/retry',
    response: 'outbox-message',
    summary: 'Put a failed notification back in the queue with fresh attempts',
    roles: ['admin'],
  },
  {
    method: 'get',
    path: '/v1/exposures.csv',
    response: 'exposures-csv',
    summary:
      "The health-centre list: a member's office days and who was in the office, as CSV (UTF-8 with BOM; ?memberId=&from=&to=); audited",
    roles: ['hr', 'admin'],
  },
  ...SCHEDULE_OPERATIONS,
  ...BOARD_OPERATIONS,
];
