import { problem, type ProblemParams } from '../problems/index.ts';
import type { Demand } from './demand.ts';
import type { IsoDate } from '../types.ts';

/** The organisation's remote capacity; null = not set (nothing is reported short against it). */
export interface CapacitySettings {
  thinClientSeats: number | null;
  loanPcs: number | null;
  /** Seats and PCs set aside for a department out of the organisation's. */
  reservations: { departmentId: string; thinClientSeats: number | null; loanPcs: number | null }[];
}

/** What is available on a day, per resource; null = not set. */
export interface Capacity {
  thinClient: number | null;
  loanPc: number | null;
}

const pool = (total: number | null, reserved: (number | null)[]): number | null =>
  total === null ? null : Math.max(0, total - reserved.reduce<number>((s, n) => s + (n ?? 0), 0));

/**
 * The capacity that applies: the organisation's for the whole organisation; for a department, its
 * reservation of a resource when it has one, otherwise what no department has reserved.
 */
export function capacityFor(settings: CapacitySettings, departmentId: string | null): Capacity {
  const org = { thinClient: settings.thinClientSeats, loanPc: settings.loanPcs };
  if (departmentId === null) return org;
  const own = settings.reservations.find((r) => r.departmentId === departmentId);
  return {
    thinClient:
      own?.thinClientSeats ??
      pool(
        org.thinClient,
        settings.reservations.map((r) => r.thinClientSeats),
      ),
    loanPc:
      own?.loanPcs ??
      pool(
        org.loanPc,
        settings.reservations.map((r) => r.loanPcs),
      ),
  };
}

/** How many of a resource are missing for a demand (none when no capacity is set). */
const missing = (demand: number, capacity: number | null): number =>
  capacity === null ? 0 : Math.max(0, demand - capacity);

/** Does demand exceed capacity for either resource? */
export const isShort = (d: Demand, c: Capacity): boolean =>
  (c.thinClient !== null && d.thinClient > c.thinClient) ||
  (c.loanPc !== null && d.loanPc > c.loanPc);

export interface CapacityDay {
  date: IsoDate;
  demand: Demand;
  capacity: Capacity;
  /** How many are missing per resource (0 when it holds or no capacity is set). */
  shortage: Demand;
  short: boolean;
}

export interface CapacitySummary {
  peakThinClient: number;
  peakLoanPc: number;
  firstShortageDate: IsoDate | null;
  daysShort: number;
}

/** Each date's demand against the capacity, and the summary the capacity report leads with. */
export function capacityDays(
  dates: readonly IsoDate[],
  demandOn: (i: number) => Demand,
  capacity: Capacity,
): { days: CapacityDay[]; summary: CapacitySummary } {
  const days = dates.map((date, i) => {
    const demand = demandOn(i);
    const shortage = {
      thinClient: missing(demand.thinClient, capacity.thinClient),
      loanPc: missing(demand.loanPc, capacity.loanPc),
    };
    return { date, demand, capacity, shortage, short: isShort(demand, capacity) };
  });
  const short = days.filter((d) => d.short);
  return {
    days,
    summary: {
      peakThinClient: days.reduce((m, d) => Math.max(m, d.demand.thinClient), 0),
      peakLoanPc: days.reduce((m, d) => Math.max(m, d.demand.loanPc), 0),
      firstShortageDate: short[0]?.date ?? null,
      daysShort: short.length,
    },
  };
}

/** The dates short after a change that were not short before it (both lists by date). */
export function newShortages(
  before: readonly CapacityDay[],
  after: readonly CapacityDay[],
): IsoDate[] {
  const was = new Set(before.filter((d) => d.short).map((d) => d.date));
  return after.filter((d) => d.short && !was.has(d.date)).map((d) => d.date);
}

/** Reservations must fit in what the organisation has; each violation names the field at fault. */
export function checkCapacitySettings(
  s: CapacitySettings,
  changedPaths: ReadonlyMap<string, string>,
): { path: string; message: string; code: string; params: ProblemParams }[] {
  const out: { path: string; message: string; code: string; params: ProblemParams }[] = [];
  const kinds = [
    {
      total: s.thinClientSeats,
      field: 'thinClientSeats' as const,
      label: 'thin-client seats',
      code: 'thin-client-over' as const,
    },
    {
      total: s.loanPcs,
      field: 'loanPcs' as const,
      label: 'loan PCs',
      code: 'loan-pc-over' as const,
    },
  ];
  for (const k of kinds) {
    const reserved = s.reservations.reduce((sum, r) => sum + (r[k.field] ?? 0), 0);
    if (k.total === null || reserved <= k.total) continue;
    // Blame a reservation changed in this request when there is one, else the total being lowered.
    const culprit = [...s.reservations]
      .reverse()
      .find((r) => r[k.field] !== null && changedPaths.has(r.departmentId));
    const path = culprit ? `${changedPaths.get(culprit.departmentId)}/${k.field}` : `/${k.field}`;
    out.push({
      path,
      message: `reservations add up to ${reserved} ${k.label}, more than the organisation's ${k.total}`,
      ...problem(k.code, { reserved, total: k.total }),
    });
  }
  return out;
}
