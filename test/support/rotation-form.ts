/** The rotation form's fields as a chief sends them (two teams, daily, two optional skills), with `over` changed. */
export const rotationForm = (over: Record<string, string> = {}) => ({
  name: '',
  startDate: '2026-12-01',
  endDate: '2027-01-29',
  teamCount: '2',
  pattern: 'daily',
  cycle: '',
  bufferDays: '0',
  skillName0: 'network',
  skillMin0: '0',
  skillName1: 'payroll',
  skillMin1: '0',
  ...over,
});
