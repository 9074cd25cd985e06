import type { Department, Member } from '../../src/domain/types.ts';

/** A department as stored (for storage tests that write below the API). */
export const departmentRow = (id: string, at = '2026-11-24T00:00:00.000Z'): Department => ({
  id,
  name: id,
  timezone: 'Asia/Tokyo',
  officeHours: { start: '08:30', end: '17:15' },
  workdays: [1, 2, 3, 4, 5],
  holidays: 'jp',
  closedDates: [],
  language: 'ja',
  dataVersion: 0,
  rosterVersion: 0,
  feedAllDay: false,
  slackWebhookUrl: null,
  createdAt: at,
  updatedAt: at,
});

/** A staff member as stored, named by their id (for storage tests that write below the API). */
export const memberRow = (id: string, departmentId: string, at: string): Member => ({
  id,
  departmentId,
  name: id,
  kana: null,
  email: `${id}@example.jp`,
  emailKey: `${id}@example.jp`,
  skills: [],
  position: 'staff',
  remoteAccess: 'company-pc',
  active: true,
  createdAt: at,
  updatedAt: at,
});
