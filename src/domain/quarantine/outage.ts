import { addDays } from '../calendar/index.ts';
import type { IsoDate } from '../types.ts';
import type { Quarantine } from './record.ts';
import { effectiveEnd } from './standby.ts';

/** A team's time out of the office: from..to inclusive (effective dates). */
export interface TeamOutage {
  quarantineId: string;
  teamId: string;
  from: IsoDate;
  to: IsoDate;
}

/** The team outages in force in a rotation: its team quarantines that still keep a day. */
export function teamOutages(quarantines: readonly Quarantine[], rotationId: string): TeamOutage[] {
  return quarantines
    .filter((q) => q.subject === 'team' && q.rotationId === rotationId)
    .map((q) => ({
      quarantineId: q.id,
      teamId: q.teamId!,
      from: q.effectiveFrom,
      to: effectiveEnd(q),
    }))
    .filter((o) => o.from <= o.to);
}

/** Is the team out on `date`: in an outage, or in the return separation after one? */
export function isBlocked(
  ctx: { outages: readonly TeamOutage[]; returnSeparationDays: number },
  teamId: string,
  date: IsoDate,
  ignore?: string,
): boolean {
  return ctx.outages.some(
    (o) =>
      o.teamId === teamId &&
      o.quarantineId !== ignore &&
      o.from <= date &&
      date <= addDays(o.to, ctx.returnSeparationDays),
  );
}
