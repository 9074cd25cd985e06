import type { MovedSlot, OverrideRecord, OverrideRefusal } from '../../domain/override/index.ts';
import type { CapacityEffect } from '../capacity/index.ts';
import { invalid, type Failure } from '../failure.ts';
import type { AffectedPerson } from './notices.ts';

/** An override as the API shows it. */
export interface OverrideView {
  id: string;
  rotationId: string;
  kind: OverrideRecord['kind'];
  dates: string[];
  teamId: string | null;
  slot: number | null;
  reason: string | null;
  createdAt: string;
  undoneAt: string | null;
}

/** What an override (or its undo) does, or would do when previewed. */
export interface OverrideOutcome {
  applied: boolean;
  override: OverrideView;
  /** Each slot that changes hands (a null team: nobody in the office). */
  moved: MovedSlot[];
  /** The people whose own days change, with those days as they will be (no team: remote). */
  affected: { memberId: string; name: string; days: AffectedPerson['days'] }[];
  /** Remote demand against capacity over the days it touches, before and after. */
  capacity: CapacityEffect;
  /** The rotation's version after it (its ETag); unchanged by a preview. */
  version: number;
}

export const overrideView = (o: OverrideRecord): OverrideView => ({
  id: o.id,
  rotationId: o.rotationId,
  kind: o.kind,
  dates: o.dates,
  teamId: o.teamId,
  slot: o.slot,
  reason: o.reason,
  createdAt: o.createdAt,
  undoneAt: o.undoneAt,
});

export function overrideOutcome(
  o: OverrideRecord,
  moved: readonly MovedSlot[],
  affected: readonly AffectedPerson[],
  capacity: CapacityEffect,
  version: number,
  applied: boolean,
): OverrideOutcome {
  return {
    applied,
    override: overrideView(o),
    moved: [...moved],
    affected: affected.map((a) => ({ memberId: a.person.id, name: a.person.name, days: a.days })),
    capacity,
    version,
  };
}

/** The 422 of an override that would break an invariant: each reason, naming it and its day. */
export const refused = (refusals: readonly OverrideRefusal[]): Failure =>
  invalid(
    'The override is refused: it would break an invariant.',
    refusals.map((r) => ({
      path: r.path,
      message: `${r.invariant}: ${r.message}`,
      code: r.code,
      params: r.params,
      invariant: r.invariant,
      ...(r.date ? { date: r.date } : {}),
      ...(r.team ? { team: r.team } : {}),
    })),
  );
