import type { DepartmentRow, MemberRow, TokenRow } from '../db/schema.ts';

/** The API's view of a department row; its Slack webhook (a credential) shows only as configured or not. */
export function departmentView(r: DepartmentRow) {
  return {
    id: r.id,
    name: r.name,
    timezone: r.timezone,
    officeHours: { start: r.office_start, end: r.office_end },
    workdays: JSON.parse(r.workdays) as number[],
    holidays: r.holidays as 'jp' | 'none',
    closedDates: JSON.parse(r.closed_dates) as string[],
    language: r.language as 'ja' | 'en',
    feedAllDay: r.feed_all_day === 1,
    slackWebhookConfigured: r.slack_webhook_url !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
export type DepartmentView = ReturnType<typeof departmentView>;

/** The API's view of a member row. */
export function memberView(r: MemberRow) {
  return {
    id: r.id,
    departmentId: r.department_id,
    name: r.name,
    email: r.email,
    skills: JSON.parse(r.skills) as string[],
    position: r.position,
    remoteAccess: r.remote_access,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
export type MemberView = ReturnType<typeof memberView>;

/** The API's view of a token (never its secret nor its hash). */
export function tokenView(r: TokenRow) {
  return {
    id: r.id,
    role: r.role,
    departmentId: r.department_id,
    memberId: r.member_id,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}
