import type { Role } from '../app/actor.ts';
import type { SchemaName } from './schemas.ts';

/** One operation of the public API, as the OpenAPI document describes it. */
export interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  roles: Role[] | 'public';
  body?: SchemaName;
  csv?: boolean;
  created?: boolean;
  /** Takes If-Match with the rotation's version. */
  ifMatch?: boolean;
}

export const OPERATIONS: Operation[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness', roles: 'public' },
  { method: 'get', path: '/openapi.json', summary: 'This document', roles: 'public' },
  {
    method: 'post',
    path: '/v1/departments',
    summary: 'Create a department',
    roles: ['admin'],
    body: 'department-create',
    created: true,
  },
  {
    method: 'get',
    path: '/v1/departments',
    summary: 'List departments (a chief sees their own)',
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'get',
    path: '/v1/departments/{id}',
    summary: 'One department',
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'patch',
    path: '/v1/departments/{id}',
    summary: 'Change a department',
    roles: ['admin', 'chief'],
    body: 'department-update',
  },
  {
    method: 'post',
    path: '/v1/departments/{id}/members',
    summary: 'Add members (JSON or a CSV roster), all or nothing',
    roles: ['admin', 'chief'],
    body: 'members-create',
    csv: true,
    created: true,
  },
  {
    method: 'get',
    path: '/v1/departments/{id}/members',
    summary: "A department's members (?active=true|false)",
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'get',
    path: '/v1/members/{id}',
    summary: 'One member (staff: themselves)',
    roles: ['admin', 'hr', 'chief', 'staff'],
  },
  {
    method: 'get',
    path: '/v1/members/{id}/schedule',
    summary: "A member's office / remote / standby days, as their feed shows them (?from=&to=)",
    roles: ['admin', 'hr', 'chief', 'staff'],
  },
  {
    method: 'patch',
    path: '/v1/members/{id}',
    summary: 'Change a member; active:false deactivates',
    roles: ['admin', 'chief'],
    body: 'member-update',
  },
  {
    method: 'delete',
    path: '/v1/members/{id}',
    summary: 'Deactivate a member (history stays)',
    roles: ['admin', 'chief'],
  },
  {
    method: 'post',
    path: '/v1/tokens',
    summary: 'Issue a token (secret shown once)',
    roles: ['admin'],
    body: 'token-create',
    created: true,
  },
  { method: 'get', path: '/v1/tokens', summary: 'List tokens (no secrets)', roles: ['admin'] },
  { method: 'delete', path: '/v1/tokens/{id}', summary: 'Revoke a token', roles: ['admin'] },
  {
    method: 'post',
    path: '/v1/departments/{id}/rotations',
    summary:
      'Create a draft rotation: split active members into teams, plan office days; 422 names each unmet constraint',
    roles: ['admin', 'chief'],
    body: 'rotation-create',
    created: true,
  },
  {
    method: 'get',
    path: '/v1/departments/{id}/rotations',
    summary: "A department's rotations",
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'get',
    path: '/v1/rotations/{id}',
    summary: 'A rotation: teams, memberships, report; its version is the ETag',
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'get',
    path: '/v1/rotations/{id}/schedule',
    summary: 'Day by day: office, remote and standby teams (?from=&to=)',
    roles: ['admin', 'hr', 'chief', 'staff'],
  },
  {
    method: 'get',
    path: '/v1/rotations/{id}/survivability',
    summary: 'N-1: the worst single-team outage and its uncovered days',
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'post',
    path: '/v1/rotations/{id}/publish',
    ifMatch: true,
    summary: 'Publish a draft (If-Match)',
    roles: ['admin', 'chief'],
  },
  {
    method: 'post',
    path: '/v1/rotations/{id}/regenerate',
    ifMatch: true,
    summary: 'Split and plan a draft again (If-Match)',
    roles: ['admin', 'chief'],
    body: 'rotation-regenerate',
  },
  {
    method: 'post',
    path: '/v1/rotations/{id}/moves',
    summary:
      'Move, place or take out a member (If-Match); says from which date they join the office',
    roles: ['admin', 'chief'],
    body: 'rotation-move',
    created: true,
    ifMatch: true,
  },
  {
    method: 'post',
    path: '/v1/feeds',
    summary: 'Create a calendar feed: {id, token, url, webcalUrl, googleUrl}',
    roles: ['admin', 'chief', 'staff'],
    body: 'feed-create',
    created: true,
  },
  {
    method: 'get',
    path: '/v1/feeds',
    summary: 'Live feeds this token may revoke, newest first (no secrets; ?departmentId=)',
    roles: ['admin', 'chief', 'staff'],
  },
  {
    method: 'delete',
    path: '/v1/feeds/{id}',
    summary: 'Revoke a feed (its URL answers 404 from then on)',
    roles: ['admin', 'chief', 'staff'],
  },
  {
    method: 'get',
    path: '/feeds/{token}.ics',
    summary: 'The calendar (the token in the path is the credential)',
    roles: 'public',
  },
  {
    method: 'post',
    path: '/v1/quarantines',
    summary:
      'Mark a team, a member or a positive case quarantined (Idempotency-Key); office days move to healthy teams',
    roles: ['hr', 'admin'],
    body: 'quarantine-create',
    created: true,
  },
  {
    method: 'post',
    path: '/v1/quarantines/{id}/lift',
    summary: 'Lift early: days from the date on go back where every invariant allows',
    roles: ['hr', 'admin'],
    body: 'quarantine-lift',
  },
  {
    method: 'get',
    path: '/v1/quarantines',
    summary: 'Quarantines (?active=true&departmentId=)',
    roles: ['hr', 'admin'],
  },
  {
    method: 'get',
    path: '/v1/exposures',
    summary: 'Who shared office days with a member (?memberId=&from=&to=)',
    roles: ['hr', 'admin'],
  },
  {
    method: 'get',
    path: '/v1/audit',
    summary: 'Audit log (?from=&to=&limit=)',
    roles: ['admin', 'hr'],
  },
  {
    method: 'get',
    path: '/v1/settings',
    summary:
      "The organisation's settings: policy (quarantine length, exposure window, …), thin-client seats, loan PCs, department reservations",
    roles: ['admin', 'hr'],
  },
  {
    method: 'patch',
    path: '/v1/settings',
    summary: 'Change the policy, remote capacity and reservations (the fields given)',
    roles: ['admin'],
    body: 'settings-update',
  },
  {
    method: 'get',
    path: '/v1/capacity',
    summary:
      'Remote demand against capacity, day by day, for a department or the organisation (?from=&to=&departmentId=)',
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'get',
    path: '/v1/outbox',
    summary: 'Notification outbox, oldest first (?status=pending|sent|failed|logged&limit=)',
    roles: ['admin'],
  },
  {
    method: 'post',
    path: '/v1/outbox/{id}/retry',
    summary: 'Put a failed notification back in the queue with fresh attempts',
    roles: ['admin'],
  },
];
