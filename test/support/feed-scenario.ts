import { readFileSync } from 'node:fs';
import { harness, type Harness } from './harness.ts';

/**
 * A small department (the sample roster) with a published two-team daily rotation over
 * December 2026 – January 2027, a clock at 2026-11-24 09:00 JST, and sequential ids: the same
 * data, byte for byte, on every run.
 */
export async function feedScenario(
  opts: { departmentName?: string; language?: 'ja' | 'en'; feedAllDay?: boolean } = {},
) {
  const h: Harness = await harness({ now: '2026-11-24T00:00:00Z', sequentialIds: true });
  const roster = readFileSync(new URL('../fixtures/roster.csv', import.meta.url), 'utf8');
  const dept = await h.call('POST', '/v1/departments', {
    body: {
      name: opts.departmentName ?? '情報政策課',
      closedDates: ['2026-12-29', '2026-12-30', '2026-12-31'],
      language: opts.language ?? 'ja',
      feedAllDay: opts.feedAllDay ?? false,
    },
  });
  const members: { id: string; name: string; email: string }[] = (
    await h.call('POST', `/v1/departments/${dept.json.id}/members`, {
      body: roster,
      type: 'text/csv',
    })
  ).json.members;
  const rot = await h.call('POST', `/v1/departments/${dept.json.id}/rotations`, {
    body: {
      startDate: '2026-12-01',
      endDate: '2027-01-29',
      teamCount: 2,
      pattern: { kind: 'daily' },
      constraints: { requiredSkills: [{ skill: 'network', min: 1 }] },
    },
  });
  if (rot.status !== 201) throw new Error(rot.text);
  const pub = await h.call('POST', `/v1/rotations/${rot.json.id}/publish`, {
    headers: { 'if-match': '"1"' },
  });
  if (pub.status !== 200) throw new Error(pub.text);
  const feed = async (scope: 'member' | 'team' | 'department', id: string) => {
    const r = await h.call('POST', '/v1/feeds', { body: { scope, id } });
    if (r.status !== 201) throw new Error(r.text);
    return r.json as {
      id: string;
      token: string;
      url: string;
      webcalUrl: string;
      googleUrl: string;
    };
  };
  const get = async (token: string, query = '', headers: Record<string, string> = {}) => {
    const res = await h.app.request(`/feeds/${token}.ics${query}`, { headers });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  const memberId = rot.json.teams[0].memberIds[0] as string;
  return { h, department: dept.json, members, rotation: pub.json, feed, get, memberId };
}
export type FeedScenario = Awaited<ReturnType<typeof feedScenario>>;
