import type { Operation } from './operations.ts';

/** The operations of the boards: a department's day, the organisation's, a member's own. */
export const BOARD_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/v1/departments/{id}/board',
    response: 'department-board',
    summary:
      "A department's day (?date=, default today in its zone): office teams and members per slot, remote, standby until when (never why), the next ten working days, uncovered days ahead, remote demand against capacity",
    roles: ['admin', 'hr', 'chief'],
  },
  {
    method: 'get',
    path: '/v1/board',
    response: 'organisation-board',
    summary:
      "The organisation's day (?date=): per department members, office, remote and standby counts and uncovered days ahead; everyone in standby and until when (never why)",
    roles: ['admin', 'hr'],
  },
  {
    method: 'get',
    path: '/v1/members/{id}/today',
    response: 'member-today',
    summary:
      "A member's own day: today, tomorrow, the next office day, and while in standby until when (staff: themselves)",
    roles: ['admin', 'hr', 'chief', 'staff'],
  },
];
