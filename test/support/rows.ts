/** A department row as stored (for storage tests that write rows below the API). */
export const departmentRow = (id: string, at = '2026-11-24T00:00:00.000Z') => ({
  id,
  name: id,
  timezone: 'Asia/Tokyo',
  office_start: '08:30',
  office_end: '17:15',
  workdays: '[1,2,3,4,5]',
  holidays: 'jp',
  closed_dates: '[]',
  language: 'ja',
  created_at: at,
  updated_at: at,
});
